// The header-driven LRO strategies and the pacing every poll loop shares: the interval floor, the
// bound on answers without a status, bodies read as JSON without a Content-Type, Locations handed
// out by polls, and no final GET of the original URI after the Location strategy.
import { afterEach, describe, expect, it } from "vitest";
import { encodeJson } from "../../templates/runtime/body.js";
import { SdkError } from "../../templates/runtime/errors.js";
import { MAX_USELESS_POLLS, MIN_POLL_INTERVAL_MS } from "../../templates/runtime/lro-engine.js";
import { Transport } from "../../templates/runtime/transport.js";
import { pollerFor } from "../../templates/runtime/call-lro.js";
import { startAndWaitAtUrl } from "../../templates/runtime/call-url-lro.js";
import type { LroSpec, UrlLroSpec } from "../../templates/runtime/types.js";
import { fakeTime, op } from "./helpers/fixtures.js";
import { json, raw, startServer } from "./helpers/http-server.js";
import type { Reply, TestServer } from "./helpers/http-server.js";

let server: TestServer;
afterEach(() => server?.close());

const azure: UrlLroSpec = {
  kind: "url",
  urlHeaders: ["Operation-Location", "Azure-AsyncOperation", "Location"],
  statusPaths: [["status"], ["properties", "provisioningState"], ["provisioningState"]],
  successValues: ["Succeeded"],
  failureValues: ["Failed"],
  canceledValues: ["Canceled"],
  isCaseInsensitive: true,
  errorPath: ["error"],
  finalStateVia: "original-uri",
  defaultIntervalMs: 2000,
};

// Starts declare every 2xx they may answer (200, 201, 202): only declared statuses succeed.
const started = [{ status: "2XX", kind: "json" as const }];
const put = op({
  id: "putThing",
  method: "PUT",
  path: "/things/1",
  body: { kind: "json", mediaType: "application/json", encode: encodeJson },
  responses: started,
});
const post = op({
  id: "postThing",
  method: "POST",
  path: "/things",
  isIdempotent: false,
  responses: started,
});

async function setup(...replies: Reply[]) {
  const time = fakeTime();
  server = await startServer(...replies);
  const transport = new Transport(
    {},
    { baseUrl: server.url, sleep: time.sleep, now: time.now, random: () => 0.5 },
  );
  return { transport, time, seen: () => server.requests.map((r) => `${r.method} ${r.url}`) };
}

describe("interval floor", () => {
  it("Retry-After: 0 and intervalMs: 1 never make a header-driven wait poll faster than the floor", async () => {
    const { transport, time } = await setup(
      json(202, undefined, { "azure-asyncoperation": "/ops/1", "retry-after": "0" }),
      json(200, { status: "InProgress" }, { "retry-after": "0" }),
      json(200, { status: "InProgress" }),
      json(200, { status: "Succeeded" }),
    );
    await startAndWaitAtUrl(transport, post, undefined, { intervalMs: 1 }, "postThing", {
      ...azure,
      finalStateVia: "azure-async-operation",
    });
    expect(time.waits).toHaveLength(3);
    expect(Math.min(...time.waits)).toBeGreaterThanOrEqual(MIN_POLL_INTERVAL_MS);
  });

  it("a spec-described poller keeps the same floor", async () => {
    const lro: LroSpec = {
      poll: op({ id: "getJob", path: "/jobs/{id}", params: [{ name: "id", in: "path" }] }),
      idParam: "id",
      statusPath: ["status"],
      successValues: ["done"],
      failureValues: ["failed"],
      defaultIntervalMs: 0,
    };
    const { transport, time } = await setup(
      json(200, { status: "running" }, { "retry-after": "0" }),
      json(200, { status: "running" }),
      json(200, { status: "done" }),
    );
    await pollerFor(transport, "Job", lro, ["j1"]).pollUntilDone({ intervalMs: 0 });
    expect(time.waits).toEqual([MIN_POLL_INTERVAL_MS, MIN_POLL_INTERVAL_MS]);
  });
});

