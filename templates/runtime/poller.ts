// Polls a long-running operation to its end, in the shape of Azure core-lro v3 and AWS waiters:
// poll() once, pollUntilDone(), `await poller`, `for await (const state of poller)`, serialize().
//
// Result shape: a poller on one id resolves to that id's final status body (TState); a poller on
// several ids, or one started from an `idsPath`, is created as Poller<Item[]> and resolves to the
// final bodies in id order. Any id failing rejects the whole wait with OperationFailedError.
import { OperationFailedError, PollTimeoutError, SdkError } from "./errors.js";
import { readFieldPath } from "./field-path.js";
import { runLro } from "./lro-engine.js";
import type { LroContext, LroStrategy } from "./lro-engine.js";
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

/** What one round of status requests says about the next wait. */
interface RoundHints {
  /** The server's hint (Retry-After), the longest among the ids still running. */
  readonly hintMs: number | undefined;
  /** The rate-limit floor, the longest among the responses. */
  readonly floorMs: number | undefined;
}

/** Consecutive failed status requests pollUntilDone rides out (status requests are reads). */
export { MAX_CONSECUTIVE_POLL_FAILURES } from "./lro-status.js";

/** pollUntilDone owns the waiting between status requests, so each is sent once, without retries. */
const NO_RETRIES: Partial<RetryOptions> = { maxRetries: 0 };

/** A long-running operation being waited for; `await poller` is `poller.pollUntilDone()`. */
export class Poller<TState> implements PromiseLike<TState>, AsyncIterable<TState> {
  /** The poller's name (as in `waitFor<Name>`), stored in resume tokens. */
  readonly name: string;
  readonly #context: PollerContext;
  readonly #lro: LroSpec;
  readonly #options: RequestOptions;
  readonly #started: Promise<PollerTarget>;
  #target: PollerTarget | undefined;
  #observations: (LroObservation | undefined)[] = [];
  /** Per id: what its statuses showed so far, for LroSpec.rules. */
  #histories: StatusHistory[] = [];
  #done: Promise<TState> | undefined;

