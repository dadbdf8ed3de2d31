// The one loop every long-running wait runs (after Azure core-lro's `createPoller` over its
// strategy functions): a strategy knows how to ask where the operation stands (a status body per
// id, a header-named status monitor, a Location, the original URI); the loop owns everything else,
// the same for all of them: pacing, riding out transient status failures, the bound on useless
// answers and on the number of polls, the deadline, and the accepted-start rule.
import { sleepUnlessAborted } from "./delay.js";
import type { Sleep } from "./delay.js";
import { OperationFailedError, PollTimeoutError, SdkError } from "./errors.js";
import { UntrackedOperationError } from "./lro-outcome.js";
import { DEFAULT_MAX_HINT_MS, hintAfterPollFailure, unhintedIntervalMs } from "./lro-status.js";
import type { LroPhase } from "./lro-status.js";
import type { LinkedSignal } from "./signals.js";
import type { SendResult } from "./attempt.js";
import type { OperationSpec, RequestOptions } from "./types.js";

/**
 * No poll loop waits less than this between status requests, whatever the server (Retry-After: 0)
 * or the caller (intervalMs) says: a loop without a floor sends thousands of requests a second to
 * a monitor that keeps answering "not yet, come back at once".
 */
export const MIN_POLL_INTERVAL_MS = 100;

/**
 * Consecutive status answers with nothing usable in them (no status where the monitor should
 * report one) a wait accepts before it ends with an error. Some job APIs answer an empty body while
 * a job is queued, so one such answer is not an error; a monitor that never reports is.
 */
export const MAX_USELESS_POLLS = 10;

/** What the loop's waits borrow from the Transport. */
export interface PacingContext {
  readonly sleep: Sleep;
  readonly random: () => number;
  readonly now: () => number;
}

/** Caller options that shape the waits (PollOptions' subset). */
export interface PacingOptions {
  readonly intervalMs?: number;
  readonly maxIntervalMs?: number;
  readonly timeoutMs?: number;
}

/** What every wait borrows from its Transport, whatever its strategy. */
export interface LroContext extends PacingContext {
  /** Sends an operation (a status call, a start, the original URI as a GET). */
  readonly send: (
    op: OperationSpec,
    args: object | undefined,
    options: RequestOptions,
  ) => Promise<SendResult>;
}

/** What one round of status requests says, whatever the strategy asked. */
export interface LroAnswer {
  /** "pending" or "succeeded": a strategy throws OperationFailedError for a failed or canceled operation. */
  readonly phase: Extract<LroPhase, "pending" | "succeeded">;
  /** False when the answer says nothing about the operation (a monitor without a status). */
  readonly isUsable: boolean;
  /** The server's wait hint (Retry-After, a body field), undefined when it gives none. */
  readonly hintMs: number | undefined;
  /** The shortest next wait the answer allows (a rate limit), undefined when it says nothing. */
  readonly floorMs?: number;
}

/** A way to learn where an operation stands. */
export interface LroStrategy {
  /** One round of status requests; throws OperationFailedError when the operation failed. */
  poll(signal: AbortSignal): Promise<LroAnswer>;
  /** Names what is polled, for the error that ends a wait on useless answers. */
  describe(): string;
}

/** How one wait is paced, besides the caller's PollOptions. */
export interface LroLoopSpec {
  readonly defaultIntervalMs: number;
  /** No wait is shorter (a descriptor's floor above the runtime's own). */
  readonly minIntervalMs?: number;
  /** Wait before the first status request; undefined: ask at once. */
  readonly firstWait?: { readonly hintMs: number | undefined };
  /** At most this many rounds; the next one ends the wait with `onPollLimit()`. */
  readonly maxPolls?: number;
}

/** What ends a wait early: its deadline, and (maxPolls) its poll budget. */
export interface LroLoopEnds {
  readonly linked: LinkedSignal;
  readonly onTimeout: () => Error;
  readonly onPollLimit?: () => Error;
}

/** One wait: its pacing, its strategy and its ends, in one object (no glue objects per wait). */
export type LroLoop = LroLoopSpec & LroStrategy & LroLoopEnds;

