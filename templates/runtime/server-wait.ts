// Calls the server holds open while it waits (ServerWaitSpec). A descriptor names withServerWait
// (ServerWaitSpec.apply), so only clients with such calls bundle this.
import { readFieldPath } from "./field-path.js";
import type { OperationRetrySpec, OperationSpec, RequestOptions } from "./types.js";

/** Time given to a server-side wait's answer beyond the wait itself (ServerWaitSpec). */
const SERVER_WAIT_MARGIN_MS = 30_000;

/** The call asked the server to answer only once its work is done (ServerWaitSpec's flag). */
export function isServerWaited(op: OperationSpec, args: object | undefined): boolean {
  return op.serverWait !== undefined && readFieldPath(args, op.serverWait.flagPath) === true;
}

/**
 * A call the server holds open while it waits (ServerWaitSpec): its attempt timeout covers the
 * wait the caller asked for, plus a margin for the answer to arrive (the caller's timeoutMs
 * wins), and a timeout is never retried, even for an idempotent method: the server may still be
 * acting, and a second call would start a second wait. The rest of the operation's retry policy
 * (its descriptor's, else the API's `apiRetry`) still applies.
 */
export function withServerWait(
  op: OperationSpec,
  args: object | undefined,
  options: RequestOptions,
  clientTimeoutMs: number,
  apiRetry?: OperationRetrySpec,
): [OperationSpec, RequestOptions] {
  const wait = op.serverWait;
  if (wait === undefined || !isServerWaited(op, args)) return [op, options];
  const sent = { ...op, retry: { ...(op.retry ?? apiRetry), isConnectionRetried: false } };
  if (options.timeoutMs !== undefined) return [sent, options];
  const given = readFieldPath(args, wait.durationPath);
  const duration = typeof given === "number" && given > 0 ? given : wait.defaultDuration;
  const timeoutMs = duration * wait.unitMs + SERVER_WAIT_MARGIN_MS;
  return [sent, timeoutMs > clientTimeoutMs ? { ...options, timeoutMs } : options];
}
