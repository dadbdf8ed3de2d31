// Turns an operation and its arguments into what fetch needs. Built once per call; the credential
// is added per attempt (a token function may rotate it), and a redacted twin for hooks.
import { redact } from "./error-details.js";
import { ownValue } from "./field-path.js";
import { serializeParams } from "./params.js";
import type { AppliedAuth, AuthSpec, OperationSpec } from "./types.js";

/** The credential-free part of a request, shared by every attempt. */
export interface PreparedRequest {
  readonly op: OperationSpec;
  /** Base URL, filled path and query; no credential. */
  readonly url: string;
  /**
   * Accept, Content-Type, header and cookie parameters: defaults the caller's headers override.
   * Names lower-cased (fetch lower-cases them too); a plain record, which fetch copies more
   * cheaply than a Headers object.
   */
  readonly headers: Readonly<Record<string, string>>;
  /** The client's then the call's headers, names lower-cased, applied last; undefined: none. */
  readonly callerHeaders: Readonly<Record<string, string>> | undefined;
  readonly body: BodyInit | undefined;
  /** False for a streamed body: the first attempt consumes it (no retry, no 307/308). */
  readonly isReplayable: boolean;
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
  const args = (op.constants ? op.constants.fill(callArgs) : callArgs) as
    Readonly<Record<string, unknown>> | undefined;
  const headers: Record<string, string> = {};
  const accept = acceptOf(op);
  if (accept) headers.accept = accept;
  const spec = op.body;
  const value = spec && ownValue(args, spec.bodyArg ?? "body");
  // The encoder the descriptor names (body.ts, body-forms.ts); multipart's Content-Type is fetch's
  // (it adds the boundary).
  const body = value === undefined ? undefined : spec!.encode(value);
  if (body !== undefined && spec!.kind !== "multipart") headers["content-type"] = spec!.mediaType;
  const path = serializeParams(op, args, headers);
  return {
    op,
    url: (baseUrl.endsWith("/") ? baseUrl.replace(/\/+$/, "") : baseUrl) + path,
    headers,
    callerHeaders: callerHeadersOf(clientHeaders, callHeaders),
    body,
    isReplayable: !(typeof ReadableStream !== "undefined" && body instanceof ReadableStream),
  };
}

/**
 * One attempt's headers: the defaults, then the credential, then the caller's own headers (which
 * win). The Cookie header joins the caller's, the parameters' and the credential's cookies.
 */
export function headersOf(
  prepared: PreparedRequest,
  auth: AppliedAuth | undefined,
): Record<string, string> {
  const headers = { ...prepared.headers };
  const caller = prepared.callerHeaders;
  if (auth?.in === "header") headers[auth.name.toLowerCase()] = auth.value;
  if (caller) Object.assign(headers, caller);
  if (auth?.in === "cookie" || (caller?.cookie && prepared.headers.cookie))
    headers.cookie = [
      caller?.cookie,
      prepared.headers.cookie,
      auth?.in === "cookie" && `${auth.name}=${auth.value}`,
    ]
      .filter(Boolean)
      .join("; ");
  return headers;
}

/**
 * The headers as hooks see them: credential headers (those `schemes`, the operation's security,
 * place a key in) and the credential's cookie say "[redacted]".
 */
export function redactedHeadersOf(
  prepared: PreparedRequest,
  auth: AppliedAuth | undefined,
  schemes: readonly AuthSpec[],
): Record<string, string> {
  const headers = headersOf(prepared, auth && { ...auth, value: "[redacted]" });
  for (const name in headers)
    headers[name] =
      name === "authorization" ||
      name === "proxy-authorization" ||
      schemes.some(
        (scheme) =>
          scheme.type === "apiKey" && scheme.in === "header" && scheme.name.toLowerCase() === name,
      )
        ? "[redacted]"
        : redact(headers[name], auth?.secrets ?? []);
  return headers;
}

/** Client headers then per-call headers, names lower-cased (none: undefined). */
export function callerHeadersOf(
  clientHeaders: Readonly<Record<string, string>> | undefined,
  callHeaders: Readonly<Record<string, string>> | undefined,
): Record<string, string> | undefined {
  if (!clientHeaders && !callHeaders) return undefined;
  const headers: Record<string, string> = {};
  for (const source of [clientHeaders, callHeaders])
    for (const name in source) headers[name.toLowerCase()] = source[name];
  return headers;
}

/** An operation's Accept header never changes: computed once per descriptor. */
const acceptCache = new WeakMap<OperationSpec, string>();

/**
 * Accept lists what the operation's responses declare, success first: a text/event-stream or CSV
 * download must not be refused by a server that only offers that type (406).
 */
function acceptOf(op: OperationSpec): string {
  let accept = acceptCache.get(op);
  if (accept === undefined) {
    const types = new Set<string>();
    for (const isSuccess of [true, false])
      for (const response of op.responses) {
        const type = response.mediaType ?? (response.kind === "json" ? "application/json" : "");
        if (type && response.status.startsWith("2") === isSuccess) types.add(type);
      }
    acceptCache.set(op, (accept = [...types].join(", ")));
  }
  return accept;
}
