// The per-attempt timeout signals of the request hot path: attempts close together share one
// controller and timer, yet none is aborted before its own timeout, and a window aborts only
// while one of its attempts is still running.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AttemptTimeouts, linkSignals } from "../../templates/runtime/signals.js";

describe("AttemptTimeouts", () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it("gives no signal without a timeout or caller signal, and the caller's own signal without a timeout", () => {
    const timeouts = new AttemptTimeouts();
    expect(timeouts.start(undefined, Infinity).signal).toBeUndefined();
    const caller = new AbortController();
    expect(timeouts.start(caller.signal, Infinity).signal).toBe(caller.signal);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("sets no timer for a timeout longer than timers support (it would fire at once)", () => {
    const timeouts = new AttemptTimeouts();
    expect(timeouts.start(undefined, 2 ** 31).signal).toBeUndefined();
    const near = timeouts.start(undefined, 2 ** 31 - 2);
    vi.advanceTimersByTime(10);
    expect(near.signal?.aborted).toBe(false);
    const linked = linkSignals([], 2 ** 40);
    vi.advanceTimersByTime(10);
    expect(linked.signal.aborted).toBe(false);
    near.dispose();
    linked.dispose();
  });

  it("shares one controller between attempts started close together, at most 16", () => {
    const timeouts = new AttemptTimeouts();
    const first = Array.from({ length: 16 }, () => timeouts.start(undefined, 60_000));
    expect(new Set(first.map((attempt) => attempt.signal)).size).toBe(1);
    const seventeenth = timeouts.start(undefined, 60_000);
    expect(seventeenth.signal).not.toBe(first[0].signal);
    // Another timeout value never joins a window of a different one.
    expect(timeouts.start(undefined, 5_000).signal).not.toBe(seventeenth.signal);
  });

  it("opens a new window once 5% of the timeout has passed", () => {
    const timeouts = new AttemptTimeouts();
    const early = timeouts.start(undefined, 10_000);
    vi.advanceTimersByTime(499);
    expect(timeouts.start(undefined, 10_000).signal).toBe(early.signal);
    vi.advanceTimersByTime(1);
    expect(timeouts.start(undefined, 10_000).signal).not.toBe(early.signal);
  });

  it("never aborts an attempt before its own timeout, and marks it timed out", () => {
    const timeouts = new AttemptTimeouts();
    timeouts.start(undefined, 10_000).dispose();
    vi.advanceTimersByTime(499);
    const late = timeouts.start(undefined, 10_000); // the last moment of the window
    vi.advanceTimersByTime(9_999);
    expect(late.signal?.aborted).toBe(false);
    expect(late.isTimedOut).toBe(false);
    vi.advanceTimersByTime(2);
    expect(late.signal?.aborted).toBe(true);
    expect(late.isTimedOut).toBe(true);
    expect((late.signal?.reason as DOMException).name).toBe("TimeoutError");
    expect((late.signal?.reason as DOMException).message).toBe("Timed out after 10000 ms");
  });

  it("does not abort a window whose attempts all finished, and drops its timer once it is full", () => {
    const timeouts = new AttemptTimeouts();
    const attempts = Array.from({ length: 16 }, () => timeouts.start(undefined, 1_000));
    for (const attempt of attempts) attempt.dispose();
    attempts[0].dispose(); // twice is harmless
    expect(vi.getTimerCount()).toBe(0);

    const lone = timeouts.start(undefined, 1_000);
    lone.dispose();
    vi.advanceTimersByTime(5_000);
    expect(lone.signal?.aborted).toBe(false);
    expect(lone.isTimedOut).toBe(false);
  });

  it("clears a replaced window's timer when its attempts are done", () => {
    const timeouts = new AttemptTimeouts();
    const old = timeouts.start(undefined, 1_000);
    vi.advanceTimersByTime(100); // past the 50 ms window
    const next = timeouts.start(undefined, 1_000);
    expect(vi.getTimerCount()).toBe(2);
    old.dispose();
    expect(vi.getTimerCount()).toBe(1);
    next.dispose();
  });

  it("follows a caller's signal: its abort aborts the attempt, which still times out on its own", () => {
    const timeouts = new AttemptTimeouts();
    const caller = new AbortController();
    const attempt = timeouts.start(caller.signal, 1_000);
    expect(attempt.signal).not.toBe(caller.signal);
    caller.abort("stop");
    expect(attempt.signal?.reason).toBe("stop");
    expect(attempt.isTimedOut).toBe(false);
    attempt.dispose();
    // An aborted caller signal is handed over as it is: nothing joins an aborted window.
    expect(timeouts.start(caller.signal, 1_000).signal).toBe(caller.signal);

    const timed = timeouts.start(new AbortController().signal, 1_000);
    vi.advanceTimersByTime(1_000);
    expect(timed.signal?.aborted).toBe(false);
    vi.advanceTimersByTime(50); // the 5% window
    expect(timed.isTimedOut).toBe(true);
    expect((timed.signal?.reason as DOMException).name).toBe("TimeoutError");
    timed.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("shares a window between attempts of the same caller signal only", () => {
    const timeouts = new AttemptTimeouts();
    const app = new AbortController();
    const other = new AbortController();
    const a = timeouts.start(app.signal, 60_000);
    const b = timeouts.start(app.signal, 60_000);
    const c = timeouts.start(other.signal, 60_000);
    const d = timeouts.start(undefined, 60_000);
    expect(b.signal).toBe(a.signal);
    expect(new Set([a.signal, c.signal, d.signal]).size).toBe(3);
    other.abort("other");
    expect(c.signal?.aborted).toBe(true);
    expect(a.signal?.aborted).toBe(false);
    expect(d.signal?.aborted).toBe(false);
    for (const attempt of [a, b, c, d]) attempt.dispose();
  });

  it("keeps nothing for a signal per call: each closes the window of the one before", () => {
    const timeouts = new AttemptTimeouts();
    for (let call = 0; call < 100; call++)
      timeouts.start(new AbortController().signal, 60_000).dispose();
    expect(vi.getTimerCount()).toBe(1);
  });

  it("stops following the caller's signal once its window is done", () => {
    const timeouts = new AttemptTimeouts();
    const app = new AbortController();
    const old = timeouts.start(app.signal, 1_000);
    old.dispose();
    vi.advanceTimersByTime(100); // past the 50 ms window: the next attempt replaces it
    const next = timeouts.start(app.signal, 1_000);
    expect(next.signal).not.toBe(old.signal);
    app.abort("stop");
    expect(next.signal?.reason).toBe("stop");
    expect(old.signal?.aborted).toBe(false);
    next.dispose();
  });
});
