// One "abort" listener per AbortSignal, however many requests, waits and hooks share it: 1,000
// concurrent calls on one signal would otherwise add 1,000 listeners (Node warns past 10) and make
// every abort walk them all. Callbacks are kept in a Set per signal and run when it aborts.

const callbacksBySignal = new WeakMap<AbortSignal, Set<() => void>>();

/** Runs `callback` once when `signal` aborts; the returned function unsubscribes it. */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let callbacks = callbacksBySignal.get(signal);
  if (callbacks === undefined) {
    const created = new Set<() => void>();
    callbacks = created;
    callbacksBySignal.set(signal, created);
    // Stays attached for the signal's life: re-adding it per request would cost more than it keeps.
    signal.addEventListener("abort", () => runAll(signal, created), { once: true });
  }
  callbacks.add(callback);
  const subscribed = callbacks;
  return () => {
    subscribed.delete(callback);
  };
}

function runAll(signal: AbortSignal, callbacks: Set<() => void>): void {
  callbacksBySignal.delete(signal);
  for (const callback of [...callbacks]) callback();
  callbacks.clear();
}

/** `promise`, or a rejection with the signal's reason as soon as `signal` aborts, whichever is first. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(reasonOf(signal));
  return new Promise<T>((resolve, reject) => {
    const unsubscribe = onAbort(signal, () => reject(reasonOf(signal)));
    promise.then(
      (value) => {
        unsubscribe();
        resolve(value);
      },
      (error: unknown) => {
        unsubscribe();
        reject(error);
      },
    );
  });
}

/** The reason a signal was aborted with, or a DOMException "AbortError" when it carries none. */
export function reasonOf(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}
