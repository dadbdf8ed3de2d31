// The LRO rules the three APIs need, on the runtime directly with a fake clock: interval and
// rate-limit floors, terminal markers, unreachable and gone targets, fixed poll arguments, the
// default wait timeout, accepted starts that cannot be tracked, and server-side waits.
import { afterEach, describe, expect, it } from "vitest";
import {
  OperationFailedError,
  PollTimeoutError,
  TimeoutError,
} from "../../templates/runtime/errors.js";
import { encodeJson } from "../../templates/runtime/body.js";
import { UntrackedOperationError } from "../../templates/runtime/lro-outcome.js";
import type { LroOutcome } from "../../templates/runtime/lro-outcome.js";
import { withServerWait } from "../../templates/runtime/server-wait.js";
import { Transport } from "../../templates/runtime/transport.js";
import { startAndWaitAtUrl } from "../../templates/runtime/call-url-lro.js";
import { startAndWait, waitFor, waitForTarget } from "../../templates/runtime/call-lro.js";
import { lroRules } from "../../templates/runtime/lro-rules.js";
import type { LroSpec, OperationSpec, UrlLroSpec } from "../../templates/runtime/types.js";
import { defaultStyles } from "../../templates/runtime/serialize.js";
import { fakeTime, op } from "./helpers/fixtures.js";
import { json, slow, startServer } from "./helpers/http-server.js";
import type { Reply, TestServer } from "./helpers/http-server.js";

let server: TestServer;
afterEach(() => server?.close());

const poll = op({
  id: "getJob",
  path: "/jobs/{id}",
  params: [
    { name: "id", in: "path" },
    { name: "light", in: "query", styles: defaultStyles },
  ],
});
const base: LroSpec = {
  poll,
  idParam: "id",
  statusPath: ["status"],
  successValues: ["done"],
  failureValues: ["failed"],
  defaultIntervalMs: 10,
};
const start = op({
  id: "startJob",
  method: "POST",
  path: "/jobs",
  responses: [{ status: "202", kind: "json" }],
});
const urlLro: UrlLroSpec = {
  kind: "url",
  urlHeaders: ["Location"],
  statusPaths: [["status"]],
  successValues: ["Succeeded"],
  failureValues: ["Failed"],
  finalStateVia: "location",
  defaultIntervalMs: 10,
};

async function setup(...replies: Reply[]) {
  server = await startServer(...replies);
  const time = fakeTime();
  const transport = new Transport(
    { retry: { maxRetries: 0 } },
    { baseUrl: server.url, sleep: time.sleep, now: time.now, random: () => 0 },
  );
  return { transport, time };
}

describe("waits between polls", () => {
  it("minIntervalMs is a floor even under Retry-After: 0", async () => {
    const { transport, time } = await setup(
      json(200, { status: "running" }, { "retry-after": "0" }),
      json(200, { status: "running" }, { "retry-after": "0" }),
      json(200, { status: "done" }),
    );
    await waitFor(transport, "Job", { ...base, minIntervalMs: 1000 }, ["j"]);
    expect(time.waits).toEqual([1000, 1000]);
  });

  it("a low X-RateLimit-Remaining spreads the polls until the reset", async () => {
    const { transport, time } = await setup(
      json(200, { status: "running" }, { "x-ratelimit-remaining": "1", "x-ratelimit-reset": "10" }),
      json(200, { status: "done" }),
    );
    await waitFor(transport, "Job", base, ["j"]);
    expect(time.waits).toEqual([5000]); // 10 s until reset / (1 remaining + 1)
  });
});

describe("terminal markers", () => {
  const lakesail: LroSpec = {
    ...base,
    successValues: ["succeeded"],
    isCaseInsensitive: true,
    donePath: ["completedAt"],
    failurePath: ["error"],
    rules: lroRules,
  };
  const table: [string, object, string][] = [
    [
      "unknown status, completedAt set",
      { status: "Ready", completedAt: "2026-01-01T00:00:00Z", error: null },
      "succeeded",
    ],
    ["unknown status, error object", { status: "Aborted", error: { code: "X" } }, "failed"],
    [
      "unknown status, nothing set",
      { status: "Reticulating", completedAt: null, error: null },
      "pending",
    ],
  ];
  it.each(table)("%s", async (_, body, want) => {
    const { transport } = await setup(json(200, body), json(200, { status: "succeeded" }));
    const outcome = await waitFor(transport, "Op", lakesail, ["o"]).then(
      (state) =>
        state === body || JSON.stringify(state) === JSON.stringify(body) ? "succeeded" : "pending",
      (error: unknown) => (error instanceof OperationFailedError ? "failed" : String(error)),
    );
    expect(outcome).toBe(want);
  });
});

