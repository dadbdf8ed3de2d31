// The generated TensorOne client: v1 envelopes with page pagination, v2 bare shapes, rate-limit
// errors, and waiting for a cluster to reach a state.
import { afterEach, describe, expect, it } from "vitest";
import {
  ApiError,
  OperationFailedError,
  PollTimeoutError,
  RateLimitError,
  TimeoutError,
  createTensorOneClient,
} from "../../generated/tensorone/index.js";
import { poller_Cluster } from "../../generated/tensorone/descriptors.js";
import { json, slow, startServer, type TestServer } from "../runtime/helpers/http-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const client = (s: TestServer) =>
  createTensorOneClient({
    baseUrl: s.url,
    apiKey: "tpo_test_key",
    retry: { initialDelayMs: 1, maxDelayMs: 50 },
  });

const cluster = (id: string, status = "running") => ({
  id,
  name: `c-${id}`,
  status,
  gpu_type: "A100",
  gpu_count: 8,
});
const page = (n: number, ids: string[], hasNext: boolean) => ({
  success: true,
  data: {
    clusters: ids.map((id) => cluster(id)),
    pagination: {
      current_page: n,
      total_pages: 3,
      total_count: 7,
      per_page: 3,
      has_next: hasNext,
      has_previous: n > 1,
    },
    filters_applied: { status: "running" },
  },
  meta: { request_id: `req_${n}`, response_time_ms: 5 },
});

