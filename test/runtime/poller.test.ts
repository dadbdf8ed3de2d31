import { afterEach, describe, expect, it } from "vitest";
import {
  InternalServerError,
  NotFoundError,
  OperationFailedError,
  PollTimeoutError,
} from "../../templates/runtime/errors.js";
import { MAX_CONSECUTIVE_POLL_FAILURES } from "../../templates/runtime/poller.js";
import { lroRules } from "../../templates/runtime/lro-rules.js";
import { Transport } from "../../templates/runtime/transport.js";
import { pollerFor, resumePoller, startPoller } from "../../templates/runtime/call-lro.js";
import type { LroSpec } from "../../templates/runtime/types.js";
import { fakeTime, op } from "./helpers/fixtures.js";
import { json, startServer } from "./helpers/http-server.js";
import type { Reply, TestServer } from "./helpers/http-server.js";

let server: TestServer;
afterEach(() => server?.close());

interface Job {
  status: string;
  progress?: number;
}

const lro: LroSpec = {
  poll: op({ id: "getJob", path: "/jobs/{id}", params: [{ name: "id", in: "path" }] }),
  idParam: "id",
  statusPath: ["status"],
  successValues: ["COMPLETED"],
  failureValues: ["FAILED"],
  canceledValues: ["CANCELED"],
  progressPath: ["progress"],
  errorPath: ["error"],
  defaultIntervalMs: 1000,
};

/** Replies per job id (last repeats), so several ids can be scripted independently. */
function jobs(script: Record<string, Reply[]>): Reply {
  const counts: Record<string, number> = {};
  return (res, req, index) => {
    const id = req.url.split("/").pop() ?? "";
    const replies = script[id] ?? [json(404, { message: `no job ${id}` })];
    const count = (counts[id] = (counts[id] ?? -1) + 1);
    return replies[Math.min(count, replies.length - 1)](res, req, index);
  };
}

function setup(script: Record<string, Reply[]>, random = () => 0.5) {
  const time = fakeTime(Date.parse("2030-01-01T00:00:00Z"));
  return startServer(jobs(script)).then((started) => {
    server = started;
    const transport = new Transport(
      { apiKey: "sk-poll-secret" },
      { baseUrl: server.url, sleep: time.sleep, now: time.now, random },
    );
    return { transport, time };
  });
}

