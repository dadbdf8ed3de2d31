// Reads one status response of a long-running operation: is it done, did it fail, how long does
// the server want us to wait, and how long to wait when it says nothing.
import type { SendResult } from "./attempt.js";
import { readRateLimit } from "./error-details.js";
import { ApiError, ConnectionError, OperationFailedError } from "./errors.js";
import { readFieldPath } from "./field-path.js";
import { parseRetryAfterMs } from "./retry.js";
import type { LroObservation, LroPhase, LroSpec, StatusRule } from "./types.js";

export type { LroObservation, LroPhase } from "./types.js";

/** Growth of the unhinted interval per poll: gentle, as a job's remaining time is unknown. */
const INTERVAL_GROWTH = 1.5;
/** Unhinted intervals grow to this by default: a finished job is noticed within ~30 s at worst. */
const DEFAULT_MAX_INTERVAL_MS = 30_000;
/** Share of an unhinted interval that is random, so many pollers started together drift apart. */
const INTERVAL_JITTER = 0.2;

/** Reads a status response per the LroSpec (and its rules, when the descriptor names them). */
export function observeStatus(lro: LroSpec, result: SendResult, now: () => number): LroObservation {
  const value = readFieldPath(result.body, lro.statusPath);
  const status = value === undefined || value === null ? undefined : String(value);
  const observation: LroObservation = {
    state: result.body,
    status,
    phase: phaseOfStatus(lro, status),
    hintMs: parseRetryAfterMs(result.headers, now),
    rateFloorMs: rateLimitFloorMs(result.headers, now),
  };
  return lro.rules ? lro.rules.observe(lro, observation) : observation;
}

/**
 * Spreads the requests left in the rate-limit window (X-RateLimit-Remaining) over the time until
 * it resets (X-RateLimit-Reset, seconds or an epoch timestamp): a waiter then never spends the
 * budget the caller's other calls need. Undefined when either header is missing.
 */
export function rateLimitFloorMs(headers: Headers, now: () => number): number | undefined {
  const info = readRateLimit(headers);
  if (info?.remaining === undefined || info.reset === undefined) return undefined;
  // Values above ~30 years of seconds are epoch timestamps (TensorOne sends those).
  const resetInMs = info.reset > 1e9 ? info.reset * 1000 - now() : info.reset * 1000;
  if (!(resetInMs > 0)) return undefined;
  return Math.ceil(resetInMs / (info.remaining + 1));
}

/** The error for a failed or canceled observation. */
export function operationFailure(
  lro: LroSpec,
  pollerName: string,
  id: string,
  observation: LroObservation,
): OperationFailedError {
  return new OperationFailedError({
    pollerName,
    id,
    status: observation.status ?? "",
    state: observation.state,
    error: lro.errorPath && readFieldPath(observation.state, lro.errorPath),
    statusMessage: lro.messagePath && readFieldPath(observation.state, lro.messagePath),
    isCanceled: observation.phase === "canceled",
  });
}

/** Consecutive failed status requests a wait rides out before it gives up with the last error. */
export const MAX_CONSECUTIVE_POLL_FAILURES = 5;

/**
 * After a failed status request (the `failures`-th in a row): rethrows when the wait must end (its
 * own timeout, a non-transient error, too many failures), else returns the server's wait hint.
 */
export function hintAfterPollFailure(
  error: unknown,
  isTimedOut: boolean,
  failures: number,
): number | undefined {
  // Worth polling through: network trouble, timeouts, 408, 429 and 5xx.
  const isTransient =
    error instanceof ConnectionError ||
    (error instanceof ApiError &&
      (error.status === 408 || error.status === 429 || error.status >= 500));
  if (isTimedOut || !isTransient || failures >= MAX_CONSECUTIVE_POLL_FAILURES) throw error;
  return (error as Partial<ApiError>).retryAfterMs;
}

/**
 * Longest a server's wait hint (Retry-After, retryAfterPath) is waited out when the caller sets no
 * maxIntervalMs: a hint of days (a hostile or broken server) must not park a wait for days. Beyond
 * it the wait polls early, and goes on while the answer is still pending.
 */
export const DEFAULT_MAX_HINT_MS = 10 * 60_000;

/** The wait when the server gives no hint: base x1.5 per unhinted poll up to the cap, up to 20% shorter at random. */
export function unhintedIntervalMs(
  unhintedCount: number,
  baseMs: number,
  maxMs: number | undefined,
  random: () => number,
): number {
  const cap = maxMs ?? Math.max(baseMs, DEFAULT_MAX_INTERVAL_MS);
  const raw = Math.min(cap, baseMs * INTERVAL_GROWTH ** unhintedCount);
  return Math.round(raw * (1 - INTERVAL_JITTER * random()));
}

/** True when `status` is one of `values` (ignoring case when the spec says so). */
export function matchesStatus(
  lro: StatusRule,
  values: readonly string[] | undefined,
  status: string | undefined,
): boolean {
  if (status === undefined) return false;
  return (values ?? []).some((candidate) =>
    lro.isCaseInsensitive ? candidate.toLowerCase() === status.toLowerCase() : candidate === status,
  );
}

/** The phase a status value names under `rule`, for every strategy alike; unknown values are pending. */
export function phaseOfStatus(lro: StatusRule, status: string | undefined): LroPhase {
  // A body without a status yet (queued jobs on some APIs) is still pending.
  if (status === undefined) return "pending";
  const matches = (values: readonly string[] | undefined): boolean =>
    matchesStatus(lro, values, status);
  if (matches(lro.successValues)) return "succeeded";
  if (matches(lro.failureValues)) return "failed";
  return matches(lro.canceledValues) ? "canceled" : "pending";
}
