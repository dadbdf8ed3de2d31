// Pulls the useful parts out of an error response: a short server message, the request id
// support will ask for, rate-limit headers; and scrubs the caller's credential out of all of it.
import { readFieldPath } from "./field-path.js";
import { parseRetryAfterMs } from "./retry.js";

/** Rate-limit state the server reported (X-RateLimit-* or RateLimit-* headers), numbers as sent. */
export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  /** As the server sends it: seconds until reset, or an epoch timestamp for some APIs. */
  reset?: number;
  /** Window length in seconds (X-RateLimit-Window or the `w=` of RateLimit-Policy). */
  window?: number;
  retryAfterMs?: number;
}

// Lookup tables as space-separated strings of dotted paths ("detail.0.msg"): a string is a
// fraction of the bytes of nested array literals in every bundle, and "0" indexes an array as 0 does.
/** Where servers put a human-readable message, most specific first (TensorPool: external_message). */
const MESSAGE_PATHS =
  "message error.message external_message error_description detail detail.0.msg errors.0.message title error msg errorMessage Message";
const REQUEST_ID_PATHS = "request_id requestId meta.request_id error.details.requestId";
const REQUEST_ID_HEADERS = "x-request-id request-id x-amzn-requestid x-correlation-id";
/** Messages longer than this are cut: an error message is a summary, the body holds the rest. */
const MAX_MESSAGE_CHARS = 300;
/** Credentials shorter than this are not scrubbed from text, or "a" would blank every "a". */
const MIN_SECRET_CHARS = 4;

/** A short human-readable message found in an error body (JSON or plain text), or undefined. */
export function findServerMessage(body: unknown): string | undefined {
  // An HTML error page (proxies, load balancers) is noise in a message; it stays on `body`.
  const text =
    typeof body !== "string"
      ? firstValueAt(body, MESSAGE_PATHS)
      : /^\s*</.test(body)
        ? ""
        : body.trim().split("\n")[0];
  if (!text) return undefined;
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…` : text;
}

/** The request id from the response headers, else from the body. */
export function findRequestId(headers: Headers, body: unknown): string | undefined {
  for (const name of REQUEST_ID_HEADERS.split(" ")) {
    const value = headers.get(name);
    if (value) return value;
  }
  return firstValueAt(body, REQUEST_ID_PATHS);
}

/** The first string (trimmed, not blank) or number at one of `paths`, as a string. */
function firstValueAt(body: unknown, paths: string): string | undefined {
  for (const path of paths.split(" ")) {
    const value = readFieldPath(body, path.split("."));
    const text =
      typeof value === "number" ? String(value) : typeof value === "string" && value.trim();
    if (text) return text;
  }
  return undefined;
}

/**
 * Each field's own headers (X-RateLimit-<field>, RateLimit-<field>) come first; else the IETF
 * draft's single `RateLimit: limit=100, remaining=50, reset=30` (or `r=50;t=30`) header, or for
 * the window the `w=` of RateLimit-Policy. Entries: field, its names in those headers, the header.
 */
const RATE_LIMIT_FIELDS: readonly (readonly [keyof RateLimitInfo, string, string])[] = [
  ["limit", "limit", "ratelimit"],
  ["remaining", "remaining|r", "ratelimit"],
  ["reset", "reset|t", "ratelimit"],
  ["window", "w", "ratelimit-policy"],
];

/** Rate-limit info when any X-RateLimit-* / RateLimit-* header is present, else undefined. */
export function readRateLimit(headers: Headers, now?: () => number): RateLimitInfo | undefined {
  let info: RateLimitInfo | undefined;
  for (const [field, names, header] of RATE_LIMIT_FIELDS) {
    const own = headers.get(`x-ratelimit-${field}`) ?? headers.get(`ratelimit-${field}`);
    // "100, 100;w=60" (a policy list) still starts with the number that matters.
    const match =
      own === null
        ? new RegExp(`(?:^|[,;\\s])(?:${names})=(\\d+)`).exec(headers.get(header) ?? "")
        : /^\s*(\d+(?:\.\d+)?)/.exec(own);
    if (match) (info ??= {})[field] = Number(match[1]);
  }
  if (info === undefined) return undefined;
  const retryAfterMs = parseRetryAfterMs(headers, now);
  if (retryAfterMs !== undefined) info.retryAfterMs = retryAfterMs;
  return info;
}

/** `text` with every credential replaced by "[redacted]". */
export function redactText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets)
    if (secret.length >= MIN_SECRET_CHARS && result.includes(secret))
      result = result.split(secret).join("[redacted]");
  return result;
}

/**
 * A parsed body with credentials scrubbed from every string (servers sometimes echo keys). Parts
 * holding no credential are returned as they are: the common case costs a walk, not a copy.
 */
export function redactValue(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (secrets.length === 0 || depth > MAX_REDACT_DEPTH) return value;
  if (typeof value === "string") return redactText(value, secrets);
  const isArray = Array.isArray(value);
  // Plain objects and arrays only: a Date, a Blob or a class instance is left as it is (and so
  // are null and undefined, read as 0: getPrototypeOf throws on them).
  if (!isArray && Object.getPrototypeOf(value ?? 0) !== Object.prototype) return value;
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  // Object.entries gives an array's indexes as keys ("0"), and the copy of an array is an array.
  for (const [key, item] of Object.entries(record)) {
    const redacted = redactValue(item, secrets, depth + 1);
    if (redacted !== item)
      (copy ??= isArray ? Object.assign([], record) : { ...record })[key] = redacted;
  }
  return copy ?? value;
}

/** Deeper than any real body; a hostile one must not overflow the stack while being scrubbed. */
const MAX_REDACT_DEPTH = 200;

/** Response headers with credentials scrubbed from every value (a server may echo the key back). */
export function redactHeaders(headers: Headers, secrets: readonly string[]): Headers {
  if (secrets.length === 0) return headers;
  let redacted: Headers | undefined;
  headers.forEach((value, name) => {
    const clean = redactText(value, secrets);
    if (clean !== value) (redacted ??= new Headers(headers)).set(name, clean);
  });
  return redacted ?? headers;
}

/**
 * Scrubs credentials from an error thrown by fetch or a body read, in place: its message, stack,
 * string properties and every cause (undici quotes a rejected header value, a URL with a query
 * key sits in a cause's message). Returns the same error.
 */
export function redactThrown<T>(error: T, secrets: readonly string[]): T {
  const seen = new Set<unknown>();
  const visit = (current: unknown, depth: number): void => {
    if (current === null || typeof current !== "object" || seen.has(current) || depth > 8) return;
    seen.add(current);
    const record = current as Record<string, unknown>;
    // message, stack and cause are own but not enumerable; `errors` (AggregateError) likewise.
    for (const key of ["message", "stack", "cause", "errors", ...Object.keys(record)]) {
      const value = record[key];
      if (typeof value !== "string") visit(value, depth + 1);
      else if (redactText(value, secrets) !== value) {
        try {
          record[key] = redactText(value, secrets);
        } catch {
          // A read-only property: the error keeps it (nothing better can be done in place).
        }
      }
    }
  };
  if (secrets.length > 0) visit(error, 0);
  return error;
}
