// One HTTP attempt: credential, hooks, fetch under the timeout linked to the caller's signal,
// redirects, body read. A failure becomes its typed error, which the retry policy judges: the next
// attempt after a wait, or the error thrown. The caller's abort and what must not be retried (a
// hook's error, a success body that does not parse) are thrown at once.
import { raceAbort, reasonOf } from "./abort-listeners.js";
import { applyAuth, credentialOf, resolveCredential } from "./auth.js";
import { sleepUnlessAborted } from "./delay.js";
import { redact } from "./error-details.js";
import { ConnectionError, SdkError, TimeoutError, createApiError } from "./errors.js";
import type { ApiError, RequestInfo } from "./errors.js";
import { followRedirects } from "./redirects.js";
import { headersOf, redactedHeadersOf } from "./request-builder.js";
import type { PreparedRequest } from "./request-builder.js";
import type { ResultSink } from "./response-meta.js";
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  parseSuccessBody,
  planOf,
  readErrorBody,
  readSuccessBody,
} from "./response.js";
import { parseRetryAfterMs, resolveRetryOptions, retryDelayMs } from "./retry.js";
import type { AttemptFailure } from "./retry.js";
import { MAX_TIMER_MS, attemptSignal } from "./signals.js";
import type { Transport } from "./transport.js";
import type { AppliedAuth, AuthSpec, RequestContext, RequestOptions } from "./types.js";

/** A response that was read in full. */
export interface SendResult {
  readonly body: unknown;
  readonly status: number;
  readonly headers: Headers;
  /** The credential forms the request carried, so callers can scrub bodies that echo them. */
  readonly secrets?: readonly string[];
}

/**
 * Per-attempt timeout when neither the client nor the call sets one: none. A timeout that really
 * aborts needs a signal, and Node's fetch charges for any signal it is given (a listener and a
 * finalizer per request, 5-12% of a loopback request's CPU): a call that asks for no timeout
 * pays for none. Node's fetch still gives up after 300 s without headers or body bytes.
 */
export const DEFAULT_TIMEOUT_MS = Infinity;

const NO_SECRETS: readonly string[] = [];

/**
 * Sends attempt `attempt` of `prepared` and, while the retry policy allows, the ones after it.
 * Resolves to the SendResult, or with a `sink` to the body alone (the SendResult left in the sink).
 * Kept lean: an async function's suspended frame is allocated per call and sized by its locals,
 * so what most calls never do (hooks, redirects, error responses, retries) lives in helpers.
 */
