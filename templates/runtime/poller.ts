// Polls a long-running operation to its end, in the shape of Azure core-lro v3 and AWS waiters:
// poll() once, pollUntilDone(), `await poller`, `for await (const state of poller)`, serialize().
//
// Result shape: a poller on one id resolves to that id's final status body (TState); a poller on
// several ids, or one started from an `idsPath`, is created as Poller<Item[]> and resolves to the
// final bodies in id order. Any id failing rejects the whole wait with OperationFailedError.
//
// One closure rather than a class: its state is a few local variables, which a minifier shortens
// to a letter each, and a round of status requests is the engine's strategy as it is.
import { OperationFailedError, PollTimeoutError, SdkError } from "./errors.js";
import { readFieldPath } from "./field-path.js";
import { runLro } from "./lro-engine.js";
import type { LroAnswer, LroContext, LroLoop } from "./lro-engine.js";
import { observeStatus, operationFailure } from "./lro-status.js";
import type { LroObservation } from "./lro-status.js";
import { encodeResumeToken } from "./resume-token.js";
import { linkSignals } from "./signals.js";
import type { LroSpec, PollOptions, RequestOptions, RetryOptions, StatusHistory } from "./types.js";

export type { PollOptions } from "./types.js";

/** What a poller borrows from its Transport: the engine's context. */
export type PollerContext = LroContext;

/** Which ids to poll; `start` resolves once the starting call returned them. */
export interface PollerTarget {
  readonly ids: readonly string[];
  readonly isMulti: boolean;
  /** The starting call's body, for submitted(). */
  readonly startBody?: unknown;
  /** Success counts only once the resource was seen in another status (StartSpec.isChangeAwaited). */
  readonly isChangeAwaited?: boolean;
  /** What the starting call's own body showed (LroSpec.rules), the start of every id's history. */
  readonly history?: StatusHistory;
}

/** Consecutive failed status requests pollUntilDone rides out (status requests are reads). */
export { MAX_CONSECUTIVE_POLL_FAILURES } from "./lro-status.js";

