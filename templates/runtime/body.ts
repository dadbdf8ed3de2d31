// Encodes the request body per BodySpec kind: json, form (urlencoded), multipart, binary, text.
// Forms and multipart are encoded by the function their descriptor names (body-forms.ts), so
// clients without such bodies never bundle those encoders.
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
  switch (spec.kind) {
    case "json":
      return { body: JSON.stringify(value), contentType: spec.mediaType, isReplayable: true };
    case "text":
      // A structured value under a text media type goes as JSON text, never as "[object Object]".
      return {
        body: typeof value === "string" ? value : JSON.stringify(value),
        contentType: spec.mediaType,
        isReplayable: true,
      };
    case "form":
      return { body: spec.encode(value), contentType: spec.mediaType, isReplayable: true };
    case "multipart":
      return { body: spec.encode(value), contentType: undefined, isReplayable: true };
    case "binary": {
      const isStream = typeof ReadableStream !== "undefined" && value instanceof ReadableStream;
      return { body: value as BodyInit, contentType: spec.mediaType, isReplayable: !isStream };
    }
  }
}