export function sendAttempt(
  transport: Transport,
  prepared: PreparedRequest,
  options: RequestOptions,
  attempt: number,
): Promise<SendResult>;
export function sendAttempt(
  transport: Transport,
  prepared: PreparedRequest,
  options: RequestOptions,
  attempt: number,
  sink: ResultSink | undefined,
): Promise<unknown>;
export async function sendAttempt(
  transport: Transport,
  prepared: PreparedRequest,
  options: RequestOptions,
  attempt: number,
  sink?: ResultSink,
): Promise<unknown> {
  const { op } = prepared;
  const client = transport.clientOptions;
  const { apiKey } = client;
  const { signal } = options;
  // A plain key needs no await: a request without async work in front of fetch starts sooner.
  // A key function may hang (a token refresh): the caller's abort must still end the call.
  // A descriptor without `auth` holds the API's security, which the core gave the Transport.
  const schemes = op.auth ?? transport.auth;
  const auth = applyAuth(
    schemes,
    typeof apiKey === "function"
      ? await raceAbort(resolveCredential(apiKey), signal)
      : credentialOf(apiKey),
  );
  const secrets = auth?.secrets ?? NO_SECRETS;
  const info: RequestInfo = {
    operationId: op.id,
    method: op.method,
    url: auth ? redact(prepared.url, secrets) : prepared.url,
  };
  // Hook contexts (and their redacted headers) are built only for hooks that exist.
  const hooked =
    client.onRequest || client.onResponse
      ? await runRequestHook(transport, prepared, schemes, auth, info, signal, attempt)
      : undefined;
  const timeoutMs = options.timeoutMs ?? client.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const linked = timeoutMs <= MAX_TIMER_MS ? attemptSignal(signal, timeoutMs) : undefined;
  const maxBytes =
    options.maxResponseBytes ?? client.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  let isSent = false;
  let failure: AttemptFailure;
  let error: Error;
  try {
    const url =
      auth?.in === "query"
        ? `${prepared.url}${prepared.url.includes("?") ? "&" : "?"}${encodeURIComponent(auth.name)}=${auth.value}`
        : prepared.url;
    const init: RequestInit & { duplex?: "half" } = {
      method: op.method,
      headers: headersOf(prepared, auth),
      body: prepared.body,
      signal: linked?.signal ?? signal,
      // The runtime follows redirects itself, by rules that keep credentials on the origin.
      redirect: "manual",
    };
    // A streamed request body (the only kind that cannot be replayed) needs duplex "half" in
    // Node's fetch (and the spec); others ignore it.
    if (!prepared.isReplayable) init.duplex = "half";
    const send = client.fetch ?? fetch;
    let response = await send(url, init);
    let reason: string | undefined;
    // Only a 3xx (or a browser's opaque redirect, status 0) takes the redirect path.
    if (response.status < 400 && (response.status >= 300 || response.status === 0))
      [response, reason] = await followRedirects(response, url, init, op, auth, send);
    isSent = true;
    if (hooked) await runResponseHook(transport, hooked, response, secrets, signal);
    const { status } = response;
    const plan = reason === undefined ? planOf(op.responses, status) : undefined;
    if (plan?.isResult) {
      const read = await readSuccessBody(response, plan.spec, info, maxBytes);
      const body = parseSuccessBody(read, response, plan.spec, op, info, secrets);
      const result = { body, status, headers: response.headers, secrets };
      if (!sink) return result;
      sink.result = result;
      return body;
    }
    failure = error = await statusError(
      transport,
      response,
      reason,
      linked?.signal ?? signal,
      info,
      maxBytes,
      secrets,
    );
  } catch (thrown) {
    if (thrown instanceof HookFailure) throw thrown.cause;
    if (signal?.aborted) throw reasonOf(signal);
    // The causes matter only while nothing was sent: the reason, and whether it never left.
    const cause = isSent ? undefined : connectionCause(thrown);
    if (linked?.isTimedOut) error = new TimeoutError(info, timeoutMs);
    else if (thrown instanceof SdkError) throw thrown;
    // What fetch throws about the request may quote it (a header value, a URL with a query key).
    else if (!isNetworkError(thrown)) throw redact(thrown, secrets);
    else
      error = new ConnectionError(
        info,
        cause
          ? `Connection failed: ${cause.message}`
          : "Connection lost while reading the response",
        { cause: thrown, secrets },
      );
    failure = { isNotSent: cause?.isNotSent === true };
  } finally {
    linked?.dispose();
  }
  return retryOrThrow(transport, prepared, options, attempt, failure, error, sink);
}

/** The next attempt after the policy's wait, or `error` thrown when the policy gives up. */
async function retryOrThrow(
  transport: Transport,
  prepared: PreparedRequest,
  options: RequestOptions,
  attempt: number,
  failure: AttemptFailure,
  error: Error,
  sink: ResultSink | undefined,
): Promise<unknown> {
  const { op } = prepared;
  // A descriptor without `retry` follows the API's policy, which the core gave the Transport.
  const spec = op.retry ?? transport.retry;
  // A streamed body is consumed by the first attempt: there is nothing left to send again.
  const delayMs = prepared.isReplayable
    ? retryDelayMs(
        op,
        spec,
        failure,
        attempt,
        resolveRetryOptions(spec, transport.clientOptions.retry, options.retry),
        transport.random,
      )
    : undefined;
  if (delayMs === undefined) throw error;
  await sleepUnlessAborted(transport.sleep, delayMs, options.signal);
  return sendAttempt(transport, prepared, options, attempt + 1, sink);
}

