// Reads one status response of a long-running operation: is it done, did it fail, how long does
// the server want us to wait, and how long to wait when it says nothing.
import type { SendResult } from "./attempt.js";
import { ApiError, ConnectionError, OperationFailedError } from "./errors.js";
import { readFieldPath } from "./field-path.js";
import { parseNonNegativeNumber, parseRetryAfterMs } from "./retry.js";
import type { LroSpec } from "./types.js";

/** Where one id stands after a status response. */
export type LroPhase = "canceled" | "failed" | "pending" | "succeeded";

/** One status response, read. */
export interface LroObservation {
  readonly state: unknown;
  /** The status value as sent (String()-ed), undefined when the body has none yet. */
  readonly status: string | undefined;
  readonly phase: LroPhase;
  /** The server's wait hint: Retry-After header first, then the body's retryAfterPath (seconds). */
  readonly hintMs: number | undefined;
}

/** Growth of the unhinted interval per poll: gentle, as a job's remaining time is unknown. */
const INTERVAL_GROWTH = 1.5;
/** Unhinted intervals grow to this by default: a finished job is noticed within ~30 s at worst. */
const DEFAULT_MAX_INTERVAL_MS = 30_000;
/** Share of an unhinted interval that is random, so many pollers started together drift apart. */
const INTERVAL_JITTER = 0.2;

/** Reads a status response per the LroSpec. */
export function observeStatus(lro: LroSpec, result: SendResult, now: () => number): LroObservation {
  const value = readFieldPath(result.body, lro.statusPath);
  const status = value === undefined || value === null ? undefined : String(value);
  const bodyHint =
    lro.retryAfterPath === undefined
      ? undefined
      : secondsHint(readFieldPath(result.body, lro.retryAfterPath));
  return {
    state: result.body,
    status,
    phase: phaseOf(lro, status),
    hintMs: parseRetryAfterMs(result.headers, now) ?? bodyHint,
  };
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
    error:
      lro.errorPath === undefined ? undefined : readFieldPath(observation.state, lro.errorPath),
    statusMessage:
      lro.messagePath === undefined ? undefined : readFieldPath(observation.state, lro.messagePath),
    isCanceled: observation.phase === "canceled",
  });
}

/** A status request failure worth polling through: network trouble, timeouts, 408, 429 and 5xx. */
export function isTransientPollFailure(error: unknown): error is ConnectionError | ApiError {
  if (error instanceof ConnectionError) return true;
  return (
    error instanceof ApiError &&
    (error.status === 408 || error.status === 429 || error.status >= 500)
  );
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
  if (isTimedOut || !isTransientPollFailure(error) || failures >= MAX_CONSECUTIVE_POLL_FAILURES)
    throw error;
  return error instanceof ApiError ? error.retryAfterMs : undefined;
}

/**
 * Longest a server's wait hint (Retry-After, retryAfterPath) is waited out when the caller sets no
 * maxIntervalMs: a hint of days (a hostile or broken server) must not park a wait for days.
 */
export const DEFAULT_MAX_HINT_MS = 10 * 60_000;

/** The server's hint, capped at maxIntervalMs (default DEFAULT_MAX_HINT_MS); beyond it we poll early. */
export function cappedHintMs(
  hintMs: number | undefined,
  maxIntervalMs: number | undefined,
): number | undefined {
  return hintMs === undefined ? undefined : Math.min(hintMs, maxIntervalMs ?? DEFAULT_MAX_HINT_MS);
}

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

function phaseOf(lro: LroSpec, status: string | undefined): LroPhase {
  // A body without a status yet (queued jobs on some APIs) is still pending.
  if (status === undefined) return "pending";
  const matches = (values: readonly string[] | undefined): boolean =>
    (values ?? []).some((candidate) =>
      lro.isCaseInsensitive
        ? candidate.toLowerCase() === status.toLowerCase()
        : candidate === status,
    );
  if (matches(lro.successValues)) return "succeeded";
  if (matches(lro.failureValues)) return "failed";
  return matches(lro.canceledValues) ? "canceled" : "pending";
}

function secondsHint(value: unknown): number | undefined {
  const seconds =
    typeof value === "number"
      ? value >= 0 && Number.isFinite(value)
        ? value
        : undefined
      : parseNonNegativeNumber(typeof value === "string" ? value : undefined);
  return seconds === undefined ? undefined : Math.round(seconds * 1000);
}
