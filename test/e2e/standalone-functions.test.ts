// The standalone functions (functions.ts) against a scripted node:http server on 127.0.0.1: the
// same calls as the client object, with the core passed first; and what a bundler keeps of them.
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  ApiError,
  NotFoundError,
  createTensorPoolClient,
  createTensorPoolCore,
} from "../../generated/tensorpool/index.js";
import * as functions from "../../generated/tensorpool/functions.js";
import { createClusterAndWait, getClusterInfo } from "../../generated/tensorpool/functions.js";
import { bundledModuleBytes } from "../helpers/bundled-modules.js";
import { json, startServer, type TestServer } from "../runtime/helpers/http-server.js";

const apiKey = "tp-secret-key-123";
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const coreFor = (s: TestServer) =>
  createTensorPoolCore({ baseUrl: s.url, apiKey, retry: { initialDelayMs: 1, maxDelayMs: 5 } });

const cluster = { cluster_id: "c-1", status: "running" };

describe("standalone functions", () => {
  it("send with the core's auth, retry a 503 and resolve the parsed body", async () => {
    server = await startServer(json(503, { message: "busy" }), json(200, cluster));
    const info = await getClusterInfo(coreFor(server), { cluster: "c 1" });
    expect(info).toEqual(cluster);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].url).toBe("/cluster/info/c%201");
    expect(server.requests[1].headers.authorization).toBe(`Bearer ${apiKey}`);
  });

  it("reject with typed errors; withResponse() gives the status", async () => {
    server = await startServer(json(404, { message: "Cluster not found" }), json(200, cluster));
    const core = coreFor(server);
    const missing = await getClusterInfo(core, { cluster: "none" }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing).toBeInstanceOf(ApiError);
    expect((missing as NotFoundError).status).toBe(404);
    expect(String(missing)).not.toContain(apiKey);
    const { data, status } = await getClusterInfo(core, { cluster: "c-1" }).withResponse();
    expect([data, status]).toEqual([cluster, 200]);
  });

  it("start and wait for a long-running operation", async () => {
    server = await startServer(
      json(202, { cluster_id: "c-1", message: "ok", request_id: "r-1" }),
      json(200, { request_id: "r-1", status: "COMPLETED", object_id: "c-1" }),
    );
    const done = await createClusterAndWait(
      coreFor(server),
      { body: { instance_type: "1xH100" } },
      { intervalMs: 1 },
    );
    expect(done).toMatchObject({ tracked: true, state: { status: "COMPLETED" } });
    expect(server.requests.map((r) => r.url)).toEqual(["/cluster/create", "/request/info/r-1"]);
  });

  it("are what the client object's methods call, one for one", () => {
    const client = createTensorPoolClient({ baseUrl: "http://127.0.0.1:9" });
    expect(Object.keys(client).sort()).toEqual(Object.keys(functions).sort());
  });
});

describe("what a bundler keeps", () => {
  /** The runtime modules esbuild keeps code from for a page (minified, tree-shaken). */
  async function keptModules(source: string): Promise<string[]> {
    const bytes = await bundledModuleBytes(source, path.resolve("generated/tensorpool"));
    return Object.keys(bytes).sort();
  }

  it("one plain call: the request path only, no pollers, pagination, channels, dates, other styles, server waits, other auth schemes or other descriptors", async () => {
    const kept = await keptModules(`
      import { createTensorPoolCore } from "./core.js";
      import { getClusterInfo } from "./functions.js";
      getClusterInfo(createTensorPoolCore(), { cluster: "c-1" }).then(console.log);
    `);
    expect(kept).toEqual(expect.arrayContaining(["attempt", "errors", "retry", "transport"]));
    // TensorPool is generated without dates and its parameters keep the default styles: the
    // reviver and the styles are only reached through descriptors that name them (this call's
    // one plain path value needs no serializer at all), and so is the server-side wait (no
    // TensorPool call has one) and each auth scheme (TensorPool declares Bearer only: Basic's
    // base64 stays out).
    for (const unused of [
      "poller",
      "paginate",
      "channel",
      "event-stream",
      "url-lro",
      "client",
      "dates",
      "serialize",
      "param-styles",
      "server-wait",
      "base64",
    ])
      expect(kept).not.toContain(unused);
  });

  it("one wait: the poller comes in, pagination and channels stay out", async () => {
    const kept = await keptModules(`
      import { createTensorPoolCore } from "./core.js";
      import { waitForRequest } from "./functions.js";
      waitForRequest(createTensorPoolCore(), "r-1").then(console.log);
    `);
    expect(kept).toContain("poller");
    for (const unused of ["paginate", "channel", "event-stream", "url-lro"])
      expect(kept).not.toContain(unused);
  });
});
