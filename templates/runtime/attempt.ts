// One HTTP attempt: credential, hooks, fetch under a per-attempt timeout linked to the caller's
// signal, body read. Every outcome is sorted into: success, a failure the retry policy judges,
// or an error thrown at once (the caller's abort, a success body that does not parse).
import { raceAbort } from "./abort-listeners.js";
import { applyAuth, credentialOf, resolveCredential } from "./auth.js";
import { abortReason } from "./delay.js";
import { redactHeaders, redactThrown } from "./error-details.js";
import { ConnectionError, SdkError, TimeoutError, createApiError } from "./errors.js";
import type { RequestInfo } from "./errors.js";
import { followRedirects } from "./redirects.js";
import type { RedirectOutcome } from "./redirects.js";
import { finalizeRequest } from "./request-builder.js";
import type { OutgoingRequest, PreparedRequest } from "./request-builder.js";
import { isDeclaredResult, parseSuccessBody, readErrorBody, readSuccessBody } from "./response.js";
import { parseRetryAfterMs } from "./retry.js";
import type { AttemptFailure } from "./retry.js";
import type { AttemptSignal, AttemptTimeouts } from "./signals.js";
import type { ClientOptions, OperationSpec, RequestContext, RequestOptions } from "./types.js";

/** A response that was read in full. */
export interface SendResult {
  readonly body: unknown;
  readonly status: number;
  readonly headers: Headers;
  /** The credential forms the request carried, so callers can scrub bodies that echo them. */
  readonly secrets?: readonly string[];
}

/** A failed attempt: what the retry policy judges, and the error to throw if it does not retry. */
export interface AttemptFailed {
  readonly failure: AttemptFailure;
  readonly error: Error;
}

/** Everything one attempt needs besides the prepared request (shared by calls without options). */
export interface AttemptContext {
  readonly client: ClientOptions;
  /** The call's options (never modified). */
  readonly options: RequestOptions;
  /** The client's fetch; undefined: the global fetch as it is at call time. */
  readonly fetch: typeof fetch | undefined;
  readonly now: () => number;
  readonly signal: AbortSignal | undefined;
  readonly timeoutMs: number;
  /** Largest body read (see ClientOptions.maxResponseBytes). */
  readonly maxResponseBytes: number;
  /** The transport's per-attempt timeouts (shared timers; see AttemptTimeouts). */
  readonly timeouts: AttemptTimeouts;
  readonly attempt: number;
  /**
   * The transport's retry loop, which a first attempt hands its failure to: a call that succeeds
   * at once then settles on its attempt's own promise, with no layer on top. Absent on the loop's
   * own attempts, which give their failure back.
   */
  readonly retry?: (
    prepared: PreparedRequest,
    failed: AttemptFailed,
    options: RequestOptions,
  ) => Promise<SendResult>;
}

/**
 * Error codes (Node/undici, Bun) that mean the connection was never made, so the server cannot
 * have seen the request. Browsers expose no codes: there every network failure counts as "maybe sent".
 */
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "ConnectionRefused",
]);

/**
 * Sends one attempt: the result, or its failure (handed to `context.retry` when there is one);
 * throws only what must not be retried (abort, ResponseParseError, hook errors). Kept lean: an
 * async function's suspended frame is allocated per call and sized by its locals, so what most
 * calls never do (hooks, redirects, error responses) lives in the helpers below.
 */
