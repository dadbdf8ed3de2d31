// The generated TensorPool client against a scripted node:http server on 127.0.0.1.
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ApiError,
  ConnectionError,
  InternalServerError,
  PollTimeoutError,
  ResponseParseError,
  TimeoutError,
  NotFoundError,
  OperationFailedError,
  UntrackedOperationError,
  RateLimitError,
  UnprocessableEntityError,
  createTensorPoolClient,
} from "../../generated/tensorpool/index.js";
import {
  cutOff,
  json,
  raw,
  slow,
  startServer,
  type TestServer,
} from "../runtime/helpers/http-server.js";

const apiKey = "tp-secret-key-123";
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client on the test server with fast retries (waits are exercised in the runtime tests). */
function clientFor(s: TestServer) {
  return createTensorPoolClient({
    baseUrl: s.url,
    apiKey,
    retry: { initialDelayMs: 1, maxDelayMs: 50 },
  });
}

const request = (status: string, extra: object = {}) => ({
  request_id: "r-1",
  request_type: "CLUSTER_CLAIM",
  status,
  created_at: "2026-11-01T00:00:00Z",
  object_id: "c-abc123",
  external_message: `now ${status}`,
  ...extra,
});

describe("TensorPool requests", () => {
  it("GET with a path parameter, bearer auth, parsed body", async () => {
    server = await startServer(json(200, request("COMPLETED")));
    const info = await clientFor(server).getRequestInfo({ request_id: "r/1 x" });
    expect(info.status).toBe("COMPLETED");
    expect(info.object_id).toBe("c-abc123");
    const seen = server.requests[0];
    expect(seen.method).toBe("GET");
    expect(seen.url).toBe("/request/info/r%2F1%20x");
    expect(seen.headers.authorization).toBe(`Bearer ${apiKey}`);
  });

  it("encodes query filters and leaves out the ones not given", async () => {
    server = await startServer(json(200, [{ request_id: "r-1" }]));
    const ops = await clientFor(server).clusterOperations({
      cluster: "c-1",
      num_requests: 5,
      request_status: "PENDING",
    });
    expect(ops).toEqual([{ request_id: "r-1" }]);
    expect(server.requests[0].url).toBe(
      "/cluster/operations/c-1?num_requests=5&request_status=PENDING",
    );
  });

  it("POSTs a JSON body and parses the 202 answer", async () => {
    server = await startServer(
      json(202, { cluster_id: "c-1", message: "Cluster creation initiated", request_id: "r-1" }),
    );
    const created = await clientFor(server).createCluster({
      body: { instance_type: "8xH100", num_nodes: 2 },
    });
    expect(created).toEqual({
      cluster_id: "c-1",
      message: "Cluster creation initiated",
      request_id: "r-1",
    });
    const seen = server.requests[0];
    expect(seen.method).toBe("POST");
    expect(seen.url).toBe("/cluster/create");
    expect(seen.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(seen.text)).toEqual({ instance_type: "8xH100", num_nodes: 2 });
  });

  it("throws typed ApiError subclasses with status, body and headers", async () => {
    const detail = [{ loc: ["body", "instance_type"], msg: "field required", type: "missing" }];
    server = await startServer(
      json(422, { detail }, { "x-request-id": "req-42" }),
      json(404, { message: "Cluster not found" }),
    );
    const client = clientFor(server);
    const invalid = await client
      .createCluster({ body: { instance_type: "" } })
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(UnprocessableEntityError);
    expect(invalid).toBeInstanceOf(ApiError);
    const error = invalid as UnprocessableEntityError<{ detail: typeof detail }>;
    expect(error.status).toBe(422);
    expect(error.body.detail[0].msg).toBe("field required");
    expect(error.requestId).toBe("req-42");
    expect(error.headers.get("x-request-id")).toBe("req-42");
    const missing = await client.getClusterInfo({ cluster: "c-none" }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(String((missing as Error).message)).toContain("Cluster not found");
    expect(JSON.stringify(missing)).not.toContain(apiKey);
    expect(String(missing)).not.toContain(apiKey);
  });

  it("retries a GET on 500 and then throws InternalServerError", async () => {
    server = await startServer(json(500, { message: "boom" }));
    const error = await clientFor(server)
      .listClusters()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(3);
  });

  it("never retries a cluster create on 500 (it may have been created)", async () => {
    server = await startServer(json(500, { message: "boom" }));
    await expect(
      clientFor(server).createCluster({ body: { instance_type: "1xH100" } }),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a cluster create once on 429 with Retry-After (the server did not act)", async () => {
    server = await startServer(
      json(429, { message: "slow down" }, { "retry-after": "0" }),
      json(202, { cluster_id: "c-1", message: "ok", request_id: "r-1" }),
    );
    const created = await clientFor(server).createCluster({ body: { instance_type: "1xH100" } });
    expect(created.cluster_id).toBe("c-1");
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "POST"]);
  });

  it("gives RateLimitError with the hint when the server asks for longer than maxDelayMs", async () => {
    server = await startServer(json(429, { message: "slow down" }, { "retry-after": "120" }));
    const error = await clientFor(server)
      .listJobs()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(120_000);
    expect(server.requests).toHaveLength(1);
  });

  it("reports a dropped connection as ConnectionError", async () => {
    server = await startServer((res) => void res.socket?.destroy());
    await expect(
      clientFor(server).getUserInfo({}, { retry: { maxRetries: 0 } }),
    ).rejects.toBeInstanceOf(ConnectionError);
  });

  it("defaults to the spec's server URL", async () => {
    const urls: string[] = [];
    const client = createTensorPoolClient({
      fetch: async (input) => {
        urls.push(String(input instanceof Request ? input.url : input));
        return new Response(JSON.stringify({ message: "ok" }), {
          headers: { "content-type": "application/json" },
        });
      },
    });
    await client.healthz();
    expect(urls).toEqual(["https://engine.tensorpool.dev/healthz"]);
  });
});

