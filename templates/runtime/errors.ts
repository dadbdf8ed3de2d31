// Every error the client throws. Errors never hold request headers, and their message, stack and
// JSON form are scrubbed of the caller's credential: errors end up in logs and bug reports.
import { findRequestId, findServerMessage, readRateLimit, redact } from "./error-details.js";
import type { RateLimitInfo } from "./error-details.js";
import { parseRetryAfterMs } from "./retry.js";
import type { HttpMethod } from "./types.js";

/** Which call failed; `url` never carries query credentials. */
export interface RequestInfo {
  readonly operationId: string;
  readonly method: HttpMethod;
  readonly url: string;
}

// Fields are `declare`d and set by SdkError's constructor from the object each class hands it: a
// plain field declaration is emitted as a definition under ES2022 targets, bytes in every bundle
// for nothing, and one Object.assign replaces an assignment per field per class.

/**
 * The fields `toJSON()` writes, whichever class has them: a list, not "every field", so a field
 * added later is logged only once someone decides it is safe to. Never `headers` (no JSON form,
 * and a server may echo a key in them) nor a poller's whole `state` (a log needs `error`).
 */
const JSON_FIELDS =
  "status body requestId rateLimit retryAfterMs location text timeoutMs maxResponseBytes operationId method url pollerName id ids error code details isCanceled channel reason data index event start isAccepted".split(
    " ",
  );

/** Base of every error the client throws, so one `instanceof` catches them all. */
export class SdkError extends Error {
  override name = "SdkError";

  /**
   * `fields` become the error's own properties (a `cause` in them is the Error cause); `secrets`
   * are scrubbed from them and from the message: the one place every error class redacts.
   */
  constructor(message: string, fields?: object, secrets?: readonly string[]) {
    fields = redact(fields, secrets);
    super(redact(message, secrets), fields as ErrorOptions | undefined);
    Object.assign(this, fields);
  }

  /** A plain, credential-free object for JSON.stringify and structured loggers: name, message, JSON_FIELDS. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const key of JSON_FIELDS) if (key in this) json[key] = this[key as keyof this];
    return json;
  }
}

/** Which call failed, copied field by field (the object handed in may carry more). */
function requestInfoOf(info: RequestInfo): RequestInfo {
  return { operationId: info.operationId, method: info.method, url: info.url };
}

/** The apiKey cannot be sent as its scheme asks; nothing was sent, and the message never quotes the key. */
export class CredentialError extends SdkError {
  override name = "CredentialError";
  constructor(what: string) {
    super(`apiKey contains ${what}; nothing was sent`);
  }
}

/** What the transport knows of an error response when it builds an ApiError. */
export interface ApiErrorInit<TBody> extends RequestInfo {
  readonly status: number;
  readonly statusText?: string;
  readonly headers: Headers;
  /** Parsed as JSON when possible, else the text. */
  readonly body: TBody;
  /** Given when the caller parsed Retry-After already (even to undefined): parsed once per response. */
  readonly retryAfterMs?: number;
}

/** The server answered with a status the operation does not declare as a result; subclasses name the common statuses. */
export class ApiError<TBody = unknown> extends SdkError {
  override name = "ApiError";
  declare readonly status: number;
  /** Response headers (never the request's). */
  declare readonly headers: Headers;
  declare readonly body: TBody;
  declare readonly requestId: string | undefined;
  declare readonly rateLimit: RateLimitInfo | undefined;
  /** The server's wait hint (retry-after-ms / Retry-After); set when it was too long to wait out. */
  declare readonly retryAfterMs: number | undefined;
  declare readonly operationId: string;
  declare readonly method: HttpMethod;
  declare readonly url: string;

