// The one loop every long-running wait runs (after Azure core-lro's `createPoller` over its
// strategy functions): a strategy knows how to ask where the operation stands (a status body per
// id, a header-named status monitor, a Location, the original URI); the loop owns everything else,
// the same for all of them: pacing (PollPacer), riding out transient status failures, the bound on
// useless answers and on the number of polls, the deadline, and the accepted-start rule.
import { OperationFailedError, PollTimeoutError } from "./errors.js";
import { UntrackedOperationError } from "./lro-outcome.js";
import { hintAfterPollFailure } from "./lro-status.js";
import type { LroPhase } from "./lro-status.js";
import { PollPacer } from "./poll-pacing.js";
import type { PacingContext, PacingOptions } from "./poll-pacing.js";
import type { LinkedSignal } from "./signals.js";
import type { SendResult } from "./attempt.js";
import type { OperationSpec, RequestOptions } from "./types.js";

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

/**
 * Runs `strategy` until the operation is terminal: yields each answer, the final "succeeded" one
 * included, then returns. Transient status failures are ridden out (hintAfterPollFailure); the
 * MAX_USELESS_POLLS-th useless answer in a row, a non-transient failure, the operation's own
 * failure or the deadline end the wait with an error.
 */
export async function* runLro(
  context: PacingContext,
  options: PacingOptions,
  loop: LroLoopSpec,
  strategy: LroStrategy,
  ends: LroLoopEnds,
): AsyncGenerator<LroAnswer, void, undefined> {
  const { linked } = ends;
  const pacer = new PollPacer(context, options, loop.defaultIntervalMs, linked, ends.onTimeout);
  const minIntervalMs = loop.minIntervalMs ?? 0;
  if (loop.firstWait) await pacer.wait(loop.firstWait.hintMs, minIntervalMs);
  let failureCount = 0;
  for (let pollCount = 0; ;) {
    if (loop.maxPolls !== undefined && pollCount++ >= loop.maxPolls)
      throw (ends.onPollLimit ?? ends.onTimeout)();
    let answer: LroAnswer;
    try {
      answer = await strategy.poll(linked.signal);
      failureCount = 0;
    } catch (error) {
      const hintMs = hintAfterPollFailure(error, linked.isTimedOut, ++failureCount);
      await pacer.wait(hintMs, minIntervalMs);
      continue;
    }
    pacer.noteAnswer(answer.isUsable, () => strategy.describe());
    yield answer;
    if (answer.phase === "succeeded") return;
    // The floors win over any hint: Retry-After: 0 must not turn the wait into a busy loop.
    await pacer.wait(answer.hintMs, Math.max(minIntervalMs, answer.floorMs ?? 0));
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
