// Pulls the useful parts out of an error response: a short server message, the request id
// support will ask for, rate-limit headers; and scrubs the caller's credential out of all of it.
import { readFieldPath } from "./field-path.js";

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
      ? firstText(MESSAGE_PATHS, fieldOf(body))
      : /^\s*</.test(body)
        ? ""
        : body.trim().split("\n")[0];
  if (!text) return undefined;
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…` : text;
}

/** The request id from the response headers, else from the body. */
export function findRequestId(headers: Headers, body: unknown): string | undefined {
  return (
    firstText(REQUEST_ID_HEADERS, (name) => headers.get(name)) ??
    firstText(REQUEST_ID_PATHS, fieldOf(body))
  );
}

/** Reads a dotted path ("detail.0.msg") of `body`. */
function fieldOf(body: unknown): (path: string) => unknown {
  return (path) => readFieldPath(body, path.split("."));
}

/** The first string (trimmed, not blank) or number `read` finds under one of `names`, as a string. */
function firstText(names: string, read: (name: string) => unknown): string | undefined {
  for (const name of names.split(" ")) {
    const value = read(name);
    const text =
      typeof value === "number" ? String(value) : typeof value === "string" && value.trim();
    if (text) return text;
  }
  return undefined;
}

/**
 * Each field's own header (X-RateLimit-<field>, RateLimit-<field>) comes first; else the IETF
 * draft's single `RateLimit: limit=100, remaining=50, reset=30` (or `r=50;t=30`) header, or for
 * the window the `w=` of RateLimit-Policy. Entries: the field, then its other names there.
 */
const RATE_LIMIT_FIELDS = "limit remaining|r reset|t window|w".split(" ");

/**
 * Rate-limit info when any X-RateLimit-* / RateLimit-* header is present, else undefined;
 * `retryAfterMs` is the Retry-After its caller parsed (parsed once per response).
 */
export function readRateLimit(headers: Headers, retryAfterMs?: number): RateLimitInfo | undefined {
  let info: RateLimitInfo | undefined;
  for (const names of RATE_LIMIT_FIELDS) {
    const field = names.split("|")[0] as keyof RateLimitInfo;
    // "100, 100;w=60" (a policy list) still starts with the number that matters.
    const match =
      /^\s*(\d+(?:\.\d+)?)/.exec(
        headers.get(`x-ratelimit-${field}`) ?? headers.get(`ratelimit-${field}`) ?? "",
      ) ??
      RegExp(`(?:^|[,;\\s])(?:${names})=(\\d+)`).exec(
        headers.get(field === "window" ? "ratelimit-policy" : "ratelimit") ?? "",
      );
    if (match) (info ??= {})[field] = +match[1];
  }
  if (info && retryAfterMs !== undefined) info.retryAfterMs = retryAfterMs;
  return info;
}

/**
 * `value` with every credential replaced by "[redacted]", by one walk for every kind of value:
 * strings; plain objects, arrays and Headers (servers echo keys) copied only where they hold one,
 * so the common case costs a walk, not a copy; errors scrubbed in place (message, stack, the cause
 * chain and their own properties: fetch quotes header values and URLs). Anything else (a Date, a
 * Blob, a class instance) is returned as it is.
 */
export function redact<T>(value: T, secrets: readonly string[] = [], depth = 0): T {
  // Deeper than any real body: a hostile one must not overflow the stack while being scrubbed;
  // errors chain a few causes at most, and may form cycles.
  if (!secrets.length || depth > (value instanceof Error ? 8 : 200)) return value;
  if (typeof value === "string")
    return secrets.reduce<string>(
      (text, secret) =>
        secret.length >= MIN_SECRET_CHARS && text.includes(secret)
          ? text.split(secret).join("[redacted]")
          : text,
      value,
    ) as T;
  if (value instanceof Headers) {
    // As [name, value] pairs: a repeated Set-Cookie stays repeated in the copy.
    const entries = [...value];
    const clean = redact(entries, secrets, depth);
    return (clean === entries ? value : new Headers(clean)) as T;
  }
  const isError = value instanceof Error;
  const isArray = Array.isArray(value);
  // null and undefined are read as 0: getPrototypeOf throws on them.
  if (!isError && !isArray && Object.getPrototypeOf(value ?? 0) !== Object.prototype) return value;
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  // Own names, not keys: an error's message, stack, cause and `errors` are not enumerable.
  for (const key of Object.getOwnPropertyNames(record)) {
    const item = record[key];
    const clean = redact(item, secrets, depth + 1);
    if (clean === item) continue;
    if (!isError) (copy ??= isArray ? Object.assign([], record) : { ...record })[key] = clean;
    else
      try {
        record[key] = clean;
      } catch {
        // A read-only property: the error keeps it (nothing better can be done in place).
      }
  }
  return (copy ?? value) as T;
}
