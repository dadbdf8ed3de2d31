// Every wait of the runtime (retry backoff, poll interval) goes through one Sleep, so tests can
// swap it for a recorder and run in milliseconds, and every wait ends at once when the caller aborts.

/** Waits `ms` milliseconds; should reject with the signal's reason as soon as `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The real Sleep: setTimeout, cleared when the signal aborts. */
export const delay: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal as AbortSignal));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      // Timers fire at once past 2^31 - 1 ms: a longer wait (a huge Retry-After) waits that long.
      Math.min(2_147_483_647, Math.max(0, ms)),
    );
    signal?.addEventListener("abort", onAbort, { once: true });
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
    const onAbort = (): void => reject(abortReason(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    sleep(ms, signal)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** The reason a signal was aborted with, or a DOMException "AbortError" when it carries none. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

/** Throws the signal's abort reason when it has already aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortReason(signal);
}