describe("a monitor that answers nothing usable", () => {
  it("ends with a clear error after MAX_USELESS_POLLS answers without a status", async () => {
    const { transport, seen } = await setup(
      json(202, undefined, { "azure-asyncoperation": "/ops/1", "retry-after": "0" }),
      json(200, {}, { "retry-after": "0" }),
    );
    const error = await startAndWaitAtUrl(transport, post, undefined, {}, "postThing", azure).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SdkError);
    expect((error as Error).message).toMatch(/status monitor \/ops\/1 never reported a status/);
    expect(seen()).toHaveLength(1 + MAX_USELESS_POLLS);
  });

  it("the same bound ends a spec-described poller whose answers never carry a status", async () => {
    const lro: LroSpec = {
      poll: op({ id: "getJob", path: "/jobs/{id}", params: [{ name: "id", in: "path" }] }),
      idParam: "id",
      statusPath: ["status"],
      successValues: ["done"],
      failureValues: ["failed"],
      defaultIntervalMs: 1000,
    };
    const { transport, seen } = await setup(json(200, {}));
    await expect(pollerFor(transport, "Job", lro, ["j1"]).pollUntilDone()).rejects.toThrow(
      /never reported a status/,
    );
    expect(seen()).toHaveLength(MAX_USELESS_POLLS);
  });
});

describe("strategies", () => {
  it("reads status answers and the final GET as JSON when they carry no Content-Type", async () => {
    const { transport, seen } = await setup(
      raw(201, '{"properties":{"provisioningState":"Creating"}}', {
        "azure-asyncoperation": "/ops/1",
      }),
      raw(200, '{"status":"Succeeded"}'),
      raw(200, '{"id":"1","properties":{"provisioningState":"Succeeded"}}'),
    );
    expect(await startAndWaitAtUrl(transport, put, { body: {} }, {}, "putThing", azure)).toEqual({
      id: "1",
      properties: { provisioningState: "Succeeded" },
    });
    expect(seen()).toEqual(["PUT /things/1", "GET /ops/1", "GET /things/1"]);
  });

  it("follows a Location a poll hands out, and after Location polling a PUT does not GET its own URI", async () => {
    const { transport, seen } = await setup(
      json(202, undefined, { location: "/ops/a" }),
      json(202, undefined, { location: "/ops/b" }),
      json(200, { id: "1", name: "done" }),
    );
    expect(await startAndWaitAtUrl(transport, put, { body: {} }, {}, "putThing", azure)).toEqual({
      id: "1",
      name: "done",
    });
    expect(seen()).toEqual(["PUT /things/1", "GET /ops/a", "GET /ops/b"]);
  });

  it("relative monitor URLs resolve against the request that handed them out (RFC 9110 10.2.2)", async () => {
    const time = fakeTime();
    server = await startServer(
      json(202, undefined, { "operation-location": "status/1", location: "result/1" }),
      json(200, { status: "InProgress" }, { "operation-location": "../ops/2" }),
      json(200, { status: "Succeeded" }),
      json(200, { id: "1" }),
    );
    const transport = new Transport(
      {},
      { baseUrl: `${server.url}/api`, sleep: time.sleep, now: time.now, random: () => 0.5 },
    );
    const start = op({ ...post, path: "/jobs/start" });
    const lro = { ...azure, finalStateVia: "location" as const };
    expect(await startAndWaitAtUrl(transport, start, undefined, {}, "start", lro)).toEqual({
      id: "1",
    });
    // Against the base URL, "status/1" would be /api/status/1 and "result/1" /api/result/1.
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /api/jobs/start",
      "GET /api/jobs/status/1",
      "GET /api/jobs/ops/2",
      "GET /api/jobs/result/1",
    ]);
  });

  it("a 200 start whose body is already terminal ends there, whatever headers it carries", async () => {
    const { transport, seen } = await setup(
      json(
        200,
        { properties: { provisioningState: "Succeeded" } },
        { "azure-asyncoperation": "http://localhost:1/elsewhere" },
      ),
    );
    expect(await startAndWaitAtUrl(transport, put, { body: {} }, {}, "putThing", azure)).toEqual({
      properties: { provisioningState: "Succeeded" },
    });
    expect(seen()).toEqual(["PUT /things/1"]);
  });

  it("a start with nothing to poll is done (a 202 without a monitor, as Azure's generators read it)", async () => {
    const { transport, seen } = await setup(json(202, undefined));
    expect(
      await startAndWaitAtUrl(transport, post, undefined, {}, "postThing", azure),
    ).toBeUndefined();
    expect(seen()).toEqual(["POST /things"]);
  });
});