describe("Poller", () => {
  it("PENDING -> RETRYING -> PROCESSING -> COMPLETED honouring Retry-After 0, 1, an HTTP date and garbage", async () => {
    const { transport, time } = await setup({
      j1: [
        json(200, { status: "PENDING", progress: 0 }, { "retry-after": "0" }),
        json(200, { status: "RETRYING", progress: 10 }, { "retry-after": "1" }),
        json(
          200,
          { status: "PROCESSING", progress: 50 },
          { "retry-after": "Tue, 01 Jan 2030 00:00:04 GMT" },
        ),
        json(200, { status: "PROCESSING", progress: 90 }, { "retry-after": "whenever" }),
        json(200, { status: "COMPLETED", progress: 100, result: "ok" }),
      ],
    });
    const poller = pollerFor<Job>(transport, "Job", lro, ["j1"]);
    const progress: [unknown, Job][] = [];
    const final = await poller.pollUntilDone({
      onProgress: (value, state) => progress.push([value, state]),
    });
    expect(final).toEqual({ status: "COMPLETED", progress: 100, result: "ok" });
    // Retry-After 0 waits the floor (MIN_POLL_INTERVAL_MS, 100 ms); the date hint arrives with the
    // clock at +1100 ms, so 2900 ms remain; garbage -> 1000 x (1 - 0.2 x 0.5).
    expect(time.waits).toEqual([100, 1000, 2900, 900]);
    expect(progress.map(([value, state]) => [value, state.status])).toEqual([
      [0, "PENDING"],
      [10, "RETRYING"],
      [50, "PROCESSING"],
      [90, "PROCESSING"],
    ]);
    expect(server.requests.map((seen) => `${seen.method} ${seen.url}`)).toEqual(
      Array(5).fill("GET /jobs/j1"),
    );
    expect(poller.isDone).toBe(true);
    expect(poller.state).toEqual(final);
  });

  it("grows unhinted intervals x1.5 up to maxIntervalMs", async () => {
    const { transport, time } = await setup(
      {
        j1: [
          ...Array(5).fill(json(200, { status: "RUNNING" })),
          json(200, { status: "COMPLETED" }),
        ],
      },
      () => 0,
    );
    await pollerFor<Job>(transport, "Job", lro, ["j1"]).pollUntilDone({
      intervalMs: 100,
      maxIntervalMs: 300,
    });
    expect(time.waits).toEqual([100, 150, 225, 300, 300]);
  });

  it("uses a body hint at retryAfterPath (seconds)", async () => {
    const { transport, time } = await setup({
      j1: [json(200, { status: "RUNNING", retry_after: 7 }), json(200, { status: "COMPLETED" })],
    });
    await pollerFor<Job>(
      transport,
      "Job",
      { ...lro, retryAfterPath: ["retry_after"], rules: lroRules },
      ["j1"],
    );
    expect(time.waits).toEqual([7000]);
  });

  it("FAILED rejects with OperationFailedError carrying state, status, error, code, details (LakeSail style)", async () => {
    const failed = {
      status: "FAILED",
      error: { message: "disk full", code: "E_DISK", details: { node: 3 } },
    };
    const { transport } = await setup({
      j1: [json(200, { status: "RUNNING" }), json(200, failed)],
    });
    const error = await pollerFor<Job>(transport, "Job", lro, ["j1"])
      .pollUntilDone()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OperationFailedError);
    expect(error).toMatchObject({
      status: "FAILED",
      state: failed,
      error: failed.error,
      code: "E_DISK",
      details: { node: 3 },
      isCanceled: false,
      id: "j1",
    });
    expect((error as Error).message).toBe("Job j1 failed (status FAILED): disk full");
    expect(JSON.stringify(error)).not.toContain("sk-poll-secret");
  });

  it("finds TensorPool's external_message and marks canceled operations", async () => {
    const { transport } = await setup({
      j1: [json(200, { status: "FAILED", external_message: "GPU node lost" })],
      j2: [json(200, { status: "CANCELED", message: "canceled by user" })],
    });
    await expect(
      pollerFor(transport, "Job", { ...lro, errorPath: undefined }, ["j1"]),
    ).rejects.toThrow("Job j1 failed (status FAILED): GPU node lost");
    const canceled = await pollerFor(transport, "Job", lro, ["j2"])
      .pollUntilDone()
      .catch((caught: unknown) => caught);
    expect(canceled).toMatchObject({
      isCanceled: true,
      status: "CANCELED",
      message: "Job j2 was canceled (status CANCELED): canceled by user",
    });
  });

  it("uses messagePath for the message when given", async () => {
    const { transport } = await setup({
      j1: [json(200, { status: "FAILED", info: { text: "quota exceeded" } })],
    });
    await expect(
      pollerFor(transport, "Job", { ...lro, messagePath: ["info", "text"] }, ["j1"]),
    ).rejects.toThrow(/: quota exceeded$/);
  });

  it("rides out a status endpoint that fails transiently (503, Retry-After), then recovers", async () => {
    const { transport, time } = await setup({
      j1: [
        json(200, { status: "RUNNING" }),
        json(503, {}),
        json(503, {}, { "retry-after": "2" }),
        json(200, { status: "COMPLETED" }),
      ],
    });
    expect(await pollerFor<Job>(transport, "Job", lro, ["j1"])).toEqual({ status: "COMPLETED" });
    expect(time.waits).toEqual([900, 1350, 2000]);
    expect(server.requests).toHaveLength(4);
  });

  it(`gives up after ${MAX_CONSECUTIVE_POLL_FAILURES} consecutive failures; non-transient errors are thrown at once`, async () => {
    const { transport } = await setup({ j1: [json(500, { message: "down" })] });
    await expect(pollerFor(transport, "Job", lro, ["j1"]).pollUntilDone()).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(server.requests).toHaveLength(MAX_CONSECUTIVE_POLL_FAILURES);
    await expect(
      pollerFor(transport, "Job", lro, ["missing"]).pollUntilDone(),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(server.requests).toHaveLength(MAX_CONSECUTIVE_POLL_FAILURES + 1);
  });

  it("timeoutMs rejects with PollTimeoutError carrying the last state; the last poll happens at the deadline", async () => {
    const { transport, time } = await setup(
      { j1: [json(200, { status: "RUNNING", progress: 1 })] },
      () => 0,
    );
    const error = await pollerFor<Job>(transport, "Job", lro, ["j1"])
      .pollUntilDone({ timeoutMs: 2500 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PollTimeoutError);
    expect(error).toMatchObject({
      timeoutMs: 2500,
      state: { status: "RUNNING", progress: 1 },
      ids: ["j1"],
    });
    expect((error as Error).message).toBe(
      "Gave up waiting for Job j1 after 2500 ms (last status RUNNING)",
    );
    expect(time.waits).toEqual([1000, 1500]);
    expect(server.requests).toHaveLength(3);
  });

  it("timeoutMs also bounds a status request that hangs (real timer)", async () => {
    server = await startServer(() => new Promise<void>(() => undefined));
    const transport = new Transport({}, { baseUrl: server.url });
    const startedAt = Date.now();
    await expect(
      pollerFor(transport, "Job", lro, ["j1"]).pollUntilDone({ timeoutMs: 80 }),
    ).rejects.toBeInstanceOf(PollTimeoutError);
    expect(Date.now() - startedAt).toBeLessThan(1500);
  });

  it("abort during a wait rejects at once with the reason", async () => {
    server = await startServer(json(200, { status: "RUNNING" }));
    const transport = new Transport({}, { baseUrl: server.url });
    const controller = new AbortController();
    const startedAt = Date.now();
    const waiting = pollerFor(transport, "Job", lro, ["j1"]).pollUntilDone({
      signal: controller.signal,
      intervalMs: 60_000,
    });
    setTimeout(() => controller.abort(new Error("user gave up")), 100);
    await expect(waiting).rejects.toThrow("user gave up");
    expect(Date.now() - startedAt).toBeLessThan(1500);
    expect(server.requests).toHaveLength(1);
  });

  it("compares status values case-insensitively when asked", async () => {
    const { transport } = await setup({ j1: [json(200, { status: "completed" })] });
    expect(
      await pollerFor<Job>(transport, "Job", { ...lro, isCaseInsensitive: true }, ["j1"]),
    ).toEqual({ status: "completed" });
    await expect(
      pollerFor(transport, "Job", lro, ["j1"]).pollUntilDone({ timeoutMs: 1 }),
    ).rejects.toBeInstanceOf(PollTimeoutError);
  });

  it("is async-iterable over observed states, the final one included", async () => {
    const { transport } = await setup({
      j1: [
        json(200, { status: "QUEUED" }),
        json(200, { status: "RUNNING" }),
        json(200, { status: "COMPLETED" }),
      ],
    });
    const statuses: string[] = [];
    for await (const state of pollerFor<Job>(transport, "Job", lro, ["j1"]))
      statuses.push(state.status);
    expect(statuses).toEqual(["QUEUED", "RUNNING", "COMPLETED"]);
  });

  it("poll() sends one status request and updates state", async () => {
    const { transport } = await setup({
      j1: [json(200, { status: "RUNNING" }), json(200, { status: "COMPLETED" })],
    });
    const poller = pollerFor<Job>(transport, "Job", lro, ["j1"]);
    expect(poller.state).toBeUndefined();
    expect(await poller.poll()).toEqual({ status: "RUNNING" });
    expect(poller.isDone).toBe(false);
    expect(await poller.poll()).toEqual({ status: "COMPLETED" });
    expect(poller.isDone).toBe(true);
    expect(server.requests).toHaveLength(2);
  });
});

describe("resume tokens", () => {
  it("serialize() + resumePoller() in a new Transport continues the wait", async () => {
    const { transport } = await setup({
      j1: [json(200, { status: "RUNNING" }), json(200, { status: "COMPLETED" })],
    });
    const poller = pollerFor<Job>(transport, "Job", lro, ["j1"]);
    await poller.poll();
    const token = poller.serialize();
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(token, "base64url").toString())).toEqual({
      v: 1,
      name: "Job",
      ids: ["j1"],
      multi: false,
    });
    expect(token).not.toContain(server.url);
    const fresh = new Transport(
      { apiKey: "other-key" },
      { baseUrl: server.url, sleep: fakeTime().sleep },
    );
    const resumed = resumePoller<Job>(fresh, token, { Job: lro });
    expect(resumed.name).toBe("Job");
    expect(await resumed).toEqual({ status: "COMPLETED" });
    expect(server.requests[1].headers.authorization).toBeUndefined();
  });

  it("rejects garbled and foreign tokens clearly", async () => {
    const transport = new Transport({}, { baseUrl: "http://127.0.0.1:9" });
    expect(() => resumePoller(transport, "not a token!", { Job: lro })).toThrow(
      /Invalid resume token/,
    );
    expect(() =>
      resumePoller(
        transport,
        Buffer.from('{"v":2,"name":"Job","ids":["a"]}').toString("base64url"),
        { Job: lro },
      ),
    ).toThrow(/unsupported version 2/);
    const foreign = Buffer.from('{"v":1,"name":"Cluster","ids":["a"]}').toString("base64url");
    expect(() => resumePoller(transport, foreign, { Job: lro, Deploy: lro })).toThrow(
      'no poller named "Cluster" (known: Job, Deploy)',
    );
  });
});

