// Joins the caller's AbortSignal with the runtime's own (per-attempt timeout, poll deadline)
// without AbortSignal.any, which older runtimes lack, and without leaving listeners behind; and
// the cheap per-attempt timeout signals of the request hot path (AttemptTimeouts).
import { onAbort } from "./abort-listeners.js";
import { abortReason } from "./delay.js";

/** A signal aborted by any of several sources; `dispose()` detaches every listener and timer. */
export interface LinkedSignal {
  readonly signal: AbortSignal;
  /** True when the timeout, not a caller's signal, aborted it. */
  readonly isTimedOut: boolean;
  dispose(): void;
}

/** Links `signals` and an optional timeout into one signal; always call dispose() when done. */
export function linkSignals(
  signals: readonly (AbortSignal | undefined)[],
  timeoutMs?: number,
): LinkedSignal {
  const linked = new LinkedController();
  const { controller } = linked;
  for (const source of signals) {
    if (!source) continue;
    if (source.aborted) {
      controller.abort(abortReason(source));
      break;
    }
    linked.detachers.push(onAbort(source, () => controller.abort(abortReason(source))));
  }
  if (timeoutMs !== undefined && !isUnbounded(timeoutMs) && !controller.signal.aborted) {
    const timer = setTimeout(
      () => {
        linked.isTimedOut = true;
        controller.abort(new DOMException(`Timed out after ${timeoutMs} ms`, "TimeoutError"));
      },
      Math.max(0, timeoutMs),
    );
    linked.detachers.push(() => clearTimeout(timer));
  }
  return linked;
}

/**
 * A class, not an object literal with a `get isTimedOut()`: every poll wait makes one, and Node 20 builds an accessor literal on a slow path (4-8 µs per call measured).
 */
class LinkedController implements LinkedSignal {
  readonly controller = new AbortController();
  readonly detachers: (() => void)[] = [];
  isTimedOut = false;

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  dispose(): void {
    this.detachers.splice(0).forEach((detach) => detach());
  }
}

/** The signal of one HTTP attempt; `dispose()` when the attempt is over (body read or failed). */
export interface AttemptSignal {
  /** What fetch gets; undefined when there is nothing to follow (no caller signal, no timeout). */
  readonly signal: AbortSignal | undefined;
  /** True when the per-attempt timeout, not the caller's signal, aborted it. */
  readonly isTimedOut: boolean;
  dispose(): void;
}

/** Longest delay timers support (2^31 - 1 ms, about 24.8 days); a longer one would fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

/** A timeout no timer can (or needs to) enforce: Infinity, or beyond what timers support. */
function isUnbounded(timeoutMs: number): boolean {
  return !(timeoutMs <= MAX_TIMER_MS);
}

/** At most this many attempts share one timeout controller... */
const MAX_WINDOW_JOINS = 16;
/** ...started within this share of the timeout (so a timeout fires up to 5% late)... */
const WINDOW_SHARE = 0.05;
/** ...and never more than this many milliseconds apart. */
const MAX_WINDOW_MS = 1000;

/**
 * Per-attempt timeouts for one transport. A signal passed to fetch costs it real work per request
 * (undici links it to an internal controller and raises its listener limit), and a controller plus
 * a timer per attempt is most of the client's overhead on a fast network. So attempts that start
 * close together share one controller and one timer: a window opened at t accepts up to 16
 * attempts until t + 5% of the timeout (at most 1 s) and aborts at t + window + timeout, after
 * every member's own timeout has passed; it aborts only if a member is still running. Attempts
 * with a caller signal share a window with the attempts of the same signal (one listener on it per
 * window), so an app-wide signal passed to every call costs no controller per call either. One
 * window per kind is kept open: a signal per call closes the previous one, whose timer then goes
 * with its last attempt, so no state piles up for signals that are never seen again.
 */
export class AttemptTimeouts {
  #window: TimeoutWindow | undefined;
  /** The open window of attempts under a caller's signal, and that signal. */
  #sourced: TimeoutWindow | undefined;
  #source: AbortSignal | undefined;

