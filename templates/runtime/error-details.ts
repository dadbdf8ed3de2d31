// Pulls the useful parts out of an error response: a short server message, the request id
// support will ask for, rate-limit headers; and scrubs the caller's credential out of all of it.
import { readFieldPath } from "./field-path.js";
import { parseRetryAfterMs } from "./retry.js";
import type { FieldPath } from "./types.js";

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

/** Where servers put a human-readable message, most specific first (TensorPool: external_message). */
const MESSAGE_PATHS: readonly FieldPath[] = [
  ["message"],
  ["error", "message"],
  ["external_message"],
  ["error_description"],
  ["detail"],
  ["detail", 0, "msg"],
  ["errors", 0, "message"],
  ["title"],
  ["error"],
  ["msg"],
  ["errorMessage"],
  ["Message"],
];
const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id"];
const REQUEST_ID_PATHS: readonly FieldPath[] = [
  ["request_id"],
  ["requestId"],
  ["meta", "request_id"],
  ["error", "details", "requestId"],
];
/** Messages longer than this are cut: an error message is a summary, the body holds the rest. */
const MAX_MESSAGE_CHARS = 300;
/** Credentials shorter than this are not scrubbed from text, or "a" would blank every "a". */
const MIN_SECRET_CHARS = 4;
const REASON_PHRASES: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  412: "Precondition Failed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** A short human-readable message found in an error body (JSON or plain text), or undefined. */
export function findServerMessage(body: unknown): string | undefined {
  if (typeof body === "string") {
    const text = body.trim();
    // An HTML error page (proxies, load balancers) is noise in a message; it stays on `body`.
    return text === "" || text.startsWith("<") ? undefined : truncate(text.split("\n")[0]);
  }
  for (const path of MESSAGE_PATHS) {
    const value = readFieldPath(body, path);
    if (typeof value === "string" && value.trim() !== "") return truncate(value.trim());
  }
  return undefined;
}

/** The request id from the response headers, else from the body. */
export function findRequestId(headers: Headers, body: unknown): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  for (const path of REQUEST_ID_PATHS) {
    const value = readFieldPath(body, path);
    if (typeof value === "string" || typeof value === "number") return String(value);
  }
  return undefined;
}

/** Rate-limit info when any X-RateLimit-* / RateLimit-* header is present, else undefined. */
export function readRateLimit(headers: Headers, now?: () => number): RateLimitInfo | undefined {
  let info: RateLimitInfo | undefined;
  for (const [field, pattern, header] of RATE_LIMIT_FIELDS) {
    const value =
      leadingNumber(headers.get(`x-ratelimit-${field}`)) ??
      leadingNumber(headers.get(`ratelimit-${field}`)) ??
      matchedNumber(pattern, headers.get(header));
    if (value !== undefined) (info ??= {})[field] = value;
  }
  if (info === undefined) return undefined;
  const retryAfterMs = parseRetryAfterMs(headers, now);
  if (retryAfterMs !== undefined) info.retryAfterMs = retryAfterMs;
  return info;
}

/**
 * Each field's own headers (X-RateLimit-<field>, RateLimit-<field>) come first; else the IETF
 * draft's single `RateLimit: limit=100, remaining=50, reset=30` (or `r=50;t=30`) header, or for
 * the window the `w=` of RateLimit-Policy.
 */
const RATE_LIMIT_FIELDS: readonly (readonly [keyof RateLimitInfo, RegExp, string])[] = [
  ["limit", /(?:^|[,;\s])limit=(\d+)/, "ratelimit"],
  ["remaining", /(?:^|[,;\s])(?:remaining|r)=(\d+)/, "ratelimit"],
  ["reset", /(?:^|[,;\s])(?:reset|t)=(\d+)/, "ratelimit"],
  ["window", /(?:^|;)\s*w=(\d+)/, "ratelimit-policy"],
];

/** The standard reason phrase when the response carried none (HTTP/2 has no status text). */
export function statusText(status: number, sent: string): string {
  return sent || REASON_PHRASES[status] || (status >= 500 ? "Server Error" : "Error");
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
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item = redactValue(value[index], secrets, depth + 1);
      if (item !== value[index]) (copy ??= [...value])[index] = item;
    }
    return copy ?? value;
  }
  if (
    value === null ||
    typeof value !== "object" ||
    Object.getPrototypeOf(value) !== Object.prototype
  )
    return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const redacted = redactValue(item, secrets, depth + 1);
    if (redacted !== item) (copy ??= { ...value })[key] = redacted;
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
  if (secrets.length === 0) return error;
  const seen = new Set<unknown>();
  const visit = (current: unknown, depth: number): void => {
    if (current === null || typeof current !== "object" || seen.has(current) || depth > 8) return;
    seen.add(current);
    const record = current as Record<string, unknown>;
    for (const key of ["message", "stack", ...Object.keys(record)]) {
      const value = record[key];
      if (typeof value === "string" && redactText(value, secrets) !== value) {
        try {
          record[key] = redactText(value, secrets);
        } catch {
          // A read-only property: the error keeps it (nothing better can be done in place).
        }
      } else if (value !== null && typeof value === "object") {
        visit(value, depth + 1);
      }
    }
    visit(record.cause, depth + 1);
    if (Array.isArray(record.errors)) for (const inner of record.errors) visit(inner, depth + 1);
  };
  visit(error, 0);
  return error;
}

/** "100, 100;w=60" (a policy list) still starts with the number that matters. */
function leadingNumber(value: string | null): number | undefined {
  return matchedNumber(/^\s*(\d+(?:\.\d+)?)/, value);
}

function matchedNumber(pattern: RegExp, value: string | null): number | undefined {
  const match = pattern.exec(value ?? "");
  return match ? Number(match[1]) : undefined;
}

function truncate(text: string): string {
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…` : text;
}
