// One "abort" listener per AbortSignal, however many requests, waits and hooks share it: 1,000
// concurrent calls on one signal would otherwise add 1,000 listeners (Node warns past 10) and make
// every abort walk them all. Callbacks are kept in a Set per signal and run when it aborts.

const callbacksBySignal = new WeakMap<AbortSignal, Set<() => void>>();

/** Runs `callback` once when `signal` aborts; the returned function unsubscribes it. */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let callbacks = callbacksBySignal.get(signal);
  if (callbacks === undefined) {
    const created = new Set<() => void>();
    callbacksBySignal.set(signal, (callbacks = created));
    // Stays attached for the signal's life: re-adding it per request would cost more than it keeps.
    signal.addEventListener(
      "abort",
      () => {
        callbacksBySignal.delete(signal);
        for (const run of [...created]) run();
      },
      { once: true },
    );
  }
  callbacks.add(callback);
  const subscribed = callbacks;
  return () => void subscribed.delete(callback);
}

/**
 * `value` (a promise or not), or a rejection with the signal's reason as soon as `signal` aborts
 * (at once if it has), whichever is first. Every wait and hook of the runtime goes through it.
 */
export function raceAbort<T>(
  value: T | PromiseLike<T>,
  signal: AbortSignal | undefined,
): Promise<T> {
  if (!signal) return Promise.resolve(value);
  return new Promise<T>((resolve, reject) => {
    const stop = onAbort(signal, () => reject(reasonOf(signal)));
    if (signal.aborted) reject(reasonOf(signal));
    Promise.resolve(value).then(resolve, reject).finally(stop);
  });
}

/** The reason a signal was aborted with, or a DOMException "AbortError" when it carries none. */
export function reasonOf(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}
