// Joins the caller's AbortSignal with the runtime's own timeout (an attempt's timeoutMs, a poll
// deadline) without AbortSignal.any, which older runtimes lack, and without leaving listeners
// behind. One mechanism for both; attempts started close together share it (attemptSignal).
import { onAbort, reasonOf } from "./abort-listeners.js";

/** A signal aborted by any of several sources; `dispose()` detaches every listener and timer. */
export interface LinkedSignal {
  readonly signal: AbortSignal;
  /** True when the timeout, not a caller's signal, aborted it. */
  readonly isTimedOut: boolean;
  dispose(): void;
}

/** Longest delay timers support (2^31 - 1 ms, about 24.8 days); a longer one would fire at once. */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * Links `signals` and a timeout into one signal; always call dispose() when done. A timeout of
 * undefined, Infinity or beyond MAX_TIMER_MS sets no timer.
 */
export function linkSignals(
  signals: readonly (AbortSignal | undefined)[],
  timeoutMs?: number,
): LinkedSignal {
  const linked = new Linked(signals, timeoutMs, 0).join();
  linked.isClosed = true;
  return linked;
}

/** The window attempts may join (see attemptSignal). */
let open: Linked | undefined;

/**
 * The signal of one attempt with a timeout, following the caller's `source`. A signal costs
 * Node 20 about 5 µs of CPU (AbortSignal is an EventTarget), more than the rest of a call's own
 * work, so attempts that start close together share one: a window opened at t takes up to 16
 * attempts of the same timeout and caller signal until t + 5% of the timeout (at most 1 s), and
 * aborts at t + window + timeout, after every member's own timeout (up to 5% late, never early),
 * and only if a member is still running. Dispose once per attempt.
 */
export function attemptSignal(source: AbortSignal | undefined, timeoutMs: number): LinkedSignal {
  if (
    !open ||
    open.isClosed ||
    open.sources[0] !== source ||
    open.timeoutMs !== timeoutMs ||
    Date.now() >= open.closesAt
  ) {
    open?.close();
    open = new Linked([source], timeoutMs, Math.min(1000, Math.max(0, timeoutMs) * 0.05));
  }
  return open.join();
}

/**
 * A class, not an object literal with a `get isTimedOut()`: every poll wait makes one, and Node 20
 * builds an accessor literal on a slow path (4-8 µs per call measured).
 */
class Linked implements LinkedSignal {
  readonly #controller = new AbortController();
  readonly signal = this.#controller.signal;
  readonly #detachers: (() => void)[] = [];
  readonly #timer: ReturnType<typeof setTimeout> | undefined;
  // Declared, set by the constructor: a definition would be bytes in every bundle (see Transport).
  declare readonly sources: readonly (AbortSignal | undefined)[];
  declare readonly timeoutMs: number | undefined;
  /** Until when attempts may join. */
  declare readonly closesAt: number;
  isTimedOut = false;
  /** No attempt may join any more: its timer and listeners go with its last running member. */
  isClosed = false;
  #joins = 0;
  #running = 0;

  constructor(
    sources: readonly (AbortSignal | undefined)[],
    timeoutMs: number | undefined,
    windowMs: number,
  ) {
    this.sources = sources;
    this.timeoutMs = timeoutMs;
    this.closesAt = Date.now() + windowMs;
    for (const source of sources) {
      if (source?.aborted) this.#controller.abort(reasonOf(source));
      else if (source)
        this.#detachers.push(onAbort(source, () => this.#controller.abort(reasonOf(source))));
    }
    if (timeoutMs! <= MAX_TIMER_MS) {
      const timer = setTimeout(() => this.#expire(), Math.min(MAX_TIMER_MS, timeoutMs! + windowMs));
      this.#timer = timer;
      this.#detachers.push(() => clearTimeout(timer));
    }
  }

  join(): this {
    if (++this.#joins >= 16) this.isClosed = true;
    // Node: the timer holds the process open only while an attempt runs (a hung request must
    // still time out); an idle window must not delay the exit of a script.
    if (this.#running++ === 0) (this.#timer as { ref?: () => void } | undefined)?.ref?.();
    return this;
  }

  dispose(): void {
    if (--this.#running > 0) return;
    if (this.isClosed) this.close();
    else (this.#timer as { unref?: () => void } | undefined)?.unref?.();
  }

  close(): void {
    this.isClosed = true;
    if (this.#running <= 0) for (const detach of this.#detachers.splice(0)) detach();
  }

  #expire(): void {
    if (this.#running > 0) {
      this.isTimedOut = !this.signal.aborted;
      this.#controller.abort(
        new DOMException(`Timed out after ${this.timeoutMs} ms`, "TimeoutError"),
      );
    }
    this.close();
  }
}