export async function sendAttempt(
  prepared: PreparedRequest,
  context: AttemptContext,
): Promise<SendResult | AttemptFailed> {
  const { op } = prepared;
  const { apiKey } = context.client;
  // A plain key needs no await: a request without async work in front of fetch starts sooner.
  // A key function may hang (a token refresh): the caller's abort must still end the call.
  const credential =
    typeof apiKey === "function"
      ? await raceAbort(resolveCredential(apiKey), context.signal)
      : credentialOf(apiKey);
  const auth = applyAuth(op.auth, credential);
  const outgoing = finalizeRequest(prepared, auth);
  const info: RequestInfo = { operationId: op.id, method: op.method, url: outgoing.safeUrl };
  // Hook contexts (and their redacted headers) are built only for hooks that exist.
  const hooks =
    context.client.onRequest || context.client.onResponse
      ? await runRequestHook(context, prepared.op, outgoing)
      : undefined;
  const linked = context.timeouts.start(context.signal, context.timeoutMs);
  let isSent = false;
  let failed: AttemptFailed;
  try {
    const init = initOf(prepared, outgoing, linked.signal);
    let response = await send(context, outgoing.url, init);
    let redirectReason: string | undefined;
    // Only a 3xx (or a browser's opaque redirect, status 0) takes the redirect path.
    if (response.status < 400 && (response.status >= 300 || response.status === 0)) {
      const redirect = await followRedirects(
        response,
        redirectRequestOf(prepared, outgoing, init, context, auth.headers),
      );
      response = redirect.response;
      redirectReason = redirect.reason;
    }
    isSent = true;
    if (hooks?.onResponse) await runResponseHook(hooks, response, auth.secrets, context);
    const { status } = response;
    if (redirectReason === undefined && isDeclaredResult(op.responses, status)) {
      const read = await readSuccessBody(response, op, info, context.maxResponseBytes);
      const body = parseSuccessBody(read, response, op, info, auth.secrets);
      return { body, status, headers: response.headers, secrets: auth.secrets };
    }
    failed = await failureOf(response, redirectReason, linked.signal, context, info, auth.secrets);
  } catch (error) {
    failed = classifyThrown(error, { context, linked, info, isSent, secrets: auth.secrets });
  } finally {
    linked.dispose();
  }
  return context.retry ? context.retry(prepared, failed, context.options) : failed;
}

/** fetch's init for the attempt. */
function initOf(
  prepared: PreparedRequest,
  outgoing: OutgoingRequest,
  signal: AbortSignal | undefined,
): RequestInit & { duplex?: "half" } {
  const init: RequestInit & { duplex?: "half" } = {
    method: prepared.op.method,
    headers: outgoing.headers,
    body: prepared.body.body,
    signal,
    // The runtime follows redirects itself, by rules that keep credentials on the origin.
    redirect: "manual",
  };
  // Streaming request bodies (the only ones that cannot be replayed) need duplex "half" in Node's
  // fetch (and the spec); others ignore it.
  if (!prepared.body.isReplayable) init.duplex = "half";
  return init;
}

/** A status the operation does not declare as a result (or an unfollowed redirect): its typed error. */
async function failureOf(
  response: Response,
  redirectReason: string | undefined,
  signal: AbortSignal | undefined,
  context: AttemptContext,
  info: RequestInfo,
  secrets: readonly string[],
): Promise<AttemptFailed> {
  const { status, headers } = response;
  const errorBody = await readErrorBody(response, signal, context.maxResponseBytes, info);
  const retryAfterMs = parseRetryAfterMs(headers, context.now);
  const error = createApiError(
    {
      ...info,
      status,
      statusText: response.statusText,
      headers,
      body: errorBody,
      retryAfterMs,
      location: headers.get("location") ?? undefined,
      reason: redirectReason,
    },
    secrets,
  );
  return { failure: { kind: "status", status, retryAfterMs }, error };
}

/** What the response hook needs of the request side (see runRequestHook). */
interface HookRun {
  readonly context: RequestContext;
  readonly onResponse: ClientOptions["onResponse"];
  /** When fetch was called, for the response hook's durationMs. */
  readonly startedAt: number;
}

/** Builds the hook context, runs the request hook (if any), and notes when the request starts. */
async function runRequestHook(
  context: AttemptContext,
  op: OperationSpec,
  outgoing: OutgoingRequest,
): Promise<HookRun> {
  const { onRequest, onResponse } = context.client;
  const hookContext: RequestContext = {
    operationId: op.id,
    method: op.method,
    url: outgoing.safeUrl,
    headers: outgoing.redactedHeaders(),
    attempt: context.attempt,
  };
  if (onRequest) await raceAbort(Promise.resolve(onRequest(hookContext)), context.signal);
  // Only the response hook reports a duration.
  return { context: hookContext, onResponse, startedAt: onResponse ? context.now() : 0 };
}

