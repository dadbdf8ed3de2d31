// The generated TensorOne client: v1 envelopes with page pagination, v2 bare shapes, rate-limit
// errors, and waiting for a cluster to reach a state.
import { afterEach, describe, expect, it } from "vitest";
import { ApiError, OperationFailedError, RateLimitError, createTensorOneClient } from "../../generated/tensorone/index.js";
import { json, startServer, type TestServer } from "../runtime/helpers/http-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const client = (s: TestServer) => createTensorOneClient({ baseUrl: s.url, apiKey: "tpo_test_key", retry: { initialDelayMs: 1, maxDelayMs: 50 } });

const cluster = (id: string, status = "running") => ({ id, name: `c-${id}`, status, gpu_type: "A100", gpu_count: 8 });
const page = (n: number, ids: string[], hasNext: boolean) => ({
  success: true,
  data: {
    clusters: ids.map((id) => cluster(id)),
    pagination: { current_page: n, total_pages: 3, total_count: 7, per_page: 3, has_next: hasNext, has_previous: n > 1 },
    filters_applied: { status: "running" },
  },
  meta: { request_id: `req_${n}`, response_time_ms: 5 },
});

describe("TensorOne v1 clusters", () => {
  it("lists with filters, sort and page size; awaiting gives the first page envelope", async () => {
    server = await startServer(json(200, page(1, ["a", "b", "c"], true)));
    const first = await client(server).listClusters({ status: "running", gpu_type: "A100", sort_by: "cost", sort_order: "desc", limit: 3 });
    expect(first.data.clusters.map((c) => c.id)).toEqual(["a", "b", "c"]);
    expect(first.data.pagination.has_next).toBe(true);
    expect(server.requests).toHaveLength(1);
    // Query parameters go out in the spec's order, whatever order the caller wrote them in.
    expect(server.requests[0].url).toBe("/v1/clusters?limit=3&status=running&gpu_type=A100&sort_by=cost&sort_order=desc");
    expect(server.requests[0].headers.authorization).toBe("Bearer tpo_test_key");
  });

  it("iterates every cluster across three pages, keeping the filters", async () => {
    server = await startServer(json(200, page(1, ["a", "b", "c"], true)), json(200, page(2, ["d", "e", "f"], true)), json(200, page(3, ["g"], false)));
    const ids: string[] = [];
    for await (const c of client(server).listClusters({ status: "running", limit: 3 })) ids.push(c.id);
    expect(ids).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
    const queries = server.requests.map((r) => Object.fromEntries(new URL(r.url, "http://x").searchParams));
    expect(queries).toEqual([
      { limit: "3", status: "running" },
      { page: "2", limit: "3", status: "running" },
      { page: "3", limit: "3", status: "running" },
    ]);
    const pages = server.requests.map((r) => new URL(r.url, "http://x").searchParams.get("page"));
    expect(pages).toEqual([null, "2", "3"]);
  });

  it("stops early at maxItems without fetching a page it does not need", async () => {
    server = await startServer(json(200, page(1, ["a", "b", "c"], true)), json(200, page(2, ["d", "e", "f"], true)));
    const ids: string[] = [];
    for await (const c of client(server).listClusters({ limit: 3 }, { maxItems: 3 })) ids.push(c.id);
    expect(ids).toEqual(["a", "b", "c"]);
    expect(server.requests).toHaveLength(1);
  });

  it("throws RateLimitError with the rate-limit headers on 429", async () => {
    server = await startServer(
      json(429, { success: false, error: { code: "RATE_LIMIT_EXCEEDED", message: "Too many requests", details: { retry_after: 3600 } } }, {
        "retry-after": "3600", "x-ratelimit-limit": "1000", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1893456000", "x-ratelimit-window": "3600",
      }),
    );
    const error = await client(server).getCluster({ cluster_id: "a" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    const rate = (error as RateLimitError).rateLimit;
    expect(rate).toMatchObject({ limit: 1000, remaining: 0, window: 3600 });
    expect((error as ApiError).message).toContain("Too many requests");
  });

  it("deletes with a JSON body on DELETE", async () => {
    server = await startServer(json(200, { success: true, data: { id: "a", status: "deleting" } }));
    await client(server).deleteCluster({ cluster_id: "a", body: { confirm_deletion: "DELETE", force: true } });
    expect(server.requests[0].method).toBe("DELETE");
    expect(JSON.parse(server.requests[0].text)).toMatchObject({ confirm_deletion: "DELETE", force: true });
  });
});

describe("TensorOne v2 clusters", () => {
  it("lists bare camelCase arrays", async () => {
    server = await startServer(json(200, [{ id: "a", name: "n", status: "running", gpuType: "H100", containerDiskSize: 10, volumeSize: 20, createdAt: "2023-11-07T05:31:56Z" }]));
    const list = await client(server).listClustersV2();
    expect(list[0].gpuType).toBe("H100");
    expect(server.requests[0].url).toBe("/v2/clusters");
  });
});

describe("TensorOne waitForCluster", () => {
  const detail = (status: string) => ({ success: true, data: { ...cluster("a", status) } });

  it("polls pending -> starting -> running", async () => {
    server = await startServer(json(200, detail("pending")), json(200, detail("starting")), json(200, detail("running")));
    const done = await client(server).waitForCluster("a", { until: "running", intervalMs: 1 });
    expect(done.data.status).toBe("running");
    expect(server.requests.map((r) => r.url.split("?")[0])).toEqual(["/v1/clusters/a", "/v1/clusters/a", "/v1/clusters/a"]);
  });

  it("waits for stopped when asked, and rejects on error", async () => {
    server = await startServer(json(200, detail("stopping")), json(200, detail("stopped")));
    expect((await client(server).waitForCluster("a", { until: "stopped", intervalMs: 1 })).data.status).toBe("stopped");
    await server.close();
    server = await startServer(json(200, detail("starting")), json(200, detail("error")));
    const error = await client(server).waitForCluster("a", { until: "running", intervalMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationFailedError);
  });
});
