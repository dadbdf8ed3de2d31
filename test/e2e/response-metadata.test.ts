// `.withResponse()` on generated methods: status, declared headers parsed per their schema and
// the raw headers, beside the same body the plain call resolves; against a local server.
import { afterEach, describe, expect, it } from "vitest";
import { ApiError, createTensorOneClient } from "../../generated/tensorone/index.js";
import { json, startServer, type TestServer } from "../runtime/helpers/http-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const client = (s: TestServer) =>
  createTensorOneClient({ baseUrl: s.url, apiKey: "tpo_test_key", retry: { maxRetries: 0 } });

const rateLimit = {
  "x-ratelimit-limit": "1000",
  "x-ratelimit-remaining": "998",
  "x-ratelimit-reset": "1893456000",
  "x-ratelimit-window": "3600",
};
const cluster = {
  success: true,
  data: { id: "a", name: "c-a", status: "running", gpu_type: "A100", gpu_count: 8 },
};

describe("withResponse()", () => {
  it("reads TensorOne's rate-limit headers on a successful call, parsed as numbers", async () => {
    server = await startServer(json(200, cluster, { ...rateLimit, "x-request-id": "req_1" }));
    const { data, status, headers, rawHeaders } = await client(server)
      .getCluster({ cluster_id: "a" })
      .withResponse();
    expect(data).toEqual(cluster);
    expect(status).toBe(200);
    expect(headers).toEqual({
      "x-ratelimit-limit": 1000,
      "x-ratelimit-remaining": 998,
      "x-ratelimit-reset": 1893456000,
      "x-ratelimit-window": 3600,
    });
    // Undeclared headers are only in the raw Headers.
    expect(rawHeaders.get("x-request-id")).toBe("req_1");
    expect(server.requests).toHaveLength(1);
  });

  it("gives the status of a declared non-200 success (201)", async () => {
    server = await startServer(json(201, cluster, rateLimit));
    const result = await client(server)
      .createCluster({
        body: {
          name: "c-a",
          gpu_type: "A100",
          gpu_count: 8,
          storage_gb: 100,
          region: "us-east-1",
          project_id: "p",
        },
      })
      .withResponse();
    expect(result.status).toBe(201);
    expect(result.data).toEqual(cluster);
    expect(result.headers["x-ratelimit-remaining"]).toBe(998);
  });

  it("leaves out a declared header the server did not send or that does not parse", async () => {
    server = await startServer(json(200, cluster, { "x-ratelimit-limit": "lots" }));
    const { headers, rawHeaders } = await client(server)
      .getCluster({ cluster_id: "a" })
      .withResponse();
    expect(headers).toEqual({});
    expect(rawHeaders.get("x-ratelimit-limit")).toBe("lots");
  });

  it("the plain call resolves the body alone, from one request", async () => {
    server = await startServer(json(200, cluster, rateLimit));
    expect(await client(server).getCluster({ cluster_id: "a" })).toEqual(cluster);
    expect(server.requests).toHaveLength(1);
  });

  it("a failed call rejects withResponse() with the typed error, and nothing else goes unhandled", async () => {
    server = await startServer(
      json(404, { success: false, error: { code: "NOT_FOUND", message: "no cluster" } }),
    );
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const error = await client(server)
        .getCluster({ cluster_id: "a" })
        .withResponse()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(404);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("a pageable method gives its first page with status and headers", async () => {
    const page = {
      success: true,
      data: {
        clusters: [cluster.data],
        pagination: {
          current_page: 1,
          total_pages: 1,
          total_count: 1,
          per_page: 10,
          has_next: false,
          has_previous: false,
        },
      },
    };
    server = await startServer(json(200, page, rateLimit));
    const list = client(server).listClusters();
    const first = await list.withResponse();
    expect(first.status).toBe(200);
    expect(first.data).toEqual(page);
    expect(first.headers["x-ratelimit-window"]).toBe(3600);
    // The first page is shared: iterating does not fetch it again.
    const ids: string[] = [];
    for await (const c of list) ids.push(c.id);
    expect(ids).toEqual(["a"]);
    expect(server.requests).toHaveLength(1);
  });
});