  /**
   * `secrets` are scrubbed from every field and the message; `message` replaces the summary and
   * the server's message (UnexpectedStatusError's own).
   */
  constructor(init: ApiErrorInit<TBody>, secrets?: readonly string[], message?: string) {
    const { status, headers } = init;
    // Scrubbed before the message is cut from it, so no part of a key survives the cut.
    const body = redact(init.body, secrets);
    const serverMessage = findServerMessage(body);
    const retryAfterMs = "retryAfterMs" in init ? init.retryAfterMs : parseRetryAfterMs(headers);
    super(
      message ?? (serverMessage ? `${summaryOf(init)}: ${serverMessage}` : summaryOf(init)),
      {
        status,
        headers,
        body,
        requestId: findRequestId(headers, body),
        rateLimit: readRateLimit(headers, retryAfterMs),
        retryAfterMs,
        ...requestInfoOf(init),
      },
      secrets,
    );
  }
}

/** 400: the request was malformed or failed validation. */
export class BadRequestError<TBody = unknown> extends ApiError<TBody> {
  override name = "BadRequestError";
}
/** 401: missing or invalid credentials. */
export class AuthenticationError<TBody = unknown> extends ApiError<TBody> {
  override name = "AuthenticationError";
}
/** 403: the credentials lack permission. */
export class PermissionDeniedError<TBody = unknown> extends ApiError<TBody> {
  override name = "PermissionDeniedError";
}
/** 404: no such resource. */
export class NotFoundError<TBody = unknown> extends ApiError<TBody> {
  override name = "NotFoundError";
}
/** 409: conflicts with the resource's current state. */
export class ConflictError<TBody = unknown> extends ApiError<TBody> {
  override name = "ConflictError";
}
/** 422: well-formed but semantically invalid. */
export class UnprocessableEntityError<TBody = unknown> extends ApiError<TBody> {
  override name = "UnprocessableEntityError";
}
/** 429: rate limited; see `rateLimit` and `retryAfterMs`. */
export class RateLimitError<TBody = unknown> extends ApiError<TBody> {
  override name = "RateLimitError";
}
/** Any 5xx. */
export class InternalServerError<TBody = unknown> extends ApiError<TBody> {
  override name = "InternalServerError";
}

/**
 * "404 Not Found", or "404" alone when the response had no reason phrase (HTTP/2 has none): the
 * class name already says what the status means, so no table of phrases ships with every client.
 */
function summaryOf(init: { readonly status: number; readonly statusText?: string }): string {
  return init.statusText ? `${init.status} ${init.statusText}` : `${init.status}`;
}

const ERROR_CLASSES: Readonly<Record<number, typeof ApiError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** What UnexpectedStatusError knows besides an ApiError's fields. */
interface UnexpectedStatusInit<TBody> extends ApiErrorInit<TBody> {
  readonly location?: string;
  readonly reason?: string;
}

/**
 * A 1xx-3xx answer the operation does not declare (an undeclared 2xx is not a success: its body
 * is not what the return type says), including a redirect that was not followed (see `location`).
 */
export class UnexpectedStatusError<TBody = unknown> extends ApiError<TBody> {
  override name = "UnexpectedStatusError";
  /** A redirect's target as the server sent it (credentials scrubbed); undefined otherwise. */
  declare readonly location: string | undefined;

  constructor(init: UnexpectedStatusInit<TBody>, secrets?: readonly string[]) {
    // Its own summary: a server message in a success-looking body would read as the reason.
    const reason = init.reason ? `: ${init.reason}` : "";
    super(
      init,
      secrets,
      `${summaryOf(init)} is not a declared response of ${init.operationId}${reason}`,
    );
    this.location = redact(init.location, secrets);
  }
}

/** The ApiError subclass for the status; `secrets` are scrubbed from all of it. */
export function createApiError(
  init: UnexpectedStatusInit<unknown>,
  secrets?: readonly string[],
): ApiError {
  const { status } = init;
  const ErrorClass =
    status < 400
      ? UnexpectedStatusError
      : (ERROR_CLASSES[status] ?? (status >= 500 ? InternalServerError : ApiError));
  return new ErrorClass(init, secrets);
}

/**
 * A 2xx response whose body could not be read as declared (JSON that does not parse). Its own
 * class, not an ApiError: the server said yes, so code catching ApiError for refusals must not
 * mistake it for one, and it is never retried (the server may well have acted).
 */
export class ResponseParseError extends SdkError {
  override name = "ResponseParseError";
  declare readonly status: number;
  declare readonly headers: Headers;
  /** The start of the body as received (at most 500 characters). */
  declare readonly text: string;
  declare readonly operationId: string;
  declare readonly method: HttpMethod;
  declare readonly url: string;

  /** `cause` is JSON.parse's SyntaxError (it quotes the text it choked on). */
  constructor(
    info: RequestInfo,
    status: number,
    headers: Headers,
    text: string,
    cause: unknown,
    secrets?: readonly string[],
  ) {
    // Scrubbed before it is cut, so no part of a key survives the cut.
    text = redact(text, secrets).slice(0, 500);
    super(
      `${status} response to ${info.operationId} is not valid JSON: ${JSON.stringify(text.slice(0, 80))}`,
      { cause, status, headers, text, ...requestInfoOf(info) },
      secrets,
    );
  }
}

/** No usable response: connection refused or reset, DNS failure, or a body cut off mid-stream. */
export class ConnectionError extends SdkError {
  override name = "ConnectionError";
  declare readonly operationId: string;
  declare readonly method: HttpMethod;
  declare readonly url: string;