describe("several ids and startPoller", () => {
  it("waits for all ids and resolves with their states in id order", async () => {
    const { transport } = await setup({
      a: [json(200, { status: "RUNNING" }), json(200, { status: "COMPLETED", n: "a" })],
      b: [json(200, { status: "COMPLETED", n: "b" })],
    });
    const progress: unknown[] = [];
    const states = await pollerFor<Job[]>(transport, "Job", lro, ["a", "b"]).pollUntilDone({
      onProgress: (value) => progress.push(value),
    });
    expect(states).toEqual([
      { status: "COMPLETED", n: "a" },
      { status: "COMPLETED", n: "b" },
    ]);
    expect(progress).toEqual([[undefined, undefined]]);
    expect(server.requests.map((seen) => seen.url)).toEqual(["/jobs/a", "/jobs/b", "/jobs/a"]);
  });

  it("rejects when any id fails, naming it", async () => {
    const { transport } = await setup({
      a: [json(200, { status: "RUNNING" })],
      b: [json(200, { status: "FAILED", error: { message: "bad input" } })],
    });
    await expect(pollerFor<Job[]>(transport, "Job", lro, ["a", "b"])).rejects.toThrow(
      "Job b failed (status FAILED): bad input",
    );
  });

  it("startPoller calls the starting operation at once, reads the id and hands over the poller", async () => {
    server = await startServer((res, req, index) =>
      req.method === "POST"
        ? json(202, { job: { id: "j7" } })(res, req, index)
        : json(200, { status: "COMPLETED" })(res, req, index),
    );
    const transport = new Transport({}, { baseUrl: server.url, sleep: fakeTime().sleep });
    const start = op({
      id: "createJob",
      method: "POST",
      path: "/jobs",
      responses: [{ status: "202", kind: "json" }],
    });
    const poller = startPoller<Job>(transport, start, { body: { n: 1 } }, undefined, "Job", lro, {
      idPath: ["job", "id"],
    });
    expect(poller.name).toBe("Job");
    expect(await poller.submitted()).toEqual({ job: { id: "j7" } });
    expect(poller.ids).toEqual(["j7"]);
    expect(poller.serialize()).toBeTypeOf("string");
    expect(await poller.pollUntilDone({ intervalMs: 1 })).toEqual({ status: "COMPLETED" });
    expect(server.requests.map((seen) => `${seen.method} ${seen.url}`)).toEqual([
      "POST /jobs",
      "GET /jobs/j7",
    ]);
  });

  it("startPoller with idsPath resolves to an array (even for one id); a missing id is a clear error", async () => {
    server = await startServer((res, req, index) =>
      req.method === "POST"
        ? json(200, { ids: ["x"], other: {} })(res, req, index)
        : json(200, { status: "COMPLETED" })(res, req, index),
    );
    const transport = new Transport({}, { baseUrl: server.url, sleep: fakeTime().sleep });
    const start = op({ id: "createJobs", method: "POST", path: "/jobs" });
    expect(
      await startPoller<Job[]>(transport, start, undefined, undefined, "Job", lro, {
        idsPath: ["ids"],
      }),
    ).toEqual([{ status: "COMPLETED" }]);
    const missing = startPoller(transport, start, undefined, undefined, "Job", lro, {
      idPath: ["other", "id"],
    });
    await expect(missing.submitted()).rejects.toThrow(
      "createJobs started an operation but its response has no usable id at other.id",
    );
    await expect(missing.pollUntilDone()).rejects.toThrow(/no usable id/);
    await expect(missing).rejects.toThrow(/no usable id/);
  });
});
