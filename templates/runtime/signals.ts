// Joins the caller's AbortSignal with the runtime's own (per-attempt timeout, poll deadline)
// without AbortSignal.any, which older runtimes lack, and without leaving listeners behind.
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
  const controller = new AbortController();
  const detachers: (() => void)[] = [];
  let isTimedOut = false;
  for (const source of signals) {
    if (!source) continue;
    if (source.aborted) {
      controller.abort(abortReason(source));
      break;
    }
    const onAbort = (): void => controller.abort(abortReason(source));
    source.addEventListener("abort", onAbort, { once: true });
    detachers.push(() => source.removeEventListener("abort", onAbort));
  }
  if (timeoutMs !== undefined && timeoutMs !== Infinity && !controller.signal.aborted) {
    const timer = setTimeout(
      () => {
        isTimedOut = true;
        controller.abort(new DOMException(`Timed out after ${timeoutMs} ms`, "TimeoutError"));
      },
      Math.max(0, timeoutMs),
    );
    detachers.push(() => clearTimeout(timer));
  }
  return {
    signal: controller.signal,
    get isTimedOut() {
      return isTimedOut;
    },
    dispose: () => detachers.splice(0).forEach((detach) => detach()),
  };
}