/**
 * Runs the loop's strategy until the operation is terminal: yields each answer, the final "succeeded" one
 * included, then returns. Transient status failures are ridden out (hintAfterPollFailure); the
 * MAX_USELESS_POLLS-th useless answer in a row, a non-transient failure, the operation's own
 * failure or the deadline end the wait with an error.
 */
export async function* runLro(
  context: PacingContext,
  options: PacingOptions,
  loop: LroLoop,
): AsyncGenerator<LroAnswer, void, undefined> {
  const { linked } = loop;
  const { now } = context;
  const baseIntervalMs = options.intervalMs ?? loop.defaultIntervalMs;
  const deadline = options.timeoutMs === undefined ? undefined : now() + options.timeoutMs;
  const minIntervalMs = loop.minIntervalMs ?? 0;
  let unhintedCount = 0;
  let uselessCount = 0;
  let failureCount = 0;
  /**
   * Waits before the next status request: the server's hint up to maxIntervalMs (default
   * DEFAULT_MAX_HINT_MS), else the base interval growing x1.5 per unhinted wait; never below
   * MIN_POLL_INTERVAL_MS or `floorMs` (a descriptor's minIntervalMs, a rate limit), never past the deadline.
   */
  const wait = async (hintMs: number | undefined, floorMs: number): Promise<void> => {
    let ms =
      hintMs === undefined
        ? unhintedIntervalMs(unhintedCount++, baseIntervalMs, options.maxIntervalMs, context.random)
        : Math.min(hintMs, options.maxIntervalMs ?? DEFAULT_MAX_HINT_MS);
    if (hintMs !== undefined) unhintedCount = 0;
    ms = Math.max(ms, MIN_POLL_INTERVAL_MS, floorMs);
    if (deadline !== undefined) {
      const remainingMs = deadline - now();
      if (remainingMs <= 0) throw loop.onTimeout();
      ms = Math.min(ms, remainingMs);
    }
    await sleepUnlessAborted(context.sleep, ms, linked.signal);
  };
  if (loop.firstWait) await wait(loop.firstWait.hintMs, minIntervalMs);
  for (let pollCount = 0; ;) {
    if (loop.maxPolls !== undefined && pollCount++ >= loop.maxPolls)
      throw (loop.onPollLimit ?? loop.onTimeout)();
    let answer: LroAnswer;
    try {
      answer = await loop.poll(linked.signal);
      failureCount = 0;
    } catch (error) {
      await wait(hintAfterPollFailure(error, linked.isTimedOut, ++failureCount), minIntervalMs);
      continue;
    }
    // A usable answer resets the count; the MAX_USELESS_POLLS-th useless one in a row ends the wait.
    uselessCount = answer.isUsable ? 0 : uselessCount + 1;
    if (uselessCount >= MAX_USELESS_POLLS)
      throw new SdkError(`${loop.describe()} (${MAX_USELESS_POLLS} status requests in a row)`);
    yield answer;
    if (answer.phase === "succeeded") return;
    // The floors win over any hint: Retry-After: 0 must not turn the wait into a busy loop.
    await wait(answer.hintMs, Math.max(minIntervalMs, answer.floorMs ?? 0));
  }
}

/**
 * The accepted-start rule: once the server accepted a start, the only failures a wait reports as
 * they are are the operation's own (OperationFailedError), the wait's timeout (PollTimeoutError)
 * and the caller's abort. Anything else (a status endpoint that stopped answering, a monitor that
 * never reports, a status URL we refuse to follow) means the work goes on unobserved: false here.
 */
export function isOwnLroFailure(error: unknown, signal: AbortSignal | undefined): boolean {
  return (
    error instanceof OperationFailedError ||
    error instanceof PollTimeoutError ||
    error instanceof UntrackedOperationError ||
    signal?.aborted === true
  );
}

/**
 * A failure after an accepted start, in the accepted-start rule's terms: the own failures as they
 * are, anything else as UntrackedOperationError (isAccepted, the start body, the cause), never a
 * plain error that looks like a failed call and invites sending it again.
 */
export function afterAcceptedStart(
  error: unknown,
  signal: AbortSignal | undefined,
  what: string,
  start: unknown,
): unknown {
  if (isOwnLroFailure(error, signal)) return error;
  return new UntrackedOperationError(
    `${what} could not be followed to its end: ${String(error)}`,
    start,
    error,
  );
}