/** A status the operation does not declare as a result (or an unfollowed redirect): its typed error. */
async function statusError(
  transport: Transport,
  response: Response,
  reason: string | undefined,
  signal: AbortSignal | undefined,
  info: RequestInfo,
  maxBytes: number,
  secrets: readonly string[],
): Promise<ApiError> {
  const { status, headers } = response;
  return createApiError(
    {
      ...info,
      status,
      statusText: response.statusText,
      headers,
      body: await readErrorBody(response, signal, maxBytes, info),
      retryAfterMs: parseRetryAfterMs(headers, transport.now),
      location: headers.get("location") ?? undefined,
      reason,
    },
    secrets,
  );
}

/** Runs the request hook (if any) on the attempt's context; gives it and when the request starts. */
async function runRequestHook(
  transport: Transport,
  prepared: PreparedRequest,
  schemes: readonly AuthSpec[],
  auth: AppliedAuth | undefined,
  info: RequestInfo,
  signal: AbortSignal | undefined,
  attempt: number,
): Promise<[RequestContext, number]> {
  const context: RequestContext = {
    operationId: info.operationId,
    method: info.method,
    url: info.url,
    headers: redactedHeadersOf(prepared, auth, schemes),
    attempt,
  };
  const { onRequest } = transport.clientOptions;
  if (onRequest) await raceAbort(onRequest(context), signal);
  return [context, transport.now()];
}

/** Runs the response hook (if any); its own error is carried past the network-error classification. */
async function runResponseHook(
  transport: Transport,
  [context, startedAt]: [RequestContext, number],
  response: Response,
  secrets: readonly string[],
  signal: AbortSignal | undefined,
): Promise<void> {
  const { onResponse } = transport.clientOptions;
  if (!onResponse) return;
  try {
    // Fields listed, not spread: `{ ...context }` took a slow generic copy on Node 20 that cost
    // about as much as the rest of the runtime's work per call (~8 µs).
    await raceAbort(
      onResponse({
        operationId: context.operationId,
        method: context.method,
        url: context.url,
        headers: context.headers,
        attempt: context.attempt,
        status: response.status,
        responseHeaders: redact(response.headers, secrets),
        durationMs: transport.now() - startedAt,
      }),
      signal,
    );
  } catch (error) {
    throw new HookFailure(error);
  }
}

/**
 * fetch and body reads report network trouble as TypeError (or DOMException "NetworkError"). A
 * TypeError about the request itself (a body on GET, a bad header value) is not network trouble:
 * it would fail the same way on every retry, so it is thrown as it is.
 */
function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError
    ? error.cause !== undefined ||
        !/cannot have body|invalid (header|method|url)|is not a valid|headers? (name|value)/i.test(
          error.message,
        )
    : error instanceof Error &&
        /network|socket|terminated|ECONN/i.test(`${error.name} ${error.message}`);
}

/** Codes (Node/undici, Bun) that mean the connection was never made. */
const NOT_SENT_CODE =
  /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|UND_ERR_CONNECT_TIMEOUT|ConnectionRefused)$/;

/**
 * One walk down a network failure's causes: the innermost message (undici's "fetch failed" hides
 * "connect ECONNREFUSED ..." in its cause), and whether the error, a cause or an AggregateError's
 * errors (Node's attempts per address) carries a code that says the connection was never made,
 * so the server cannot have seen the request. Browsers expose no codes: there every network
 * failure counts as "maybe sent".
 */
function connectionCause(error: unknown): { message: string; isNotSent: boolean } {
  let innermost = error as Error;
  let isNotSent = false;
  let link = error;
  for (let depth = 0; depth <= 5 && typeof link === "object" && link !== null; depth++) {
    const { code, cause, errors } = link as { code?: unknown; cause?: unknown; errors?: unknown };
    isNotSent ||=
      NOT_SENT_CODE.test(String(code)) ||
      (Array.isArray(errors) &&
        errors.some((inner) => NOT_SENT_CODE.test(String((inner as { code?: unknown })?.code))));
    // The message comes from the chain of Errors only, as far as it goes unbroken.
    if (link === innermost && cause instanceof Error) innermost = cause;
    link = cause;
  }
  return { message: innermost.message || (error as Error).message, isNotSent };
}

/** Carries a hook's own error past the network-error classification untouched. */
class HookFailure {
  declare readonly cause: unknown;
  constructor(cause: unknown) {
    this.cause = cause;
  }
}