describe("TensorOne v1 clusters", () => {
  it("lists with filters, sort and page size; awaiting gives the first page envelope", async () => {
    server = await startServer(json(200, page(1, ["a", "b", "c"], true)));
    const first = await client(server).listClusters({
      status: "running",
      gpu_type: "A100",
      sort_by: "cost",
      sort_order: "desc",
      limit: 3,
    });
    expect(first.data.clusters.map((c) => c.id)).toEqual(["a", "b", "c"]);
    expect(first.data.pagination.has_next).toBe(true);
    expect(server.requests).toHaveLength(1);
    // Query parameters go out in the spec's order, whatever order the caller wrote them in.
    expect(server.requests[0].url).toBe(
      "/v1/clusters?limit=3&status=running&gpu_type=A100&sort_by=cost&sort_order=desc",
    );
    expect(server.requests[0].headers.authorization).toBe("Bearer tpo_test_key");
  });

  it("iterates every cluster across three pages, keeping the filters", async () => {
    server = await startServer(
      json(200, page(1, ["a", "b", "c"], true)),
      json(200, page(2, ["d", "e", "f"], true)),
      json(200, page(3, ["g"], false)),
    );
    const ids: string[] = [];
    for await (const c of client(server).listClusters({ status: "running", limit: 3 }))
      ids.push(c.id);
    expect(ids).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
    const queries = server.requests.map((r) =>
      Object.fromEntries(new URL(r.url, "http://x").searchParams),
    );
    expect(queries).toEqual([
      { limit: "3", status: "running" },
      { page: "2", limit: "3", status: "running" },
      { page: "3", limit: "3", status: "running" },
    ]);
    const pages = server.requests.map((r) => new URL(r.url, "http://x").searchParams.get("page"));
    expect(pages).toEqual([null, "2", "3"]);
  });

  it("stops early at maxItems without fetching a page it does not need", async () => {
    server = await startServer(
      json(200, page(1, ["a", "b", "c"], true)),
      json(200, page(2, ["d", "e", "f"], true)),
    );
    const ids: string[] = [];
    for await (const c of client(server).listClusters({ limit: 3 }, { maxItems: 3 }))
      ids.push(c.id);
    expect(ids).toEqual(["a", "b", "c"]);
    expect(server.requests).toHaveLength(1);
  });

  it("throws RateLimitError with the rate-limit headers on 429", async () => {
    server = await startServer(
      json(
        429,
        {
          success: false,
          error: {
            code: "RATE_LIMIT_EXCEEDED",
            message: "Too many requests",
            details: { retry_after: 3600 },
          },
        },
        {
          "retry-after": "3600",
          "x-ratelimit-limit": "1000",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": "1893456000",
          "x-ratelimit-window": "3600",
        },
      ),
    );
    const error = await client(server)
      .getCluster({ cluster_id: "a" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    const rate = (error as RateLimitError).rateLimit;
    expect(rate).toMatchObject({ limit: 1000, remaining: 0, window: 3600 });
    expect((error as ApiError).message).toContain("Too many requests");
  });

  it("deletes with a JSON body on DELETE", async () => {
    server = await startServer(json(200, { success: true, data: { id: "a", status: "deleting" } }));
    await client(server).deleteCluster({
      cluster_id: "a",
      body: { confirm_deletion: "DELETE", force: true },
    });
    expect(server.requests[0].method).toBe("DELETE");
    expect(JSON.parse(server.requests[0].text)).toMatchObject({
      confirm_deletion: "DELETE",
      force: true,
    });
  });
});

describe("TensorOne v2 clusters", () => {
  it("lists bare camelCase arrays", async () => {
    server = await startServer(
      json(200, [
        {
          id: "a",
          name: "n",
          status: "running",
          gpuType: "H100",
          containerDiskSize: 10,
          volumeSize: 20,
          createdAt: "2023-11-07T05:31:56Z",
        },
      ]),
    );
    const list = await client(server).listClustersV2();
    expect(list[0].gpuType).toBe("H100");
    expect(server.requests[0].url).toBe("/v2/clusters");
  });
});

describe("TensorOne waitForCluster", () => {
  const detail = (status: string) => ({ success: true, data: { ...cluster("a", status) } });

  it("polls pending -> starting -> running", async () => {
    server = await startServer(
      json(200, detail("pending")),
      json(200, detail("starting")),
      json(200, detail("running")),
    );
    const done = await client(server).waitForCluster("a", { until: "running", intervalMs: 1 });
    expect(done?.data.status).toBe("running");
    expect(server.requests.map((r) => r.url.split("?")[0])).toEqual([
      "/v1/clusters/a",
      "/v1/clusters/a",
      "/v1/clusters/a",
    ]);
  });

  it("waits for stopped when asked, and rejects on error", async () => {
    server = await startServer(json(200, detail("stopping")), json(200, detail("stopped")));
    expect(
      (await client(server).waitForCluster("a", { until: "stopped", intervalMs: 1 }))?.data.status,
    ).toBe("stopped");
    await server.close();
    server = await startServer(json(200, detail("starting")), json(200, detail("error")));
    const error = await client(server)
      .waitForCluster("a", { until: "running", intervalMs: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationFailedError);
  });
});

describe("TensorOne start/stop/restart/delete and wait, with fixed targets", () => {
  const detail = (status: string) => ({ success: true, data: { ...cluster("a", status) } });
  const paths = (s: TestServer) => s.requests.map((r) => `${r.method} ${r.url}`);

  it("startClusterAndWait polls the light payload until running", async () => {
    server = await startServer(
      json(200, detail("starting")),
      json(200, detail("starting")),
      json(200, detail("running")),
    );
    const done = await client(server).startClusterAndWait(
      { cluster_id: "a", body: {} },
      { intervalMs: 1 },
    );
    expect(done.data.status).toBe("running");
    expect(paths(server)).toEqual([
      "POST /v1/clusters/a/start",
      "GET /v1/clusters/a?include_metrics=false&include_cost_breakdown=false",
      "GET /v1/clusters/a?include_metrics=false&include_cost_breakdown=false",
    ]);
  });

  it("stopClusterAndWait waits for stopped, restartClusterAndWait for running", async () => {
    server = await startServer(json(200, detail("stopping")), json(200, detail("stopped")));
    expect(
      (await client(server).stopClusterAndWait({ cluster_id: "a" }, { intervalMs: 1 })).data.status,
    ).toBe("stopped");
    await server.close();
    server = await startServer(
      json(200, detail("stopping")),
      json(200, detail("starting")),
      json(200, detail("running")),
    );
    expect(
      (
        await client(server).restartClusterAndWait(
          { cluster_id: "a", body: { restart_reason: "update" } },
          { intervalMs: 1 },
        )
      ).data.status,
    ).toBe("running");
    expect(server.requests[0].url).toBe("/v1/clusters/a/restart");
  });

  it("restartClusterAndWait of a running cluster does not resolve before the cluster was seen leaving running", async () => {
    // The restart answers at once while the cluster still runs; the first polls may still see running.
    server = await startServer(
      json(200, detail("running")),
      json(200, detail("running")),
      json(200, detail("stopping")),
      json(200, detail("starting")),
      json(200, detail("running")),
    );
    expect(
      (await client(server).restartClusterAndWait({ cluster_id: "a" }, { intervalMs: 1 })).data
        .status,
    ).toBe("running");
    expect(server.requests).toHaveLength(5);
  });

  it("restartClusterAndWait with wait_for_ready: the server answered once running, one poll confirms it", async () => {
    server = await startServer(json(200, detail("running")), json(200, detail("running")));
    expect(
      (
        await client(server).restartClusterAndWait(
          { cluster_id: "a", body: { wait_for_ready: true } },
          { intervalMs: 1 },
        )
      ).data.status,
    ).toBe("running");
    expect(server.requests).toHaveLength(2);
  });

  it("deleteClusterAndWait is done when the cluster answers 404 (passing through stopped)", async () => {
    server = await startServer(
      json(200, { success: true, data: { id: "a", status: "stopping" } }),
      json(200, detail("stopping")),
      json(200, detail("stopped")),
      json(404, {
        success: false,
        error: { code: "RESOURCE_NOT_FOUND", message: "Cluster not found" },
      }),
    );
    const done = await client(server).deleteClusterAndWait(
      { cluster_id: "a", body: { confirm_deletion: "DELETE" } },
      { intervalMs: 1 },
    );
    expect(done).toBeUndefined();
    expect(paths(server).map((p) => p.split("?")[0])).toEqual([
      "DELETE /v1/clusters/a",
      "GET /v1/clusters/a",
      "GET /v1/clusters/a",
      "GET /v1/clusters/a",
    ]);
  });

  it("a start that falls back to stopped fails at once instead of waiting out the timeout", async () => {
    server = await startServer(
      json(200, detail("starting")),
      json(200, detail("starting")),
      json(200, detail("stopped")),
    );
    const error = await client(server)
      .startClusterAndWait({ cluster_id: "a" }, { intervalMs: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationFailedError);
    expect((error as OperationFailedError).message).toContain("stopped");
    expect(server.requests).toHaveLength(3);
  });

  it("waitForCluster without until waits for running and fails fast on a fall back to stopped", async () => {
    server = await startServer(json(200, detail("starting")), json(200, detail("stopped")));
    await expect(client(server).waitForCluster("a", { intervalMs: 1 })).rejects.toBeInstanceOf(
      OperationFailedError,
    );
    expect(server.requests).toHaveLength(2);
  });

  it("waitForCluster does not mistake the state before the change for a failure", async () => {
    server = await startServer(
      json(200, detail("stopped")),
      json(200, detail("starting")),
      json(200, detail("running")),
    );
    const done = await client(server).waitForCluster("a", { until: "running", intervalMs: 1 });
    expect(done?.data.status).toBe("running");
  });

  it("waits have a default overall timeout (the docs' longest server-side wait)", () => {
    expect(poller_Cluster.defaultTimeoutMs).toBe(60 * 60_000);
  });

  it("polls slow down when X-RateLimit-Remaining is low", async () => {
    const reset = () => String(Math.ceil(Date.now() / 1000) + 5);
    server = await startServer((res, req, i) =>
      json(200, detail("starting"), { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset() })(
        res,
        req,
        i,
      ),
    );
    await expect(
      client(server).waitForCluster("a", { until: "running", intervalMs: 1, timeoutMs: 400 }),
    ).rejects.toBeInstanceOf(PollTimeoutError);
    // One poll, then the budget floor (seconds until reset / remaining+1) outlasts the wait: one last poll.
    expect(server.requests.length).toBeLessThanOrEqual(2);
  });

  it("X-RateLimit-* headers of successful calls are readable (onResponse)", async () => {
    server = await startServer(
      json(200, detail("running"), { "x-ratelimit-limit": "1000", "x-ratelimit-remaining": "998" }),
    );
    const seen: (string | null)[] = [];
    const t1 = createTensorOneClient({
      baseUrl: server.url,
      apiKey: "k",
      onResponse: (context) => void seen.push(context.responseHeaders.get("x-ratelimit-remaining")),
    });
    await t1.getCluster({ cluster_id: "a" });
    expect(seen).toEqual(["998"]);
  });
});

describe("TensorOne server-side waits", () => {
  const detail = { success: true, data: cluster("a", "running") };

  it("wait_for_ready: the attempt timeout follows timeout_minutes, not the client's default", async () => {
    server = await startServer(slow(600, json(200, detail)));
    const t1 = createTensorOneClient({ baseUrl: server.url, apiKey: "k", timeoutMs: 100 });
    const started = await t1.startCluster({
      cluster_id: "a",
      body: { wait_for_ready: true, timeout_minutes: 1 },
    });
    expect(started.data.status).toBe("running");
    expect(server.requests).toHaveLength(1);
  });

  it("without wait_for_ready the client's timeout applies, and a timed-out start is not sent again", async () => {
    server = await startServer(slow(600, json(200, detail)));
    const attempts: number[] = [];
    const t1 = createTensorOneClient({
      baseUrl: server.url,
      apiKey: "k",
      timeoutMs: 100,
      retry: { maxRetries: 3, initialDelayMs: 1 },
      onRequest: (c) => void attempts.push(c.attempt),
    });
    await expect(t1.startCluster({ cluster_id: "a", body: {} })).rejects.toBeInstanceOf(
      TimeoutError,
    );
    await expect(
      t1.stopCluster({ cluster_id: "a", body: { wait_for_completion: true } }, { timeoutMs: 100 }),
    ).rejects.toBeInstanceOf(TimeoutError);
    expect(attempts).toEqual([1, 1]);
  });
});

describe("TensorOne documented endpoints", () => {
  const entries = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({
      timestamp: "2026-11-01T00:00:00Z",
      level: "info",
      message: `line ${from + i}`,
    }));

  it("logs are offset-paginated; a short page ends the iteration", async () => {
    server = await startServer(
      json(200, { success: true, data: { logs: entries(0, 2) } }),
      json(200, { success: true, data: { logs: entries(2, 1) } }),
    );
    const lines: string[] = [];
    for await (const entry of client(server).getClusterLogs({
      cluster_id: "a",
      log_type: "application",
      limit: 2,
    }))
      lines.push(entry.message!);
    expect(lines).toEqual(["line 0", "line 1", "line 2"]);
    const queries = server.requests.map((r) =>
      Object.fromEntries(new URL(r.url, "http://x").searchParams),
    );
    expect(queries).toEqual([
      { log_type: "application", limit: "2" },
      { log_type: "application", limit: "2", offset: "2" },
    ]);
  });

  it("the log stream is requested as text/event-stream", async () => {
    server = await startServer((res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end('data: {"message":"hello"}\n\n');
    });
    await client(server).streamClusterLogs({ cluster_id: "a", level: "error" });
    expect(server.requests[0].url).toBe("/v1/clusters/a/logs/stream?level=error");
    expect(server.requests[0].headers.accept).toContain("text/event-stream");
  });

  it("v1 proxy has its own envelope and GET query parameters; v2 proxy PUT takes {enabled, allowedIps}", async () => {
    const proxy = {
      cluster_id: "a",
      proxy_url: "https://cluster-a.tensorone.ai",
      proxy_status: "active",
      ssl_certificate: { issuer: "TensorOne CA", status: "valid" },
      port_mappings: [
        { id: "port_123", internal_port: 8888, external_port: 32001, protocol: "tcp" },
      ],
    };
    server = await startServer(
      json(200, { success: true, data: proxy }),
      json(200, { proxyUrl: "https://cluster-a.tensorone.ai", enabled: true }),
    );
    const v1 = await client(server).getClusterProxy({
      cluster_id: "a",
      include_health: true,
      include_ssl_info: true,
    });
    expect(v1.data.port_mappings?.[0].external_port).toBe(32001);
    expect(v1.data.ssl_certificate?.issuer).toBe("TensorOne CA");
    const v2 = await client(server).updateClusterProxyV2({
      cluster_id: "a",
      body: { enabled: true, allowedIps: ["10.0.0.0/8"] },
    });
    expect(v2.proxyUrl).toBe("https://cluster-a.tensorone.ai");
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /v1/clusters/a/proxy?include_health=true&include_ssl_info=true",
      "PUT /v2/clusters/a/proxy",
    ]);
  });

  it("restart, logs and metrics exist in v1 and v2", async () => {
    server = await startServer(
      json(200, { success: true, data: { gpu: { utilization: 91 } } }),
      json(200, { success: true, data: {} }),
      json(200, { success: true, data: {} }),
      json(200, { success: true, data: { name: "tokens_per_s" } }),
      json(200, { id: "a", name: "n", status: "starting" }),
      json(200, { logs: ["boot"] }),
      json(200, { cpuUsage: 10, gpuUsage: 90 }),
      json(200, { success: true, data: { logs: [] } }),
      raw200(),
    );
    const t1 = client(server);
    expect((await t1.getClusterMetrics({ cluster_id: "a", include_processes: true })).data).toEqual(
      { gpu: { utilization: 91 } },
    );
    await t1.getClusterMetricsHistory({ cluster_id: "a" });
    await t1.getClusterMetricsAggregated({ cluster_id: "a" });
    await t1.createClusterCustomMetric({
      cluster_id: "a",
      body: { name: "tokens_per_s", value: 1200 },
    });
    expect((await t1.restartClusterV2({ cluster_id: "a" })).status).toBe("starting");
    expect((await t1.getClusterLogsV2({ cluster_id: "a" })).logs).toEqual(["boot"]);
    expect((await t1.getClusterMetricsV2({ cluster_id: "a" })).gpuUsage).toBe(90);
    await t1.searchClusterLogs({ cluster_id: "a", body: { search: "OOM" } });
    await t1.downloadClusterLogs({ cluster_id: "a" });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /v1/clusters/a/metrics?include_processes=true",
      "GET /v1/clusters/a/metrics/historical",
      "GET /v1/clusters/a/metrics/aggregated",
      "POST /v1/clusters/a/metrics/custom",
      "POST /v2/clusters/a/restart",
      "GET /v2/clusters/a/logs",
      "GET /v2/clusters/a/metrics",
      "POST /v1/clusters/a/logs/search",
      "GET /v1/clusters/a/logs/download",
    ]);
  });
});

function raw200() {
  return (res: import("node:http").ServerResponse) => {
    res.writeHead(200, { "content-type": "application/octet-stream" });
    res.end("log bytes");
  };
}