/** A long-running operation being waited for; `await poller` is `poller.pollUntilDone()`. */
export interface Poller<TState> extends PromiseLike<TState>, AsyncIterable<TState> {
  /** The poller's name (as in `waitFor<Name>`), stored in resume tokens. */
  readonly name: string;
  /** The ids being polled (empty until the starting call has returned). */
  readonly ids: readonly string[];
  /** The last status body (an array of them for several ids), or undefined before the first poll. */
  readonly state: TState | undefined;
  /** True once every id has reached a success status. */
  readonly isDone: boolean;
  /** Resolves with the starting call's body once it returned (undefined for pollers on known ids). */
  submitted(): Promise<unknown>;
  /** One status request per unfinished id; rejects with OperationFailedError on a failure status. */
  poll(options?: { signal?: AbortSignal }): Promise<TState>;
  /**
   * Polls until every id succeeds. Waits: the server's hint (Retry-After, retryAfterPath) as given,
   * else intervalMs growing x1.5 to maxIntervalMs with up to 20% jitter. Transient status failures
   * are ridden out (MAX_CONSECUTIVE_POLL_FAILURES). timeoutMs rejects with PollTimeoutError.
   */
  pollUntilDone(options?: PollOptions<TState>): Promise<TState>;
  then<A = TState, B = never>(
    onFulfilled?: ((state: TState) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B>;
  /** Each observed state, the final success state included; a failure status throws instead. */
  [Symbol.asyncIterator](): AsyncGenerator<TState, void, undefined>;
  /** A resume token (base64url JSON of name and ids, no credentials) for resumePoller. */
  serialize(): string;
}

/** A poller on `target`'s ids (see Poller). */
export function createPoller<TState>(
  context: PollerContext,
  name: string,
  lro: LroSpec,
  target: PollerTarget | Promise<PollerTarget>,
  options: RequestOptions = {},
): Poller<TState> {
  let started: PollerTarget | undefined;
  const starting = Promise.resolve(target).then((resolved) => (started = resolved));
  // The start's failure surfaces through submitted()/poll()/await; never as an unhandled rejection.
  starting.catch(() => undefined);
  const observations: (LroObservation | undefined)[] = [];
  /** Per id: what its statuses showed so far, for LroSpec.rules. */
  const histories: StatusHistory[] = [];
  let done: Promise<TState> | undefined;

  const ids = (): readonly string[] => started?.ids ?? [];
  const isDone = (): boolean =>
    ids().length > 0 && ids().every((_, index) => observations[index]?.phase === "succeeded");
  const state = (): TState | undefined => {
    const states = observations.map((observation) => observation?.state);
    if (!started?.isMulti) return states[0] as TState | undefined;
    return states.length === ids().length && states.every((value) => value !== undefined)
      ? (states as TState)
      : undefined;
  };

  /**
   * Polls every unfinished id once (a failure may be an answer after all: LroSpec.rules, a 404
   * meaning gone); the hint is the longest among the ids still running.
   */
  const pollRound = async (
    signal: AbortSignal,
    retry: Partial<RetryOptions> | undefined,
  ): Promise<LroAnswer> => {
    const { ids: targetIds, history, isChangeAwaited } = await starting;
    let hintMs: number | undefined;
    let floorMs: number | undefined;
    for (const [index, id] of targetIds.entries()) {
      if (observations[index]?.phase === "succeeded") continue;
      let observation: LroObservation;
      try {
        const args = { ...lro.pollArgs, [lro.idParam]: id };
        const result = await context.send(lro.poll, args, { ...options, signal, retry });
        observation = observeStatus(lro, result, context.now);
      } catch (error) {
        const answer = lro.rules?.onError(lro, error);
        if (answer === undefined) throw error;
        observation = answer;
      }
      if (lro.rules)
        observation = lro.rules.judge(
          lro,
          observation,
          (histories[index] ??= { ...history }),
          isChangeAwaited,
        );
      observations[index] = observation;
      if (observation.phase === "failed" || observation.phase === "canceled")
        throw operationFailure(lro, name, id, observation);
      if (observation.rateFloorMs !== undefined)
        floorMs = Math.max(floorMs ?? 0, observation.rateFloorMs);
      if (observation.phase === "pending" && observation.hintMs !== undefined)
        hintMs = Math.max(hintMs ?? 0, observation.hintMs);
    }
    return {
      phase: isDone() ? "succeeded" : "pending",
      // An answer without a status (and no rule's verdict) says nothing about the operation.
      isUsable: observations.some(
        (seen) => seen !== undefined && (seen.status !== undefined || seen.phase !== "pending"),
      ),
      hintMs,
      floorMs,
    };
  };

  const timeoutError = (timeoutMs: number): PollTimeoutError =>
    new PollTimeoutError({
      pollerName: name,
      ids: ids(),
      timeoutMs,
      state: state(),
      lastStatus:
        observations.length === 0
          ? undefined
          : observations.map((seen) => seen?.status ?? "?").join(", "),
    });

  async function* observe(given: PollOptions<TState>): AsyncGenerator<TState, void, undefined> {
    const timeoutMs = given.timeoutMs ?? lro.defaultTimeoutMs;
    const linked = linkSignals([options.signal, given.signal], timeoutMs);
    const onTimeout = () => timeoutError(timeoutMs ?? 0);
    const startedAt = context.now();
    try {
      await starting;
      if (isDone()) return;
      // The descriptor names the loop's intervals and poll budget itself (LroLoopSpec's fields).
      const loop: LroLoop = {
        ...lro,
        firstWait: lro.initialDelayMs ? { hintMs: lro.initialDelayMs } : undefined,
        // pollUntilDone owns the waiting between status requests: each is sent once, without retries.
        poll: (signal) => pollRound(signal, { maxRetries: 0 }),
        describe: () => `${name}: ${ids().join(", ")} never reported a status`,
        linked,
        onTimeout,
        onPollLimit: () => timeoutError(context.now() - startedAt),
      };
      for await (const _ of runLro(context, { ...given, timeoutMs }, loop)) yield state() as TState;
    } catch (error) {
      throw linked.isTimedOut && !(error instanceof OperationFailedError) ? onTimeout() : error;
    } finally {
      linked.dispose();
    }
  }

  const progressOf = (value: TState): unknown => {
    const path = lro.progressPath;
    if (path === undefined) return value;
    return started?.isMulti
      ? (value as unknown[]).map((item) => readFieldPath(item, path))
      : readFieldPath(value, path);
  };

  const pollUntilDone = async (given: PollOptions<TState> = {}): Promise<TState> => {
    for await (const value of observe(given))
      if (!isDone()) given.onProgress?.(progressOf(value), value);
    return state() as TState;
  };

  return {
    name,
    get ids() {
      return ids();
    },
    get state() {
      return state();
    },
    get isDone() {
      return isDone();
    },
    submitted: async () => (await starting).startBody,
    async poll(given) {
      const linked = linkSignals([options.signal, given?.signal]);
      try {
        await pollRound(linked.signal, options.retry);
        return state() as TState;
      } finally {
        linked.dispose();
      }
    },
    pollUntilDone,
    then: (onFulfilled, onRejected) => (done ??= pollUntilDone()).then(onFulfilled, onRejected),
    [Symbol.asyncIterator]: () => observe({}),
    serialize() {
      if (!started)
        throw new SdkError(
          `${name}: the starting call has not returned yet; await poller.submitted() first`,
        );
      return encodeResumeToken({ name, ids: started.ids, isMulti: started.isMulti });
    },
  };
}
