// The generated LakeSail operations client: operation polling with progress, failures with
// error details, marker and page pagination.
import { afterEach, describe, expect, it } from "vitest";
import {
  NotFoundError,
  OperationFailedError,
  createLakeSailClient,
  createOperationsClient,
} from "../../generated/operations/index.js";
import { poller_Operation } from "../../generated/operations/descriptors.js";
import { json, startServer, type TestServer } from "../runtime/helpers/http-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const client = (s: TestServer) =>
  createOperationsClient({
    baseUrl: s.url,
    apiKey: "ls-token",
    retry: { initialDelayMs: 1, maxDelayMs: 50 },
  });

const operation = (status: string, extra: object = {}) => ({
  id: "A1B2C3D4E5",
  organizationId: "ORG1",
  operation: "cluster.provision",
  status,
  resourceType: "cluster",
  resourceId: "CL1",
  createdAt: "2026-11-01T00:00:00Z",
  ...extra,
});
const progress = (stage: string, succeeded: number) => ({
  progress: {
    stage,
    message: `stage ${stage}`,
    resources: [],
    summary: { total: 3, pending: 3 - succeeded, running: 0, succeeded, failed: 0, unchanged: 0 },
  },
});

describe("LakeSail operations", () => {
  it("gets an operation with bearer auth under the versioned base path", async () => {
    server = await startServer(json(200, operation("running", progress("network", 1))));
    const op = await createOperationsClient({
      baseUrl: `${server.url}/api/v1`,
      apiKey: "ls-token",
    }).getOperation({ operationId: "A1B2C3D4E5" });
    expect(op.progress?.summary?.succeeded).toBe(1);
    expect(server.requests[0].url).toBe("/api/v1/operations/A1B2C3D4E5");
    expect(server.requests[0].headers.authorization).toBe("Bearer ls-token");
  });

  it("waitForOperation reports progress in order and matches status case-insensitively", async () => {
    server = await startServer(
      json(200, operation("Pending", progress("queued", 0))),
      json(200, operation("RUNNING", progress("network", 1))),
      json(200, operation("running", progress("compute", 2))),
      json(200, operation("Succeeded", { ...progress("done", 3), result: { items: [] } })),
    );
    const stages: string[] = [];
    const done = await client(server).waitForOperation("A1B2C3D4E5", {
      intervalMs: 1,
      onProgress: (value) => stages.push((value as { stage: string }).stage),
    });
    expect(done.status).toBe("Succeeded");
    expect(stages).toEqual(["queued", "network", "compute"]);
    expect(server.requests).toHaveLength(4);
  });

  it("a failed operation rejects with its error code, message and details", async () => {
    const error = {
      code: "QUOTA_EXCEEDED",
      message: "vCPU quota exceeded in us-east-1",
      errorType: "provider",
      details: { retryable: false, requestId: "rq-9" },
    };
    server = await startServer(json(200, operation("failed", { error })));
    const thrown = await client(server)
      .waitForOperation("A1B2C3D4E5", { intervalMs: 1 })
      .catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(OperationFailedError);
    const failed = thrown as OperationFailedError;
    expect(failed.message).toContain("vCPU quota exceeded in us-east-1");
    expect(failed.error).toMatchObject({ code: "QUOTA_EXCEEDED", details: { retryable: false } });
  });

  it("throws NotFoundError for an unknown operation", async () => {
    server = await startServer(json(404, { message: "operation not found" }));
    await expect(client(server).getOperation({ operationId: "nope" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("LakeSail waits end on what the service documents, not only on listed statuses", () => {
  it("an unpublished status with a completedAt ends the wait (no hang)", async () => {
    server = await startServer(
      json(200, operation("PROVISIONING", { completedAt: null, error: null })),
      json(200, operation("Ready", { completedAt: "2026-11-01T00:05:00Z", error: null })),
    );
    const done = await client(server).waitForOperation("A1B2C3D4E5", { intervalMs: 1 });
    expect(done.status).toBe("Ready");
    expect(server.requests).toHaveLength(2);
  });

  it("an unpublished status with an error object fails; error.details.retryAfter is on the error for the caller", async () => {
    const error = {
      code: "THROTTLED",
      message: "provider throttled",
      errorType: "provider",
      details: { retryable: true, retryAfter: 120 },
    };
    server = await startServer(
      json(200, operation("Aborted", { error, completedAt: "2026-11-01T00:05:00Z" })),
    );
    const thrown = await client(server)
      .waitForOperation("A1B2C3D4E5", { intervalMs: 1 })
      .catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(OperationFailedError);
    expect((thrown as OperationFailedError).error).toMatchObject({
      details: { retryable: true, retryAfter: 120 },
    });
    expect(server.requests).toHaveLength(1);
  });

  it("waits have a default overall timeout and no body-driven poll interval", () => {
    expect(poller_Operation.defaultTimeoutMs).toBe(30 * 60_000);
    expect(poller_Operation.retryAfterPath).toBeUndefined();
  });

  it("the client is named after the product; createOperationsClient still works", async () => {
    expect(createOperationsClient).toBe(createLakeSailClient);
    server = await startServer(json(200, operation("running")));
    expect(
      (
        await createLakeSailClient({ baseUrl: server.url, apiKey: "k" }).getOperation({
          operationId: "A1B2C3D4E5",
        })
      ).status,
    ).toBe("running");
  });
});

describe("LakeSail pagination", () => {
  it("pages() keeps the sideloaded included records with their items", async () => {
    const cluster = { id: "CL1", name: "prod", operationId: "OP1" };
    server = await startServer(
      json(200, {
        total: 2,
        items: [{ id: "CL1", connectionId: "CN1" }],
        included: { clusters: [cluster], connections: [{ id: "CN1", name: "aws" }] },
      }),
      json(200, {
        total: 2,
        items: [{ id: "CL2", connectionId: "CN1" }],
        included: { clusters: [{ id: "CL2", name: "dev" }], connections: [] },
      }),
    );
    const pages = [];
    for await (const page of client(server).listMyClusters({ limit: 1 }).pages()) pages.push(page);
    expect(pages.map((p) => p.included?.clusters?.[0]?.name)).toEqual(["prod", "dev"]);
    expect(pages[0].included?.connections?.[0]?.name).toBe("aws");
  });

  it("follows markers across three pages and ends when the marker is absent", async () => {
    server = await startServer(
      json(200, { items: [{ id: "1" }, { id: "2" }], marker: "m2" }),
      json(200, { items: [{ id: "3" }], marker: "m3" }),
      json(200, { items: [{ id: "4" }] }),
    );
    const ids: string[] = [];
    for await (const connection of client(server).listConnections({ limit: 2 }))
      ids.push(connection.id!);
    expect(ids).toEqual(["1", "2", "3", "4"]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/infra/connections?limit=2",
      "/infra/connections?limit=2&marker=m2",
      "/infra/connections?limit=2&marker=m3",
    ]);
  });

  it("pages() yields page bodies; page + total ends on the last page", async () => {
    server = await startServer(
      json(200, { total: 5, items: [{ id: "a" }, { id: "b" }] }),
      json(200, { total: 5, items: [{ id: "c" }, { id: "d" }] }),
      json(200, { total: 5, items: [{ id: "e" }] }),
    );
    const sizes: number[] = [];
    for await (const body of client(server).listMyClusters({ limit: 2 }).pages())
      sizes.push(body.items.length);
    expect(sizes).toEqual([2, 2, 1]);
    expect(server.requests).toHaveLength(3);
  });

  it("an aborted signal stops iteration", async () => {
    server = await startServer(
      json(200, { items: [{ id: "1" }], marker: "m2" }),
      json(200, { items: [{ id: "2" }], marker: "m3" }),
    );
    const controller = new AbortController();
    const ids: string[] = [];
    const iterate = async () => {
      for await (const n of client(server!).listNetworks({}, { signal: controller.signal })) {
        ids.push(n.id!);
        controller.abort();
      }
    };
    await expect(iterate()).rejects.toThrow();
    expect(ids).toEqual(["1"]);
    expect(server.requests).toHaveLength(1);
  });
});
