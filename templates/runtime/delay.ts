// Every wait of the runtime (retry backoff, poll interval) goes through one Sleep, so tests can
// swap it for a recorder and run in milliseconds, and every wait ends at once when the caller aborts.
import { onAbort, reasonOf } from "./abort-listeners.js";

/** Waits `ms` milliseconds; should reject with the signal's reason as soon as `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The real Sleep: setTimeout, cleared when the signal aborts. */
export const delay: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const timer = setTimeout(
      () => {
        unsubscribe?.();
        resolve();
      },
      // Timers fire at once past 2^31 - 1 ms: a longer wait (a huge Retry-After) waits that long.
      Math.min(2_147_483_647, Math.max(0, ms)),
    );
    const unsubscribe = signal
      ? onAbort(signal, () => {
          clearTimeout(timer);
          reject(abortReason(signal));
        })
      : undefined;
  });

/**
 * Runs `sleep` but settles as soon as `signal` aborts, even when an injected sleep ignores the
 * signal: an abort must never wait out a retry or poll interval.
 */
export function sleepUnlessAborted(
  sleep: Sleep,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (!signal) return sleep(ms);
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<void>((resolve, reject) => {
    const unsubscribe = onAbort(signal, () => reject(abortReason(signal)));
    sleep(ms, signal).then(resolve, reject).finally(unsubscribe);
  });
}

/** The reason a signal was aborted with, or a DOMException "AbortError" when it carries none. */
export const abortReason: (signal: AbortSignal) => unknown = reasonOf;

/** Throws the signal's abort reason when it has already aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortReason(signal);
}
