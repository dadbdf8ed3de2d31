// Turns an operation and its arguments into what fetch needs. Built once per call; the credential
// is added per attempt (a token function may rotate it), with a redacted twin for hooks and errors.
import { credentialHeaderNames } from "./auth.js";
import type { AppliedAuth } from "./auth.js";
import { DEFAULT_BODY_ARG, encodeBody } from "./body.js";
import type { EncodedBody } from "./body.js";
import { redactText } from "./error-details.js";
import { ownValue } from "./field-path.js";
import { serializeParams } from "./params.js";
import type { OperationSpec } from "./types.js";

/** The credential-free part of a request, shared by every attempt. */
export interface PreparedRequest {
  readonly op: OperationSpec;
  /** Base URL + filled path, no query. */
  readonly urlWithoutQuery: string;
  readonly query: readonly string[];
  /** Accept, Content-Type and header parameters: defaults the caller's headers may override. */
  readonly defaultHeaders: readonly (readonly [string, string])[];
  /** Client headers then per-call headers, applied last (case-insensitively). */
  readonly callerHeaders: readonly (readonly [string, string])[];
  readonly cookies: readonly string[];
  readonly body: EncodedBody;
}

/** One attempt's request: the real URL and headers, and redacted ones for hooks and errors. */
export interface OutgoingRequest {
  readonly url: string;
  /** The URL without query credentials. */
  readonly safeUrl: string;
  /**
   * Header names lower-cased (names are case-insensitive; fetch lower-cases them too). A plain
   * record: fetch copies it more cheaply than a Headers object, which it would iterate and sort.
   */
  readonly headers: Readonly<Record<string, string>>;
  /** The headers as hooks may see them (credentials redacted); computed only when a hook asks. */
  redactedHeaders(): Readonly<Record<string, string>>;
}

/** Validates and encodes everything but the credential; throws TypeError for a missing path parameter. */
export function prepareRequest(
  op: OperationSpec,
  callArgs: object | undefined,
  baseUrl: string,
  clientHeaders: Readonly<Record<string, string>> | undefined,
  callHeaders: Readonly<Record<string, string>> | undefined,
): PreparedRequest {
  // Generated argument interfaces have no index signature; read them as a plain record.
  const args = callArgs as Readonly<Record<string, unknown>> | undefined;
  const params = serializeParams(op, args);
  const body =
    op.body === undefined
      ? NO_BODY
      : encodeBody(op.body, ownValue(args, op.body.bodyArg ?? DEFAULT_BODY_ARG));
  // Most calls add nothing to the operation's Accept: they share its one list.
  let defaultHeaders = cachedAcceptHeadersOf(op);
  if (body.contentType !== undefined || params.headers.length > 0) {
    const added = [...defaultHeaders];
    if (body.contentType !== undefined) added.push(["content-type", body.contentType]);
    for (const header of params.headers) added.push(header);
    defaultHeaders = added;
  }
  const path = params.path.startsWith("/") ? params.path : `/${params.path}`;
  return {
    op,
    urlWithoutQuery: (baseUrl.endsWith("/") ? baseUrl.replace(/\/+$/, "") : baseUrl) + path,
    query: params.query,
    defaultHeaders,
    callerHeaders: callerHeadersOf(clientHeaders, callHeaders),
    cookies: params.cookies,
    body,
  };
}

/** Adds the credential: defaults, then auth, then the caller's own headers (which win). */
export function finalizeRequest(prepared: PreparedRequest, auth: AppliedAuth): OutgoingRequest {
  const headers: Record<string, string> = {};
  setHeaders(headers, prepared.defaultHeaders);
  setHeaders(headers, auth.headers);
  setHeaders(headers, prepared.callerHeaders);
  const cookies = headers.cookie ? [headers.cookie, ...prepared.cookies] : prepared.cookies;
  if (cookies.length + auth.cookies.length > 0)
    headers.cookie = [...cookies, ...auth.cookies.map(authCookie)].join("; ");
  const safeUrl = withQuery(prepared.urlWithoutQuery, prepared.query);
  const url =
    auth.query.length === 0
      ? safeUrl
      : withQuery(prepared.urlWithoutQuery, [...prepared.query, ...auth.query.map(queryPiece)]);
  return new Outgoing(url, redactText(safeUrl, auth.secrets), headers, prepared, auth, cookies);
}

