// Encodes the request body with the encoder its descriptor names (BodySpec.encode): JSON, text
// and binary here, forms and multipart in body-forms.ts. A bundle keeps only the encoders its
// calls' descriptors name, and a call without a body none.
import type { BodySpec } from "./types.js";

/** The argument key that holds the body when BodySpec.bodyArg is not set. */
export const DEFAULT_BODY_ARG = "body";

/** A body ready for fetch. */
export interface EncodedBody {
  readonly body: BodyInit | undefined;
  /** Content-Type to send; undefined for multipart, where fetch adds the boundary. */
  readonly contentType: string | undefined;
  /** False for a ReadableStream: it is consumed by the first attempt, so the call cannot be retried. */
  readonly isReplayable: boolean;
}

/** Encodes `value` as `spec` says; no spec or an undefined value sends no body. */
export function encodeBody(spec: BodySpec | undefined, value: unknown): EncodedBody {
  if (!spec || value === undefined)
    return { body: undefined, contentType: undefined, isReplayable: true };
  const body = spec.encode(value);
  const isStream = typeof ReadableStream !== "undefined" && body instanceof ReadableStream;
  return {
    body,
    contentType: spec.kind === "multipart" ? undefined : spec.mediaType,
    isReplayable: !isStream,
  };
}

/** application/json and its kin. */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value);
}

/** A structured value under a text media type goes as JSON text, never as "[object Object]". */
export function encodeText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Blob, ArrayBuffer, typed array or stream, sent as it is. */
export function encodeBinary(value: unknown): BodyInit {
  return value as BodyInit;
}
