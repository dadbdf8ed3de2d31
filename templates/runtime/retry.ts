// When to try a request again and how long to wait first. The rule that matters most: a call that
// is not idempotent is repeated only when the server cannot have acted on it, never double-submitted.
import type { OperationRetrySpec, OperationSpec, RetryOptions } from "./types.js";

/** Defaults of the retry policy: 2 retries, 500 ms first backoff, 8 s longest wait. */
export const DEFAULT_RETRY_OPTIONS: Readonly<RetryOptions> = {
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8000,
};

/** Statuses worth a retry for idempotent calls: request timeout, rate limit, and transient server trouble. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/**
 * What went wrong on one attempt, as far as the retry decision cares: an answer's status and wait
 * hint (an ApiError is one), or no answer (a timeout or a lost connection; `isNotSent`: the
 * connection was never made, refused or DNS, so the server saw nothing).
 */
export interface AttemptFailure {
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly isNotSent?: boolean;
}

/** The policy for one call: the operation's, the client's, then the call's options, over the defaults. */
export function resolveRetryOptions(
  ...layers: (Partial<RetryOptions> | undefined)[]
): RetryOptions {
  const resolved: RetryOptions = { ...DEFAULT_RETRY_OPTIONS };
  for (const layer of layers)
    for (const key of ["maxRetries", "initialDelayMs", "maxDelayMs"] as const)
      if (layer?.[key] !== undefined) resolved[key] = Math.max(0, Math.floor(layer[key]));
  return resolved;
}

/** Whether repeating the call cannot act twice: the descriptor's mark, else the method's (OperationSpec.isIdempotent). */
export function isIdempotent(op: Pick<OperationSpec, "isIdempotent" | "method">): boolean {
  return op.isIdempotent ?? !/^P[AO]/.test(op.method);
}

/**
 * Whether the failure may be retried at all for this operation under the spec's policy `spec`
 * (the descriptor's, else the API's), ignoring counts and hints.
 */
export function isRetryable(
  op: OperationSpec,
  spec: OperationRetrySpec | undefined,
  failure: AttemptFailure,
): boolean {
  const { status } = failure;
  if (status === undefined)
    return spec?.isConnectionRetried !== false && (isIdempotent(op) || !!failure.isNotSent);
  const listed = spec?.statusCodes;
  return (
    (listed
      ? listed.some(
          (code) => code === String(status) || code.toUpperCase() === `${(status / 100) | 0}XX`,
        )
      : RETRYABLE_STATUSES.has(status)) &&
    // Not idempotent: only answers that say "not processed": 429, or 503 that names a time to come back.
    (isIdempotent(op) || status === 429 || (status === 503 && failure.retryAfterMs !== undefined))
  );
}

/**
 * The wait before retry `retryNumber` (1 for the first), or undefined: give up. A server hint is
 * waited as given, but a hint above maxDelayMs is not waited at all: the caller gets the error (with
 * its hint) at once. Otherwise exponential backoff with "equal jitter": half the capped delay is
 * fixed, the other half random. Clients that failed together spread out, yet none retries almost
 * at once, which full jitter allows and which hammers a server that is already struggling.
 */
export function retryDelayMs(
  op: OperationSpec,
  spec: OperationRetrySpec | undefined,
  failure: AttemptFailure,
  retryNumber: number,
  policy: RetryOptions,
  random: () => number,
): number | undefined {
  if (retryNumber > policy.maxRetries || !isRetryable(op, spec, failure)) return undefined;
  const hintMs = failure.retryAfterMs;
  if (hintMs !== undefined) return hintMs > policy.maxDelayMs ? undefined : hintMs;
  const capped = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (retryNumber - 1));
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
  const value = headers.get("retry-after");
  const seconds = parseNonNegativeNumber(value);
  return seconds !== undefined
    ? Math.round(seconds * 1000)
    : parseHttpDateDelayMs(value ?? "", now);
}

/** Milliseconds from now until an HTTP date (RFC 9110 IMF-fixdate and friends); past dates give 0. */
export function parseHttpDateDelayMs(
  value: string,
  now: () => number = Date.now,
): number | undefined {
  // Date.parse accepts many odd strings ("1", "2024"); an HTTP date always names a weekday or month.
  const time = /[a-z]{3}/i.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? undefined : Math.max(0, time - now());
}

/** A plain decimal number >= 0 ("1", "1.5"), or undefined for anything else. */
export function parseNonNegativeNumber(value: string | null | undefined): number | undefined {
  return value && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : undefined;
}