describe("TensorPool long-running requests", () => {
  it("createClusterAndWait: 202 -> PENDING -> RETRYING -> PROCESSING -> COMPLETED", async () => {
    server = await startServer(
      json(202, { cluster_id: "c-1", message: "Cluster creation initiated", request_id: "r-1" }),
      json(200, request("PENDING"), { "retry-after": "0" }),
      json(200, request("RETRYING"), { "retry-after": "garbage" }),
      json(200, request("PROCESSING"), { "retry-after": "0" }),
      json(200, request("COMPLETED")),
    );
    const done = await clientFor(server).createClusterAndWait(
      { body: { instance_type: "8xH100" } },
      { intervalMs: 1 },
    );
    expect(done.tracked && done.state.status).toBe("COMPLETED");
    expect(done.start.cluster_id).toBe("c-1");
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /cluster/create",
      "GET /request/info/r-1",
      "GET /request/info/r-1",
      "GET /request/info/r-1",
      "GET /request/info/r-1",
    ]);
  });

  it("waitForRequest rejects with OperationFailedError carrying external_message", async () => {
    server = await startServer(
      json(200, request("FAILED", { external_message: "No H100 capacity in region" })),
    );
    const error = await clientFor(server)
      .waitForRequest("r-1", { intervalMs: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationFailedError);
    expect((error as Error).message).toContain("No H100 capacity in region");
    expect((error as OperationFailedError).state).toMatchObject({ status: "FAILED" });
  });

  it("keeps waiting through a 503 of the status endpoint", async () => {
    server = await startServer(
      json(200, request("PENDING"), { "retry-after": "0" }),
      json(503, { message: "busy" }, { "retry-after": "0" }),
      json(200, request("COMPLETED")),
    );
    const done = await clientFor(server).waitForRequest("r-1", { intervalMs: 1 });
    expect(done.status).toBe("COMPLETED");
  });

  it("attachStorageAndWait waits for every request id", async () => {
    server = await startServer((res, req) => {
      if (req.method === "POST")
        return json(202, {
          storage_id: "s-1",
          cluster_ids: ["c-1", "c-2"],
          request_ids: ["r-1", "r-2"],
          message: "attaching",
        })(res, req, 0);
      const id = req.url.split("/").pop()!;
      return json(200, request("COMPLETED", { request_id: id, request_type: "STORAGE_ATTACH" }))(
        res,
        req,
        0,
      );
    });
    const states = await clientFor(server).attachStorageAndWait(
      { body: { storage_id: "s-1", cluster_ids: ["c-1", "c-2"] } },
      { intervalMs: 1 },
    );
    expect(states.map((s) => s.request_id).sort()).toEqual(["r-1", "r-2"]);
  });

  it("cancelJobAndWait follows the job's status until canceled", async () => {
    server = await startServer(
      json(202, { job_id: "j-1", message: "canceling", status: "canceling" }),
      json(200, { message: "job", job_info: { id: "j-1", status: "canceling" } }),
      json(200, { message: "job", job_info: { id: "j-1", status: "canceled" } }),
    );
    const done = await clientFor(server).cancelJobAndWait({ job_id: "j-1" }, { intervalMs: 1 });
    expect(done.job_info?.status).toBe("canceled");
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /job/cancel/j-1",
      "GET /job/info/j-1",
      "GET /job/info/j-1",
    ]);
  });

  it("a serialized poller resumes in a new client without the key in the token", async () => {
    server = await startServer(
      json(200, request("PROCESSING"), { "retry-after": "0" }),
      json(200, request("COMPLETED")),
    );
    const poller = clientFor(server).pollRequest("r-1");
    await poller.poll();
    const token = poller.serialize();
    expect(token).not.toContain(apiKey);
    expect(Buffer.from(token, "base64url").toString()).not.toContain(apiKey);
    const resumed = clientFor(server).resumePoller(token);
    const done = (await resumed.pollUntilDone({ intervalMs: 1 })) as { status: string };
    expect(done.status).toBe("COMPLETED");
  });
});