  /** The signal for an attempt that starts now. */
  start(source: AbortSignal | undefined, timeoutMs: number): AttemptSignal {
    if (isUnbounded(timeoutMs) || source?.aborted)
      return source === undefined ? NO_SIGNAL : new PlainSignal(source);
    const now = Date.now();
    if (source === undefined) {
      if (!this.#window?.accepts(timeoutMs, now)) {
        this.#window?.close();
        this.#window = new TimeoutWindow(timeoutMs, now, undefined);
      }
      return this.#window.join();
    }
    if (source !== this.#source || !this.#sourced?.accepts(timeoutMs, now)) {
      this.#sourced?.close();
      this.#sourced = new TimeoutWindow(timeoutMs, now, source);
      this.#source = source;
    }
    return this.#sourced.join();
  }
}

/** Nothing to add: the caller's signal (or none) as it is. */
class PlainSignal implements AttemptSignal {
  readonly isTimedOut = false;
  readonly signal: AbortSignal | undefined;
  constructor(signal: AbortSignal | undefined) {
    this.signal = signal;
  }
  dispose(): void {}
}

/** No caller signal and no timeout (the default): one shared instance, nothing per attempt. */
const NO_SIGNAL: AttemptSignal = new PlainSignal(undefined);

/** One controller and timer shared by the attempts of a short window (see AttemptTimeouts). */
class TimeoutWindow {
  readonly #controller = new AbortController();
  readonly #timeoutMs: number;
  readonly #closesAt: number;
  readonly #timer: ReturnType<typeof setTimeout>;
  /** Detaches the window from the caller's signal it follows (none: nothing to detach). */
  readonly #unfollow: (() => void) | undefined;
  #joins = 0;
  #running = 0;
  #isClosed = false;
  isTimedOut = false;

  constructor(timeoutMs: number, now: number, source: AbortSignal | undefined) {
    const windowMs = Math.min(MAX_WINDOW_MS, Math.max(0, timeoutMs) * WINDOW_SHARE);
    this.#timeoutMs = timeoutMs;
    this.#closesAt = now + windowMs;
    const delayMs = Math.min(MAX_TIMER_MS, Math.max(0, timeoutMs) + windowMs);
    this.#timer = setTimeout(expireWindow, delayMs, this);
    // Every member runs under `source`: its abort is every member's abort.
    this.#unfollow = source
      ? onAbort(source, () => this.#controller.abort(abortReason(source)))
      : undefined;
  }

  accepts(timeoutMs: number, now: number): boolean {
    return (
      !this.#isClosed &&
      timeoutMs === this.#timeoutMs &&
      this.#joins < MAX_WINDOW_JOINS &&
      now < this.#closesAt &&
      !this.#controller.signal.aborted
    );
  }

  join(): AttemptSignal {
    this.#joins++;
    if (this.#running++ === 0) this.#holdProcess(true);
    return new WindowMember(this, this.#controller.signal);
  }

  leave(): void {
    if (--this.#running > 0) return;
    if (this.#isClosed || this.#joins >= MAX_WINDOW_JOINS) this.#finish();
    else this.#holdProcess(false);
  }

  /** No more members: the timer goes as soon as no member is running. */
  close(): void {
    this.#isClosed = true;
    if (this.#running === 0) this.#finish();
  }

  /** Nothing can use the window any more: its timer and its listener on the caller's signal go. */
  #finish(): void {
    clearTimeout(this.#timer);
    this.#unfollow?.();
  }

  /**
   * Node: the timer keeps the process alive only while an attempt is running (a hung request
   * must still time out); an idle open window must not delay the exit of a script.
   */
  #holdProcess(isHeld: boolean): void {
    const timer = this.#timer as { ref?: () => void; unref?: () => void };
    if (isHeld) timer.ref?.();
    else timer.unref?.();
  }

  expire(): void {
    this.#isClosed = true;
    this.#unfollow?.();
    if (this.#running === 0) return;
    this.isTimedOut = true;
    this.#controller.abort(
      new DOMException(`Timed out after ${this.#timeoutMs} ms`, "TimeoutError"),
    );
  }
}

function expireWindow(window: TimeoutWindow): void {
  window.expire();
}

class WindowMember implements AttemptSignal {
  #isDisposed = false;
  readonly window: TimeoutWindow;
  readonly signal: AbortSignal;
  constructor(window: TimeoutWindow, signal: AbortSignal) {
    this.window = window;
    this.signal = signal;
  }

  get isTimedOut(): boolean {
    return this.window.isTimedOut;
  }

  dispose(): void {
    if (this.#isDisposed) return;
    this.#isDisposed = true;
    this.window.leave();
  }
}
