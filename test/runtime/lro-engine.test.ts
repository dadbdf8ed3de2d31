// The one LRO loop (runLro) with scripted strategies and a fake clock: what every strategy gets
// for free (floors, riding out transient failures, the useless-answer and poll bounds) and the
// accepted-start rule (afterAcceptedStart).
import { describe, expect, it } from "vitest";
import {
  ApiError,
  ConnectionError,
  OperationFailedError,
  PollTimeoutError,
  SdkError,
} from "../../templates/runtime/errors.js";
import {
  afterAcceptedStart,
  MAX_USELESS_POLLS,
  MIN_POLL_INTERVAL_MS,
  runLro,
} from "../../templates/runtime/lro-engine.js";
import type { LroAnswer, LroLoopSpec, LroStrategy } from "../../templates/runtime/lro-engine.js";
import { UntrackedOperationError } from "../../templates/runtime/lro-outcome.js";
import { MAX_CONSECUTIVE_POLL_FAILURES } from "../../templates/runtime/lro-status.js";
import { linkSignals } from "../../templates/runtime/signals.js";
import { fakeTime } from "./helpers/fixtures.js";

const info = { operationId: "getOperation", method: "GET" as const, url: "/ops/1" };
const pending = (hintMs?: number, isUsable = true): LroAnswer => ({
  phase: "pending",
  isUsable,
  hintMs,
});
const done: LroAnswer = { phase: "succeeded", isUsable: true, hintMs: undefined };

/** A strategy answering `script` in order (an Error is thrown); counts its polls. */
function scripted(script: (LroAnswer | Error)[]): LroStrategy & { polls: number } {
  const strategy = {
    polls: 0,
    async poll() {
      const next = script[Math.min(strategy.polls++, script.length - 1)];
      if (next instanceof Error) throw next;
      return next;
    },
    describe: () => "job j never reported a status",
  };
  return strategy;
}

async function run(strategy: LroStrategy, loop: Partial<LroLoopSpec> = {}) {
  const time = fakeTime();
  const linked = linkSignals([]);
  const context = { ...time, random: () => 0 };
  const answers: LroAnswer[] = [];
  const onTimeout = () =>
    new PollTimeoutError({ pollerName: "Job", ids: ["j"], timeoutMs: 0, state: undefined });
  try {
    const whole = { defaultIntervalMs: 1000, ...loop, ...strategy, linked, onTimeout };
    for await (const answer of runLro(context, {}, whole)) answers.push(answer);
    return { answers, waits: time.waits };
  } finally {
    linked.dispose();
  }
}

describe("runLro", () => {
  it("yields every answer up to the success; hints are waited, floors win over Retry-After: 0", async () => {
    const { answers, waits } = await run(scripted([pending(2000), pending(0), pending(), done]), {
      minIntervalMs: 500,
    });
    expect(answers.map((a) => a.phase)).toEqual(["pending", "pending", "pending", "succeeded"]);
    expect(waits).toEqual([2000, 500, 1000]);
  });

  it("firstWait waits before the first status request, never below the runtime floor", async () => {
    const { waits } = await run(scripted([done]), { firstWait: { hintMs: 0 } });
    expect(waits).toEqual([MIN_POLL_INTERVAL_MS]);
  });

  it(`rides out ${MAX_CONSECUTIVE_POLL_FAILURES - 1} transient failures, gives up at the ${MAX_CONSECUTIVE_POLL_FAILURES}th`, async () => {
    const down = new ConnectionError(info, "down");
    const recovering = scripted([...Array(MAX_CONSECUTIVE_POLL_FAILURES - 1).fill(down), done]);
    expect((await run(recovering)).answers).toEqual([done]);
    const failing = scripted([down]);
    await expect(run(failing)).rejects.toBe(down);
    expect(failing.polls).toBe(MAX_CONSECUTIVE_POLL_FAILURES);
  });

  it("a non-transient failure and the operation's own failure end the wait at once", async () => {
    const failed = new OperationFailedError({
      pollerName: "Job",
      id: "j",
      status: "failed",
      state: {},
      error: undefined,
      statusMessage: undefined,
      isCanceled: false,
    });
    const strategy = scripted([failed]);
    await expect(run(strategy)).rejects.toBe(failed);
    expect(strategy.polls).toBe(1);
  });

  it(`ends on the ${MAX_USELESS_POLLS}th useless answer in a row, naming what was polled`, async () => {
    const strategy = scripted([pending(undefined, false)]);
    await expect(run(strategy)).rejects.toThrow(/job j never reported a status/);
    expect(strategy.polls).toBe(MAX_USELESS_POLLS);
  });

  it("maxPolls bounds the rounds", async () => {
    const strategy = scripted([pending()]);
    await expect(run(strategy, { maxPolls: 3 })).rejects.toBeInstanceOf(PollTimeoutError);
    expect(strategy.polls).toBe(3);
  });
});

describe("afterAcceptedStart: the accepted-start rule", () => {
  const start = { id: "j" };
  const aborted = AbortSignal.abort();
  const table: {
    given: string;
    error: unknown;
    signal?: AbortSignal;
    want: "as is" | "untracked";
  }[] = [
    {
      given: "the operation's failure",
      error: new OperationFailedError({
        pollerName: "Job",
        id: "j",
        status: "failed",
        state: {},
        error: undefined,
        statusMessage: undefined,
        isCanceled: false,
      }),
      want: "as is",
    },
    {
      given: "the wait's timeout",
      error: new PollTimeoutError({
        pollerName: "Job",
        ids: ["j"],
        timeoutMs: 1,
        state: undefined,
      }),
      want: "as is",
    },
    { given: "the caller's abort", error: new Error("aborted"), signal: aborted, want: "as is" },
    {
      given: "a status call's 500",
      error: new ApiError({ ...info, status: 500, headers: new Headers(), body: "" }),
      want: "untracked",
    },
    {
      given: "a monitor that never reports",
      error: new SdkError("never reported a status"),
      want: "untracked",
    },
  ];
  it.each(table)("$given -> $want", ({ error, signal, want }) => {
    const settled = afterAcceptedStart(error, signal, "Job", start);
    if (want === "as is") expect(settled).toBe(error);
    else
      expect(settled).toMatchObject({
        constructor: UntrackedOperationError,
        isAccepted: true,
        start,
        cause: error,
      });
  });
});