describe("TensorPool accepted starts are never failures (request_id is nullable)", () => {
  const starts = [
    [
      "createClusterAndWait",
      { body: { instance_type: "1xH100" } },
      { cluster_id: "c-1", message: "Cluster creation initiated", request_id: null },
    ],
    [
      "destroyClusterAndWait",
      { cluster: "c-1" },
      { cluster_id: "c-1", message: "Destroying", request_id: null },
    ],
    ["createStorageAndWait", { body: { size: 100 } }, { storage_id: "s-1", message: "Creating" }],
    [
      "destroyStorageAndWait",
      { storage_id: "s-1" },
      { storage_id: "s-1", message: "Destroying", request_id: null },
    ],
    [
      "detachStorageAndWait",
      { body: { storage_id: "s-1", cluster_id: "c-1" } },
      { storage_id: "s-1", cluster_id: "c-1", message: "Detaching" },
    ],
  ] as const;

  it.each(starts)(
    "%s resolves { tracked: false, start } when the 202 has no request_id, and sends nothing more",
    async (method, args, body) => {
      server = await startServer(json(202, body));
      const client = clientFor(server) as unknown as Record<
        string,
        (a: unknown, o?: unknown) => Promise<{ tracked: boolean; start: unknown; reason?: string }>
      >;
      const outcome = await client[method](args, { intervalMs: 1 });
      expect(outcome.tracked).toBe(false);
      expect(outcome.start).toEqual(body);
      expect(outcome.reason).toContain("do not send it again");
      expect(server.requests).toHaveLength(1);
    },
  );

  it("a status endpoint that cannot answer after the 202 resolves untracked, not as an error inviting a retry", async () => {
    server = await startServer(
      json(202, { cluster_id: "c-1", message: "ok", request_id: "r-1" }),
      json(404, { message: "unknown request" }),
    );
    const outcome = await clientFor(server).createClusterAndWait(
      { body: { instance_type: "1xH100" } },
      { intervalMs: 1 },
    );
    expect(outcome).toMatchObject({
      tracked: false,
      start: { cluster_id: "c-1", request_id: "r-1" },
    });
    expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("the operation's own FAILED status still rejects (the work failed; nothing was lost)", async () => {
    server = await startServer(
      json(202, { cluster_id: "c-1", message: "ok", request_id: "r-1" }),
      json(200, request("FAILED")),
    );
    await expect(
      clientFor(server).createClusterAndWait(
        { body: { instance_type: "1xH100" } },
        { intervalMs: 1 },
      ),
    ).rejects.toBeInstanceOf(OperationFailedError);
  });

  it("where the spec promises ids (attach's request_ids), a 202 without them throws UntrackedOperationError with the accepted body", async () => {
    const body = { storage_id: "s-1", cluster_ids: ["c-1"], message: "attaching" };
    server = await startServer(json(202, body));
    const error = await clientFor(server)
      .attachStorageAndWait({ body: { storage_id: "s-1", cluster_ids: ["c-1"] } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UntrackedOperationError);
    expect((error as UntrackedOperationError).isAccepted).toBe(true);
    expect((error as UntrackedOperationError).start).toEqual(body);
    expect(server.requests).toHaveLength(1);
  });

  it("polls at least 1 s apart even under Retry-After: 0, as the CLI does", async () => {
    server = await startServer(json(200, request("PROCESSING"), { "retry-after": "0" }));
    await expect(
      clientFor(server).waitForRequest("r-1", { timeoutMs: 400, intervalMs: 1 }),
    ).rejects.toBeInstanceOf(PollTimeoutError);
    // One poll, then the floor outlasts the 400 ms wait: one last poll at the deadline. Without the floor, dozens.
    expect(server.requests.length).toBeLessThanOrEqual(2);
  });
});

describe("TensorPool surface as published", () => {
  it("edits answer {message} only and have no AndWait (the CLI never polls them)", async () => {
    server = await startServer(json(202, { message: "Cluster renamed" }));
    const client = clientFor(server);
    expect(await client.editCluster({ cluster: "c-1", body: { cluster_name: "train" } })).toEqual({
      message: "Cluster renamed",
    });
    expect(server.requests[0].method).toBe("PATCH");
    expect("editClusterAndWait" in client).toBe(false);
    expect("editStorageAndWait" in client).toBe(false);
  });

  it("GET /me checks a key; POST /health (the CLI's version gate) is not on the client", async () => {
    server = await startServer(json(200, { uid: "u-1", email: "a@example.com" }));
    const client = clientFor(server);
    expect(await client.getMe()).toEqual({ uid: "u-1", email: "a@example.com" });
    expect(server.requests[0].url).toBe("/me");
    expect("health" in client).toBe(false);
  });
});

describe("TensorPool faults", () => {
  it("a 200 with malformed JSON is a ResponseParseError, not a silent undefined", async () => {
    server = await startServer(
      raw(200, '{"request_id": "r-1", ', { "content-type": "application/json" }),
    );
    await expect(clientFor(server).getRequestInfo({ request_id: "r-1" })).rejects.toBeInstanceOf(
      ResponseParseError,
    );
  });

  it("a connection reset in the middle of the body is a ConnectionError", async () => {
    server = await startServer(cutOff());
    await expect(
      clientFor(server).listClusters({}, { retry: { maxRetries: 0 } }),
    ).rejects.toBeInstanceOf(ConnectionError);
  });

  it("a server slower than timeoutMs gives TimeoutError; the GET is retried, the POST is not", async () => {
    server = await startServer(slow(5_000, json(200, {})));
    // Attempts are counted on the client: on a busy machine a short attempt may end before the server logs it.
    const attempts: string[] = [];
    const client = createTensorPoolClient({
      baseUrl: server.url,
      apiKey,
      timeoutMs: 100,
      retry: { maxRetries: 1, initialDelayMs: 1 },
      onRequest: (context) => void attempts.push(`${context.method} ${context.attempt}`),
    });
    await expect(client.listJobs()).rejects.toBeInstanceOf(TimeoutError);
    await expect(
      client.createCluster({ body: { instance_type: "1xH100" } }),
    ).rejects.toBeInstanceOf(TimeoutError);
    expect(attempts).toEqual(["GET 1", "GET 2", "POST 1"]);
  });

  it("an abort cancels a request in flight at once", async () => {
    server = await startServer(slow(5_000, json(200, {})));
    const controller = new AbortController();
    const pending = clientFor(server).listClusters({}, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user gave up")), 50);
    await expect(pending).rejects.toThrow("user gave up");
  });

  it("an abort cancels a poll wait at once, even when the server asked for a long wait", async () => {
    server = await startServer(json(200, request("PROCESSING"), { "retry-after": "3600" }));
    const controller = new AbortController();
    const waiting = clientFor(server).waitForRequest("r-1", { signal: controller.signal });
    await vi.waitFor(() => expect(server!.requests).toHaveLength(1));
    controller.abort(new Error("stop waiting"));
    await expect(waiting).rejects.toThrow("stop waiting");
    expect(server.requests).toHaveLength(1);
  });

  it("honours Retry-After in seconds and as an HTTP date between polls", async () => {
    const seenAt: number[] = [];
    server = await startServer(
      (res, req, i) => {
        seenAt.push(Date.now());
        return json(200, request("PENDING"), { "retry-after": "1" })(res, req, i);
      },
      (res, req, i) => {
        seenAt.push(Date.now());
        return json(200, request("PROCESSING"), {
          "retry-after": new Date(Date.now() + 2_000).toUTCString(),
        })(res, req, i);
      },
      (res, req, i) => {
        seenAt.push(Date.now());
        return json(200, request("COMPLETED"))(res, req, i);
      },
    );
    const done = await clientFor(server).waitForRequest("r-1");
    expect(done.status).toBe("COMPLETED");
    // Waits as asked (HTTP dates have one-second resolution, so the second wait is 1-2 s).
    expect(seenAt[1] - seenAt[0]).toBeGreaterThanOrEqual(950);
    expect(seenAt[2] - seenAt[1]).toBeGreaterThanOrEqual(900);
  });

  it("a wait longer than timeoutMs rejects with PollTimeoutError carrying the last state", async () => {
    server = await startServer(json(200, request("PROCESSING"), { "retry-after": "0" }));
    const error = await clientFor(server)
      .waitForRequest("r-1", { timeoutMs: 100, intervalMs: 10 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PollTimeoutError);
    expect((error as PollTimeoutError).state).toMatchObject({ status: "PROCESSING" });
  });
});
