// `.withResponse()` on a call's promise: the parsed body together with the status and the
// headers, the declared ones parsed per their schema. Built only when asked for, so a plain call
// pays one property on its promise and nothing per header.
import type { SendResult } from "./attempt.js";
import { findResponseSpec } from "./response.js";
import type { OperationSpec } from "./types.js";

/** What `.withResponse()` resolves to. */
export interface WithResponse<T, THeaders> {
  /** The parsed body, as the plain call resolves it. */
  readonly data: T;
  readonly status: number;
  /**
   * The response headers the spec declares for this status that the server sent, by lower-cased
   * name; integers, numbers and booleans parsed (a value that does not parse is left out).
   */
  readonly headers: THeaders;
  /** Every header as received. */
  readonly rawHeaders: Headers;
}

/** No declared response header: any name is a type error. */
export type NoHeaders = Record<never, never>;

/** A call's promise: resolves to the body; `.withResponse()` adds status and headers. */
export interface ApiPromise<T, THeaders = NoHeaders> extends Promise<T> {
  withResponse(): Promise<WithResponse<T, THeaders>>;
}

/**
 * Where a body-only send leaves its SendResult: the call's promise resolves to the body itself
 * (no second promise and turn per call to pick it out), and `.withResponse()` reads the rest here.
 */
export interface ResultSink {
  result?: SendResult;
}

/** `sent` (resolving to the body, its SendResult left in `sink`) with `.withResponse()`. */
export function apiPromise<T, THeaders>(
  op: OperationSpec,
  sent: Promise<unknown>,
  sink: ResultSink,
): ApiPromise<T, THeaders> {
  const promise = sent as ApiPromise<T, THeaders>;
  promise.withResponse = () => {
    // The caller awaits this one instead: the body promise's rejection is theirs to see here.
    promise.catch(ignore);
    return promise.then(() => withResponseOf<T, THeaders>(op, sink.result!));
  };
  return promise;
}

/** `result` as `.withResponse()` gives it. */
export function withResponseOf<T, THeaders>(
  op: Pick<OperationSpec, "responses">,
  result: SendResult,
): WithResponse<T, THeaders> {
  const declared = findResponseSpec(op.responses, result.status)?.headers ?? {};
  const headers: Record<string, unknown> = {};
  for (const name of Object.keys(declared)) {
    const text = result.headers.get(name);
    const value = text === null ? undefined : parseHeader(declared[name], text);
    if (value !== undefined) headers[name] = value;
  }
  return {
    data: result.body as T,
    status: result.status,
    headers: headers as THeaders,
    rawHeaders: result.headers,
  };
}

/**
 * A declared header's value as its kind says; undefined when it does not parse as that kind.
 * (Headers hands values over trimmed.)
 */
function parseHeader(kind: string, text: string): unknown {
  if (kind === "number") return text && isFinite(+text) ? +text : undefined;
  if (kind !== "boolean") return text;
  return /^(true|false)$/i.test(text) ? /^t/i.test(text) : undefined;
}

function ignore(): void {}