  constructor(
    info: RequestInfo,
    detail: string,
    options?: { cause?: unknown; secrets?: readonly string[] },
  ) {
    super(
      `${detail} (${info.method} ${info.url})`,
      { cause: options?.cause, ...requestInfoOf(info) },
      options?.secrets,
    );
  }
}

/** One attempt took longer than `timeoutMs` (a ConnectionError, so catching that covers it). */
export class TimeoutError extends ConnectionError {
  override name = "TimeoutError";
  declare readonly timeoutMs: number;

  constructor(info: RequestInfo, timeoutMs: number) {
    super(info, `Request timed out after ${timeoutMs} ms (timeoutMs)`);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * A body larger than maxResponseBytes (default 64 MiB): reading stopped at the limit, so a hostile
 * or runaway response cannot exhaust memory. Never retried (the server did answer).
 */
export class ResponseTooLargeError extends SdkError {
  override name = "ResponseTooLargeError";
  declare readonly status: number;
  declare readonly maxResponseBytes: number;
  declare readonly operationId: string;
  declare readonly method: HttpMethod;
  declare readonly url: string;

  constructor(info: RequestInfo, status: number, maxResponseBytes: number) {
    super(
      `${status} response to ${info.operationId} is over maxResponseBytes (${maxResponseBytes}) (${info.method} ${info.url})`,
      { status, maxResponseBytes, ...requestInfoOf(info) },
    );
  }
}

/** What a poller knows when an operation ends in a failure or canceled status. */
export interface OperationFailedInit {
  readonly pollerName: string;
  readonly id: string;
  readonly status: string;
  readonly state: unknown;
  /** The value at the LRO's errorPath, if any. */
  readonly error: unknown;
  /** The value at the LRO's messagePath, if any. */
  readonly statusMessage: unknown;
  readonly isCanceled: boolean;
}

/** A long-running operation ended in a failure (or canceled) status. */
export class OperationFailedError extends SdkError {
  override name = "OperationFailedError";
  declare readonly pollerName: string;
  declare readonly id: string;
  /** The terminal status value, as the server sent it. */
  declare readonly status: string;
  /** The last status body. */
  declare readonly state: unknown;
  /** The error object (or message) at the LRO's errorPath. */
  declare readonly error: unknown;
  /** `error.code`, when the error object has one. */
  declare readonly code: unknown;
  /** `error.details`, when the error object has them. */
  declare readonly details: unknown;
  declare readonly isCanceled: boolean;

  constructor(init: OperationFailedInit) {
    const serverMessage =
      typeof init.statusMessage === "string" && init.statusMessage.trim() !== ""
        ? init.statusMessage.trim()
        : (findServerMessage(init.error) ?? findServerMessage(init.state));
    const outcome = init.isCanceled ? "was canceled" : "failed";
    const { pollerName, id, status, state, error, isCanceled } = init;
    super(
      `${pollerName} ${id} ${outcome} (status ${status})${serverMessage ? `: ${serverMessage}` : ""}`,
      {
        pollerName,
        id,
        status,
        state,
        error,
        code: propertyOf(error, "code"),
        details: propertyOf(error, "details"),
        isCanceled,
      },
    );
  }
}

/** pollUntilDone's timeoutMs passed before the operation reached a terminal status. */
export class PollTimeoutError extends SdkError {
  override name = "PollTimeoutError";
  declare readonly pollerName: string;
  declare readonly ids: readonly string[];
  declare readonly timeoutMs: number;
  /** The last observed state (undefined when no poll succeeded). */
  declare readonly state: unknown;

  constructor(init: {
    pollerName: string;
    ids: readonly string[];
    timeoutMs: number;
    state: unknown;
    lastStatus?: string;
  }) {
    const { pollerName, ids, timeoutMs, state, lastStatus } = init;
    const last = lastStatus === undefined ? "" : ` (last status ${lastStatus})`;
    super(`Gave up waiting for ${pollerName} ${ids.join(", ")} after ${timeoutMs} ms${last}`, {
      pollerName,
      ids,
      timeoutMs,
      state,
    });
  }
}

function propertyOf(value: unknown, key: string): unknown {
  return value !== null && typeof value === "object"
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
