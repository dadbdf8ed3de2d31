// The one pacing rule of every poll loop (spec-described pollers, header-driven waits): how long to
// wait before the next status request, when to give up on a monitor that answers nothing usable,
// and when the caller's deadline ends the wait.
import { sleepUnlessAborted } from "./delay.js";
import type { Sleep } from "./delay.js";
import { SdkError } from "./errors.js";
import { unhintedIntervalMs } from "./lro-status.js";
import type { LinkedSignal } from "./signals.js";

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

/** What the pacer borrows from its Transport. */
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

/** Paces one wait: call wait(hint) between status requests, noteAnswer() after each answer. */
export class PollPacer {
  readonly #context: PacingContext;
  readonly #baseIntervalMs: number;
  readonly #maxIntervalMs: number | undefined;
  readonly #deadline: number | undefined;
  readonly #linked: LinkedSignal;
  readonly #onTimeout: () => Error;
  #unhintedCount = 0;
  #uselessCount = 0;

  constructor(
    context: PacingContext,
    options: PacingOptions,
    defaultIntervalMs: number,
    linked: LinkedSignal,
    onTimeout: () => Error,
  ) {
    this.#context = context;
    this.#baseIntervalMs = options.intervalMs ?? defaultIntervalMs;
    this.#maxIntervalMs = options.maxIntervalMs;
    this.#deadline =
      options.timeoutMs === undefined ? undefined : context.now() + options.timeoutMs;
    this.#linked = linked;
    this.#onTimeout = onTimeout;
  }

  /**
   * Waits before the next status request: the server's hint as given, else the base interval
   * growing x1.5 per unhinted wait; never below MIN_POLL_INTERVAL_MS or the caller's floor (a
   * descriptor's minIntervalMs, a rate limit), never past the deadline.
   */
  async wait(hintMs: number | undefined, floorMs = 0): Promise<void> {
    let ms: number;
    if (hintMs === undefined) {
      ms = unhintedIntervalMs(
        this.#unhintedCount++,
        this.#baseIntervalMs,
        this.#maxIntervalMs,
        this.#context.random,
      );
    } else {
      this.#unhintedCount = 0;
      ms = hintMs;
    }
    ms = Math.max(ms, MIN_POLL_INTERVAL_MS, floorMs);
    if (this.#deadline !== undefined) {
      const remainingMs = this.#deadline - this.#context.now();
      if (remainingMs <= 0) throw this.#onTimeout();
      ms = Math.min(ms, remainingMs);
    }
    await sleepUnlessAborted(this.#context.sleep, ms, this.#linked.signal);
  }

  /** After each status answer: a usable one resets the count; the MAX_USELESS_POLLS-th useless one in a row throws. */
  noteAnswer(isUsable: boolean, describe: () => string): void {
    if (isUsable) {
      this.#uselessCount = 0;
      return;
    }
    if (++this.#uselessCount >= MAX_USELESS_POLLS)
      throw new SdkError(`${describe()} (${MAX_USELESS_POLLS} status requests in a row)`);
  }
}