describe("targets", () => {
  // The generator names the rules on a poller whose targets use unreachableValues or isGoneSuccess.
  const withRules: LroSpec = { ...base, rules: lroRules };
  const targets = {
    running: {
      successValues: ["running"],
      failureValues: ["error"],
      unreachableValues: ["stopped"],
    },
    gone: { successValues: [], failureValues: ["error"], isGoneSuccess: true },
  };

  it("an unreachable status fails only after the resource was seen moving", async () => {
    const { transport } = await setup(
      json(200, { status: "stopped" }),
      json(200, { status: "starting" }),
      json(200, { status: "stopped" }),
    );
    const error = await waitForTarget(
      transport,
      "Job",
      withRules,
      ["j"],
      { until: "running" },
      targets,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationFailedError);
    expect(server.requests).toHaveLength(3);
  });

  it("gone: a 404 ends the wait with no state", async () => {
    const { transport } = await setup(
      json(200, { status: "stopping" }),
      json(404, { message: "not found" }),
    );
    expect(
      await waitForTarget(transport, "Job", withRules, ["j"], { until: "gone" }, targets),
    ).toBeUndefined();
  });

  it("an until that names no target is refused before any status request", async () => {
    const { transport } = await setup(json(200, { status: "running" }));
    const error = await waitForTarget(
      transport,
      "Job",
      withRules,
      ["j"],
      { until: "nope" },
      targets,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(
      'Job: unknown until "nope"; expected one of running, gone',
    );
    expect(server.requests).toHaveLength(0);
  });

  it("an until given to a poller without targets (plain JavaScript) is refused, not ignored", async () => {
    const { transport } = await setup(json(200, { status: "running" }));
    const error = await waitFor(transport, "Job", base, ["j"], {
      until: "running",
    } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('Job: has no wait targets; "until" is not an option');
    expect(server.requests).toHaveLength(0);
  });

  it("pollArgs go with every status request; defaultTimeoutMs bounds a wait the caller left open", async () => {
    const { transport, time } = await setup(json(200, { status: "running" }));
    const error = await waitFor(
      transport,
      "Job",
      { ...base, pollArgs: { light: true }, defaultTimeoutMs: 1000 },
      ["j"],
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PollTimeoutError);
    expect(server.requests[0].url).toBe("/jobs/j?light=true");
    expect(time.waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1000);
  });
});

describe("accepted starts", () => {
  type Outcome = LroOutcome<unknown, unknown>;
  const wait = (transport: Transport, isIdOptional: boolean) =>
    startAndWait<Outcome>(transport, start, undefined, {}, "Job", base, {
      idPath: ["id"],
      isIdOptional,
    });

  it("an optional id that is null resolves untracked, with the accepted body, and polls nothing", async () => {
    const { transport } = await setup(json(202, { id: null, message: "accepted" }));
    const outcome = await wait(transport, true);
    expect(outcome).toMatchObject({ tracked: false, start: { id: null, message: "accepted" } });
    expect(server.requests).toHaveLength(1);
  });

  it("an optional id that is there is tracked to the end", async () => {
    const { transport } = await setup(json(202, { id: "j" }), json(200, { status: "done" }));
    expect(await wait(transport, true)).toEqual({
      tracked: true,
      state: { status: "done" },
      start: { id: "j" },
    });
  });

  it("a start the server refused is still an error (nothing was accepted)", async () => {
    const { transport } = await setup(json(400, { message: "bad" }));
    await expect(wait(transport, true)).rejects.toMatchObject({ status: 400 });
  });

  it("a promised id that is missing throws UntrackedOperationError carrying the body", async () => {
    const { transport } = await setup(json(202, { message: "accepted" }));
    const error = await wait(transport, false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UntrackedOperationError);
    expect(error).toMatchObject({ isAccepted: true, start: { message: "accepted" } });
  });

  it("a promised id whose status endpoint stops answering: UntrackedOperationError, not the plain 500", async () => {
    const { transport } = await setup(json(202, { id: "j" }), json(500, { message: "down" }));
    const error = await wait(transport, false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UntrackedOperationError);
    expect(error).toMatchObject({ isAccepted: true, start: { id: "j" }, cause: { status: 500 } });
    expect(server.requests).toHaveLength(1 + 5); // the start, then MAX_CONSECUTIVE_POLL_FAILURES polls
  });

  it("a promised id whose operation fails is still OperationFailedError", async () => {
    const { transport } = await setup(json(202, { id: "j" }), json(200, { status: "failed" }));
    await expect(wait(transport, false)).rejects.toBeInstanceOf(OperationFailedError);
  });

  it("a URL-polled wait whose monitor stops answering: UntrackedOperationError with the accepted body", async () => {
    const { transport } = await setup(
      json(202, { accepted: true }, { location: "/ops/1" }),
      json(404, { message: "gone" }),
    );
    const error = await startAndWaitAtUrl(
      transport,
      start,
      undefined,
      {},
      "startJob",
      urlLro,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UntrackedOperationError);
    expect(error).toMatchObject({
      isAccepted: true,
      start: { accepted: true },
      cause: { status: 404 },
    });
    expect((error as Error).message).toContain("do not send it again");
  });

  it("a URL-polled wait: a refused start, a failed operation and a timeout stay what they are", async () => {
    let { transport } = await setup(json(409, { message: "conflict" }));
    await expect(
      startAndWaitAtUrl(transport, start, undefined, {}, "startJob", urlLro),
    ).rejects.toMatchObject({ status: 409 });
    await server.close();
    ({ transport } = await setup(
      json(202, {}, { location: "/ops/2" }),
      json(200, { status: "Failed" }),
    ));
    await expect(
      startAndWaitAtUrl(transport, start, undefined, {}, "startJob", urlLro),
    ).rejects.toBeInstanceOf(OperationFailedError);
    await server.close();
    ({ transport } = await setup(
      json(202, {}, { location: "/ops/3" }),
      json(202, { status: "Running" }),
    ));
    await expect(
      startAndWaitAtUrl(transport, start, undefined, { timeoutMs: 1000 }, "startJob", urlLro),
    ).rejects.toBeInstanceOf(PollTimeoutError);
  });

  it("idArg waits on the call's own argument", async () => {
    const startOne = op({
      id: "startOne",
      method: "POST",
      path: "/jobs/{id}/start",
      params: [{ name: "id", in: "path" }],
    });
    const { transport } = await setup(json(200, {}), json(200, { status: "done" }));
    await startAndWait(transport, startOne, { id: "j7" }, {}, "Job", base, { idArg: "id" });
    expect(server.requests.map((r) => r.url)).toEqual(["/jobs/j7/start", "/jobs/j7"]);
  });
});

describe("server-side waits", () => {
  const waiting: OperationSpec = {
    ...start,
    body: { kind: "json", mediaType: "application/json", encode: encodeJson },
    // A server-side wait answers 200 when the job ended within the wait (only declared statuses succeed).
    responses: [
      { status: "200", kind: "json" },
      { status: "202", kind: "json" },
    ],
    serverWait: {
      flagPath: ["body", "wait"],
      durationPath: ["body", "minutes"],
      defaultDuration: 10,
      unitMs: 60_000,
      apply: withServerWait,
    },
  };

  it("the flag stretches the attempt timeout to the wait asked for; without it the client's applies", async () => {
    server = await startServer(slow(400, json(200, { ok: true })));
    const transport = new Transport(
      { timeoutMs: 50, retry: { maxRetries: 0 } },
      { baseUrl: server.url },
    );
    expect(await transport.request(waiting, { body: { wait: true, minutes: 1 } })).toEqual({
      ok: true,
    });
    await expect(transport.request(waiting, { body: { wait: false } })).rejects.toBeInstanceOf(
      TimeoutError,
    );
  });

  it("a server-waiting call keeps the rest of the API's retry policy", () => {
    const apiRetry = { statusCodes: ["5XX"], maxRetries: 4 };
    const [sent] = withServerWait(waiting, { body: { wait: true } }, {}, Infinity, apiRetry);
    expect(sent.retry).toEqual({ statusCodes: ["5XX"], maxRetries: 4, isConnectionRetried: false });
    const [own] = withServerWait(
      { ...waiting, retry: { maxRetries: 1 } },
      { body: { wait: true } },
      {},
      Infinity,
      apiRetry,
    );
    expect(own.retry).toEqual({ maxRetries: 1, isConnectionRetried: false });
  });

  it("a server-waiting call that timed out is not sent again, even as an idempotent DELETE", async () => {
    server = await startServer(slow(400, json(200, { ok: true })));
    const remove: OperationSpec = { ...waiting, method: "DELETE", isIdempotent: true };
    const attempts: number[] = [];
    const transport = new Transport(
      {
        retry: { maxRetries: 3, initialDelayMs: 1 },
        onRequest: (c) => void attempts.push(c.attempt),
      },
      { baseUrl: server.url },
    );
    await expect(
      transport.request(remove, { body: { wait: true } }, { timeoutMs: 50 }),
    ).rejects.toBeInstanceOf(TimeoutError);
    expect(attempts).toEqual([1]);
  });
});