/** Runs the response hook; its own error is carried past the network-error classification. */
async function runResponseHook(
  hooks: HookRun,
  response: Response,
  secrets: readonly string[],
  context: AttemptContext,
): Promise<void> {
  const { onResponse, context: hookContext } = hooks;
  if (!onResponse) return;
  const durationMs = context.now() - hooks.startedAt;
  // Fields listed, not spread: `{ ...hookContext }` took a slow generic copy on Node 20 that
  // cost about as much as the rest of the runtime's work per call (~8 µs).
  const responseContext = {
    operationId: hookContext.operationId,
    method: hookContext.method,
    url: hookContext.url,
    headers: hookContext.headers,
    attempt: hookContext.attempt,
    status: response.status,
    responseHeaders: redactHeaders(response.headers, secrets),
    durationMs,
  };
  try {
    await raceAbort(Promise.resolve(onResponse(responseContext)), context.signal);
  } catch (error) {
    throw new HookFailure(error);
  }
}

function send(context: AttemptContext, url: string, init: RequestInit): Promise<Response> {
  return context.fetch ? context.fetch(url, init) : fetch(url, init);
}

/** How to send the same request again to a redirect's target (built only on a 3xx). */
function redirectRequestOf(
  prepared: PreparedRequest,
  outgoing: OutgoingRequest,
  init: RequestInit,
  context: AttemptContext,
  authHeaders: readonly (readonly [string, string])[],
): Parameters<typeof followRedirects>[1] {
  return {
    url: outgoing.url,
    method: prepared.op.method,
    responses: prepared.op.responses,
    isBodyReplayable: prepared.body.isReplayable,
    hasCustomHeaderCredential: authHeaders.some(([name]) => name.toLowerCase() !== "authorization"),
    send: (url, redirect) => send(context, url, { ...init, redirect }),
  };
}

/** Sorts a thrown error: caller abort and SDK errors propagate; timeouts and network failures are judged. */
function classifyThrown(
  error: unknown,
  where: {
    context: AttemptContext;
    linked: AttemptSignal;
    info: RequestInfo;
    isSent: boolean;
    secrets: readonly string[];
  },
): AttemptFailed {
  const { context, linked, info } = where;
  if (error instanceof HookFailure) throw error.cause;
  if (context.signal?.aborted) throw abortReason(context.signal);
  if (linked.isTimedOut)
    return {
      failure: { kind: "timeout" },
      error: new TimeoutError(info, context.timeoutMs),
    };
  if (error instanceof SdkError) throw error;
  // What fetch throws about the request may quote it (a header value, a URL with a query key).
  if (!isNetworkError(error)) throw redactThrown(error, where.secrets);
  const isBeforeSend = !where.isSent && hasNotSentCode(error);
  const detail = where.isSent
    ? "Connection lost while reading the response"
    : `Connection failed: ${describeCause(error)}`;
  return {
    failure: { kind: "connection", isBeforeSend },
    error: new ConnectionError(info, detail, { cause: error, secrets: where.secrets }),
  };
}

/**
 * fetch and body reads report network trouble as TypeError (or DOMException "NetworkError"). A
 * TypeError about the request itself (a body on GET, a bad header value) is not network trouble:
 * it would fail the same way on every retry, so it is thrown as it is.
 */
function isNetworkError(error: unknown): boolean {
  if (error instanceof TypeError && isInvalidRequest(error)) return false;
  return (
    error instanceof TypeError ||
    (error instanceof Error &&
      /network|socket|terminated|ECONN/i.test(`${error.name} ${error.message}`))
  );
}

/** Messages of fetch implementations refusing a request before any network activity. */
function isInvalidRequest(error: TypeError): boolean {
  return (
    error.cause === undefined &&
    /cannot have body|invalid (header|method|url)|is not a valid|headers? (name|value)/i.test(
      error.message,
    )
  );
}

/** True when the error or one of its causes carries a code that means "never connected". */
function hasNotSentCode(error: unknown, depth = 0): boolean {
  if (depth > 5 || error === null || typeof error !== "object") return false;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === "string" && NOT_SENT_CODES.has(code)) return true;
  if (Array.isArray(errors) && errors.some((inner) => hasNotSentCode(inner, depth + 1)))
    return true;
  return hasNotSentCode(cause, depth + 1);
}

/** The innermost useful message: undici's "fetch failed" hides "connect ECONNREFUSED ..." in its cause. */
function describeCause(error: unknown): string {
  let current: unknown = error;
  let message = "network error";
  for (let depth = 0; depth < 5 && current instanceof Error; depth++, current = current.cause) {
    if (current.message) message = current.message;
  }
  return message;
}

/** Carries a hook's own error past the network-error classification untouched. */
class HookFailure {
  readonly cause: unknown;
  constructor(cause: unknown) {
    this.cause = cause;
  }
}
