// Every wait of the runtime (retry backoff, poll interval) goes through one Sleep, so tests can
// swap it for a recorder and run in milliseconds, and every wait ends at once when the caller aborts.
import { raceAbort, reasonOf } from "./abort-listeners.js";

export { reasonOf as abortReason } from "./abort-listeners.js";

/** Waits `ms` milliseconds; should reject with the signal's reason as soon as `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The real Sleep: setTimeout, cleared when the signal aborts (a long wait must not hold the process). */
export const delay: Sleep = (ms, signal) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Timers fire at once past 2^31 - 1 ms: a longer wait (a huge Retry-After) waits that long.
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.min(2_147_483_647, Math.max(0, ms)));
  });
  return raceAbort(waited, signal).finally(() => clearTimeout(timer));
};

/**
 * Runs `sleep` but settles as soon as `signal` aborts, even when an injected sleep ignores the
 * signal: an abort must never wait out a retry or poll interval.
 */
export function sleepUnlessAborted(
  sleep: Sleep,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  return signal?.aborted ? Promise.reject(reasonOf(signal)) : raceAbort(sleep(ms, signal), signal);
}

/** Throws the signal's abort reason when it has already aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw reasonOf(signal);
}
