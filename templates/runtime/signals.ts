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
  // The common case, a timeout alone: the platform's own timeout signal costs no closures or timers here.
  if (signals.every((s) => s === undefined) && timeoutMs !== undefined && timeoutMs !== Infinity) {
    const timeout = platformTimeout(timeoutMs);
    if (timeout) return timeout;
  }
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

/** AbortSignal.timeout where the platform has it (Node 17.3+, current browsers). */
function platformTimeout(timeoutMs: number): LinkedSignal | undefined {
  const timeout = (AbortSignal as { timeout?: (ms: number) => AbortSignal }).timeout;
  if (typeof timeout !== "function") return undefined;
  const signal = timeout.call(AbortSignal, Math.max(0, timeoutMs));
  return {
    signal,
    get isTimedOut() {
      return signal.aborted;
    },
    dispose: () => undefined,
  };
}
