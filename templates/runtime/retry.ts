// When to try a request again and how long to wait first. The rule that matters most: a call that
// is not idempotent is repeated only when the server cannot have acted on it, never double-submitted.
import type { OperationSpec, RetryOptions } from "./types.js";

/** Defaults of the retry policy: 2 retries, 500 ms first backoff, 8 s longest wait. */
export const DEFAULT_RETRY_OPTIONS: Readonly<RetryOptions> = {
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8000,
};

/** Statuses worth a retry for idempotent calls: request timeout, rate limit, and transient server trouble. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** What went wrong on one attempt, as far as the retry decision cares. */
export type AttemptFailure =
  | { readonly kind: "status"; readonly status: number; readonly retryAfterMs: number | undefined }
  /** `isBeforeSend`: the connection was never made (refused, DNS), so the server saw nothing. */
  | { readonly kind: "connection"; readonly isBeforeSend: boolean }
  | { readonly kind: "timeout" };

/** Retry now after `delayMs`, or give up (the failure is thrown as is). */
export type RetryDecision =
  { readonly shouldRetry: true; readonly delayMs: number } | { readonly shouldRetry: false };

/** The policy for one call: client options, then per-call options, over the defaults. */
export function resolveRetryOptions(
  ...layers: (Partial<RetryOptions> | undefined)[]
): RetryOptions {
  const resolved: RetryOptions = { ...DEFAULT_RETRY_OPTIONS };
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.maxRetries !== undefined)
      resolved.maxRetries = Math.max(0, Math.floor(layer.maxRetries));
    if (layer.initialDelayMs !== undefined)
      resolved.initialDelayMs = Math.max(0, layer.initialDelayMs);
    if (layer.maxDelayMs !== undefined) resolved.maxDelayMs = Math.max(0, layer.maxDelayMs);
  }
  return resolved;
}

/** Whether the failure may be retried at all for this operation, ignoring counts and hints. */
export function isRetryable(op: OperationSpec, failure: AttemptFailure): boolean {
  if (failure.kind !== "status" && op.retry?.isConnectionRetried === false) return false;
  if (failure.kind === "timeout") return op.isIdempotent;
  if (failure.kind === "connection") return op.isIdempotent || failure.isBeforeSend;
  const statusCodes = op.retry?.statusCodes;
  const isListed = statusCodes
    ? statusCodes.some((code) => matchesStatus(code, failure.status))
    : RETRYABLE_STATUSES.has(failure.status);
  if (!isListed) return false;
  if (op.isIdempotent) return true;
  // Not idempotent: only answers that say "not processed": 429, or 503 that names a time to come back.
  return failure.status === 429 || (failure.status === 503 && failure.retryAfterMs !== undefined);
}

/** "503" matches 503; "5XX" matches 500-599. */
function matchesStatus(code: string, status: number): boolean {
  const upper = code.toUpperCase();
  return /^[1-5]XX$/.test(upper)
    ? Math.floor(status / 100) === Number(upper[0])
    : Number(code) === status;
}

/**
 * Decides retry `retryNumber` (1 for the first retry). A server hint is waited as given, but a hint
 * above maxDelayMs is not waited at all: the caller gets the error (with its hint) at once.
 */
export function decideRetry(
  op: OperationSpec,
  failure: AttemptFailure,
  retryNumber: number,
  policy: RetryOptions,
  random: () => number,
): RetryDecision {
  if (retryNumber > policy.maxRetries || !isRetryable(op, failure)) return { shouldRetry: false };
  const hintMs = failure.kind === "status" ? failure.retryAfterMs : undefined;
  if (hintMs !== undefined)
    return hintMs > policy.maxDelayMs
      ? { shouldRetry: false }
      : { shouldRetry: true, delayMs: hintMs };
  return { shouldRetry: true, delayMs: backoffMs(retryNumber, policy, random) };
}

/**
 * Exponential backoff with "equal jitter": half the capped exponential delay is fixed, the other
 * half random. Clients that failed together spread out, yet none retries almost at once, which
 * full jitter allows and which hammers a server that is already struggling.
 */
export function backoffMs(retryNumber: number, policy: RetryOptions, random: () => number): number {
  const capped = Math.min(
    policy.maxDelayMs,
    policy.initialDelayMs * 2 ** Math.max(0, retryNumber - 1),
  );
  return Math.round(capped / 2 + random() * (capped / 2));
}

/**
 * The server's wait hint in ms: `retry-after-ms` (OpenAI/Stainless style), else `Retry-After` as
 * seconds or an HTTP date. Garbage, negative or absent values give undefined.
 */
export function parseRetryAfterMs(
  headers: Headers,
  now: () => number = Date.now,
): number | undefined {
  const milliseconds = parseNonNegativeNumber(headers.get("retry-after-ms"));
  if (milliseconds !== undefined) return Math.round(milliseconds);
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  const seconds = parseNonNegativeNumber(value);
  if (seconds !== undefined) return Math.round(seconds * 1000);
  return parseHttpDateDelayMs(value, now);
}

/** Milliseconds from now until an HTTP date (RFC 9110 IMF-fixdate and friends); past dates give 0. */
export function parseHttpDateDelayMs(
  value: string,
  now: () => number = Date.now,
): number | undefined {
  // Date.parse accepts many odd strings ("1", "2024"); an HTTP date always names a weekday or month.
  if (!/[a-z]{3}/i.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : Math.max(0, time - now());
}

/** A plain decimal number >= 0 ("1", "1.5"), or undefined for anything else. */
export function parseNonNegativeNumber(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}
