// The signal each attempt hands fetch: none without a timeout or caller signal, the caller's own
// without a timeout, else a linked signal shared by attempts that start close together, which
// never aborts an attempt before its own timeout, and aborts only while one is still running.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_TIMER_MS, attemptSignal, linkSignals } from "../../templates/runtime/signals.js";
import { Transport } from "../../templates/runtime/transport.js";
import { op } from "./helpers/fixtures.js";

/** A transport whose fetch records the signal it was given and answers 200 {}. */
function recording(timeoutMs?: number) {
  const signals: (AbortSignal | null | undefined)[] = [];
  const fetch = async (_url: string | URL | Request, init?: RequestInit) => {
    signals.push(init?.signal);
    return new Response("{}", { headers: { "content-type": "application/json" } });
  };
  const transport = new Transport({ fetch, timeoutMs }, { baseUrl: "http://127.0.0.1:1" });
  return { transport, signals };
}

describe("attempt signals", () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it("gives fetch no signal without a timeout or caller signal, and the caller's own without a timeout", async () => {
    const { transport, signals } = recording();
    await transport.request(op(), undefined);
    const caller = new AbortController();
    await transport.request(op(), undefined, { signal: caller.signal });
    expect(signals).toEqual([undefined, caller.signal]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("links the caller's signal and the timeout; an idle window does not hold the timer's abort", async () => {
    const { transport, signals } = recording(60_000);
    const caller = new AbortController();
    await transport.request(op(), undefined, { signal: caller.signal });
    expect(signals[0]).not.toBe(caller.signal);
    vi.advanceTimersByTime(70_000);
    expect(signals[0]?.aborted).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("shares one signal between attempts started close together, at most 16, same timeout and caller signal", () => {
    const first = Array.from({ length: 16 }, () => attemptSignal(undefined, 60_000));
    expect(new Set(first.map((attempt) => attempt.signal)).size).toBe(1);
    const seventeenth = attemptSignal(undefined, 60_000);
    expect(seventeenth.signal).not.toBe(first[0].signal);
    expect(attemptSignal(undefined, 5_000).signal).not.toBe(seventeenth.signal);
    const caller = new AbortController();
    const withCaller = attemptSignal(caller.signal, 5_000);
    expect(withCaller.signal).not.toBe(seventeenth.signal);
    caller.abort("stop");
    expect(withCaller.signal.reason).toBe("stop");
    expect(seventeenth.signal.aborted).toBe(false);
    for (const each of [...first, seventeenth, withCaller]) each.dispose();
  });

  it("opens a new window once 5% of the timeout has passed; never aborts an attempt early", () => {
    const early = attemptSignal(undefined, 10_000);
    vi.advanceTimersByTime(499);
    const late = attemptSignal(undefined, 10_000);
    expect(late.signal).toBe(early.signal);
    early.dispose();
    vi.advanceTimersByTime(1);
    const next = attemptSignal(undefined, 10_000);
    expect(next.signal).not.toBe(early.signal);
    next.dispose();
    vi.advanceTimersByTime(9_999);
    expect(late.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(late.isTimedOut).toBe(true);
    expect((late.signal.reason as DOMException).message).toBe("Timed out after 10000 ms");
    late.dispose();
  });

  it("does not abort a window whose attempts all finished", () => {
    const lone = attemptSignal(undefined, 1_000);
    lone.dispose();
    vi.advanceTimersByTime(5_000);
    expect(lone.signal.aborted).toBe(false);
    expect(lone.isTimedOut).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("sets no timer for a timeout longer than timers support (it would fire at once)", () => {
    const linked = linkSignals([], MAX_TIMER_MS + 1);
    const infinite = linkSignals([], Infinity);
    expect(vi.getTimerCount()).toBe(0);
    const near = linkSignals([], MAX_TIMER_MS);
    vi.advanceTimersByTime(10);
    expect(near.signal.aborted).toBe(false);
    for (const each of [linked, infinite, near]) each.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("aborts at its timeout, not before, and marks itself timed out", () => {
    const linked = linkSignals([new AbortController().signal], 10_000);
    vi.advanceTimersByTime(9_999);
    expect(linked.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(linked.isTimedOut).toBe(true);
    expect((linked.signal.reason as DOMException).name).toBe("TimeoutError");
    expect((linked.signal.reason as DOMException).message).toBe("Timed out after 10000 ms");
    linked.dispose();
  });

  it("follows the caller's signal (already aborted or later), which is not a timeout", () => {
    const caller = new AbortController();
    const linked = linkSignals([caller.signal], 1_000);
    caller.abort("stop");
    expect(linked.signal.reason).toBe("stop");
    vi.advanceTimersByTime(1_000);
    expect(linked.isTimedOut).toBe(false);
    linked.dispose();
    expect(linkSignals([caller.signal], 1_000).signal.reason).toBe("stop");
  });
});