/**
 * A class rather than an object literal with a closure: a plain call builds it once per attempt
 * and never asks for the redacted headers, so it should cost no closure context.
 */
class Outgoing implements OutgoingRequest {
  readonly url: string;
  readonly safeUrl: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly #prepared: PreparedRequest;
  readonly #auth: AppliedAuth;
  /** The Cookie header's pieces other than the credential's. */
  readonly #cookies: readonly string[];

  constructor(
    url: string,
    safeUrl: string,
    headers: Readonly<Record<string, string>>,
    prepared: PreparedRequest,
    auth: AppliedAuth,
    cookies: readonly string[],
  ) {
    this.url = url;
    this.safeUrl = safeUrl;
    this.headers = headers;
    this.#prepared = prepared;
    this.#auth = auth;
    this.#cookies = cookies;
  }

  redactedHeaders(): Record<string, string> {
    const { headers } = this;
    const auth = this.#auth;
    const credentialNames = credentialHeaderNames(this.#prepared.op.auth);
    const redacted: Record<string, string> = {};
    for (const name of Object.keys(headers)) {
      redacted[name] = credentialNames.has(name)
        ? "[redacted]"
        : redactText(headers[name], auth.secrets);
    }
    if (auth.cookies.length > 0) {
      redacted.cookie = [
        ...this.#cookies.map((cookie) => redactText(cookie, auth.secrets)),
        ...auth.cookies.map(([name]) => `${name}=[redacted]`),
      ].join("; ");
    }
    return redacted;
  }
}

/**
 * Adds `pairs` under lower-cased names. An indexed loop: destructuring `[name, value]` in a for-of
 * walks an iterator per pair, and this runs for every request.
 */
function setHeaders(
  headers: Record<string, string>,
  pairs: readonly (readonly [string, string])[],
): void {
  for (let index = 0; index < pairs.length; index++) {
    const pair = pairs[index];
    headers[pair[0].toLowerCase()] = pair[1];
  }
}

function authCookie([name, value]: readonly [string, string]): string {
  return `${name}=${encodeURIComponent(value)}`;
}

function queryPiece([name, value]: readonly [string, string]): string {
  return `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
}

function withQuery(urlWithoutQuery: string, pieces: readonly string[]): string {
  return pieces.length === 0 ? urlWithoutQuery : `${urlWithoutQuery}?${pieces.join("&")}`;
}

/** Client headers then per-call headers, as pairs (none: one shared empty list). */
export function callerHeadersOf(
  clientHeaders: Readonly<Record<string, string>> | undefined,
  callHeaders: Readonly<Record<string, string>> | undefined,
): readonly (readonly [string, string])[] {
  if (clientHeaders === undefined && callHeaders === undefined) return NO_HEADERS;
  return [...Object.entries(clientHeaders ?? {}), ...Object.entries(callHeaders ?? {})];
}

const NO_HEADERS: readonly (readonly [string, string])[] = [];

/** What an operation without a request body sends (shared: it is never modified). */
const NO_BODY: EncodedBody = Object.freeze({
  body: undefined,
  contentType: undefined,
  isReplayable: true,
});

/** An operation's Accept header never changes: computed once per descriptor (never modified). */
const acceptCache = new WeakMap<OperationSpec, readonly (readonly [string, string])[]>();

/** The operation's Accept as a header list (empty when it declares no media type). */
function cachedAcceptHeadersOf(op: OperationSpec): readonly (readonly [string, string])[] {
  let headers = acceptCache.get(op);
  if (headers === undefined) {
    const accept = acceptOf(op);
    // Lower-cased like every header name fetch gets (finalizeRequest then lower-cases for free).
    headers = accept === undefined ? [] : [["accept", accept]];
    acceptCache.set(op, headers);
  }
  return headers;
}

/**
 * Accept lists what the operation's responses declare, success first: a text/event-stream or CSV
 * download must not be refused by a server that only offers that type (406).
 */
function acceptOf(op: OperationSpec): string | undefined {
  const types: string[] = [];
  const ordered = [...op.responses].sort(
    (a, b) => Number(!a.status.startsWith("2")) - Number(!b.status.startsWith("2")),
  );
  for (const response of ordered) {
    const type = response.mediaType ?? (response.kind === "json" ? "application/json" : undefined);
    if (type !== undefined && !types.includes(type)) types.push(type);
  }
  return types.length > 0 ? types.join(", ") : undefined;
}