  constructor(
    context: PollerContext,
    name: string,
    lro: LroSpec,
    target: PollerTarget | Promise<PollerTarget>,
    options?: RequestOptions,
  ) {
    this.#context = context;
    this.name = name;
    this.#lro = lro;
    this.#options = options ?? {};
    this.#started = Promise.resolve(target).then((resolved) => {
      return (this.#target = resolved);
    });
    // The start's failure surfaces through submitted()/poll()/await; never as an unhandled rejection.
    this.#started.catch(() => undefined);
  }

  /** The ids being polled (empty until the starting call has returned). */
  get ids(): readonly string[] {
    return this.#target?.ids ?? [];
  }

  /** The last status body (an array of them for several ids), or undefined before the first poll. */
  get state(): TState | undefined {
    const states = this.#observations.map((observation) => observation?.state);
    if (!this.#target?.isMulti) return states[0] as TState | undefined;
    return states.length === this.ids.length && states.every((state) => state !== undefined)
      ? (states as TState)
      : undefined;
  }

  /** True once every id has reached a success status. */
  get isDone(): boolean {
    return (
      this.ids.length > 0 &&
      this.ids.every((_, index) => this.#observations[index]?.phase === "succeeded")
    );
  }

  /** Resolves with the starting call's body once it returned (undefined for pollers on known ids). */
  async submitted(): Promise<unknown> {
    return (await this.#started).startBody;
  }

  /** One status request per unfinished id; rejects with OperationFailedError on a failure status. */
  async poll(options?: { signal?: AbortSignal }): Promise<TState> {
    const linked = linkSignals([this.#options.signal, options?.signal]);
    try {
      await this.#pollRound(linked.signal, this.#options.retry);
      return this.state as TState;
    } finally {
      linked.dispose();
    }
  }

  /**
   * Polls until every id succeeds. Waits: the server's hint (Retry-After, retryAfterPath) as given,
   * else intervalMs growing x1.5 to maxIntervalMs with up to 20% jitter. Transient status failures
   * are ridden out (MAX_CONSECUTIVE_POLL_FAILURES). timeoutMs rejects with PollTimeoutError.
   */
  async pollUntilDone(options: PollOptions<TState> = {}): Promise<TState> {
    for await (const state of this.#observe(options)) {
      if (!this.isDone) options.onProgress?.(this.#progressOf(state), state);
    }
    return this.state as TState;
  }

  then<TResult1 = TState, TResult2 = never>(
    onFulfilled?: ((state: TState) => TResult1 | PromiseLike<TResult1>) | null,
    onRejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    this.#done ??= this.pollUntilDone();
    return this.#done.then(onFulfilled, onRejected);
  }

  /** Each observed state, the final success state included; a failure status throws instead. */
  [Symbol.asyncIterator](): AsyncGenerator<TState, void, undefined> {
    return this.#observe({});
  }

  /** A resume token (base64url JSON of name and ids, no credentials) for Transport.resumePoller. */
  serialize(): string {
    if (!this.#target)
      throw new SdkError(
        `${this.name}: the starting call has not returned yet; await poller.submitted() first`,
      );
    return encodeResumeToken({
      name: this.name,
      ids: this.#target.ids,
      isMulti: this.#target.isMulti,
    });
  }

  async *#observe(given: PollOptions<TState>): AsyncGenerator<TState, void, undefined> {
    const { now } = this.#context;
    const options = {
      ...given,
      timeoutMs: given.timeoutMs ?? this.#lro.defaultTimeoutMs,
    };
    const linked = linkSignals([this.#options.signal, options.signal], options.timeoutMs);
    const onTimeout = () => this.#timeoutError(options.timeoutMs ?? 0);
    const startedAt = now();
    const onPollLimit = () => this.#timeoutError(now() - startedAt);
    const lro = this.#lro;
    // The descriptor names the loop's intervals and poll budget itself (LroLoopSpec's fields).
    const loop = {
      ...lro,
      firstWait: lro.initialDelayMs ? { hintMs: lro.initialDelayMs } : undefined,
    };
    const strategy: LroStrategy = {
      poll: async (signal) => {
        const hints = await this.#pollRound(signal, NO_RETRIES);
        return {
          phase: this.isDone ? "succeeded" : "pending",
          isUsable: this.#hasStatus(),
          hintMs: hints.hintMs,
          floorMs: hints.floorMs,
        };
      },
      describe: () => `${this.name}: ${this.ids.join(", ")} never reported a status`,
    };
    try {
      await this.#started;
      if (this.isDone) return;
      for await (const _ of runLro(this.#context, options, loop, strategy, {
        linked,
        onTimeout,
        onPollLimit,
      }))
        yield this.state as TState;
    } catch (error) {
      throw linked.isTimedOut && !(error instanceof OperationFailedError) ? onTimeout() : error;
    } finally {
      linked.dispose();
    }
  }

  /** Whether the last round's answers carried a status (an answer without one is not usable). */
  #hasStatus(): boolean {
    return this.#observations.some(
      (observation) =>
        observation !== undefined &&
        (observation.status !== undefined || observation.phase !== "pending"),
    );
  }

  /** Polls every unfinished id once; returns the longest server hint among those still running. */
  async #pollRound(
    signal: AbortSignal,
    retry: Partial<RetryOptions> | undefined,
  ): Promise<RoundHints> {
    const target = await this.#started;
    let hintMs: number | undefined;
    let floorMs: number | undefined;
    for (const [index, id] of target.ids.entries()) {
      if (this.#observations[index]?.phase === "succeeded") continue;
      const observation = this.#judged(index, await this.#observeOne(id, signal, retry));
      this.#observations[index] = observation;
      if (observation.phase === "failed" || observation.phase === "canceled")
        throw operationFailure(this.#lro, this.name, id, observation);
      if (observation.rateFloorMs !== undefined)
        floorMs = Math.max(floorMs ?? 0, observation.rateFloorMs);
      if (observation.phase === "pending" && observation.hintMs !== undefined)
        hintMs = Math.max(hintMs ?? 0, observation.hintMs);
    }
    return { hintMs, floorMs };
  }

  /** One status request; a failure may be an answer after all (LroSpec.rules: a 404 meaning gone). */
  async #observeOne(
    id: string,
    signal: AbortSignal,
    retry: Partial<RetryOptions> | undefined,
  ): Promise<LroObservation> {
    const options: RequestOptions = { ...this.#options, signal, retry };
    const args = { ...this.#lro.pollArgs, [this.#lro.idParam]: id };
    try {
      const result = await this.#context.send(this.#lro.poll, args, options);
      return observeStatus(this.#lro, result, this.#context.now);
    } catch (error) {
      const answer = this.#lro.rules?.onError(this.#lro, error);
      if (answer === undefined) throw error;
      return answer;
    }
  }

  /** The observation under the rules that depend on the id's history (LroSpec.rules). */
  #judged(index: number, observation: LroObservation): LroObservation {
    const rules = this.#lro.rules;
    if (!rules) return observation;
    const history = (this.#histories[index] ??= { ...this.#target?.history });
    return rules.judge(this.#lro, observation, history, this.#target?.isChangeAwaited);
  }

  #progressOf(state: TState): unknown {
    const path = this.#lro.progressPath;
    if (path === undefined) return state;
    return this.#target?.isMulti
      ? (state as unknown[]).map((item) => readFieldPath(item, path))
      : readFieldPath(state, path);
  }

  #timeoutError(timeoutMs: number): PollTimeoutError {
    const statuses = this.#observations.map((observation) => observation?.status ?? "?");
    const lastStatus = statuses.length === 0 ? undefined : statuses.join(", ");
    return new PollTimeoutError({
      pollerName: this.name,
      ids: this.ids,
      timeoutMs,
      state: this.state,
      lastStatus,
    });
  }
}
