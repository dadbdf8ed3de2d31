// Encodes the request body per BodySpec kind: json, form (urlencoded), multipart, binary, text.
import { toWireText } from "./serialize.js";
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
      return { body: encodeForm(value), contentType: spec.mediaType, isReplayable: true };
    case "multipart":
      return { body: encodeMultipart(value), contentType: undefined, isReplayable: true };
    case "binary": {
      const isStream = typeof ReadableStream !== "undefined" && value instanceof ReadableStream;
      return { body: value as BodyInit, contentType: spec.mediaType, isReplayable: !isStream };
    }
  }
}

/** application/x-www-form-urlencoded with form/explode rules: arrays repeat the key, objects spread their keys. */
export function encodeForm(value: unknown): URLSearchParams | string {
  if (value instanceof URLSearchParams || typeof value === "string") return value;
  const form = new URLSearchParams();
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (item === undefined || item === null) continue;
    if (Array.isArray(item)) for (const element of item) form.append(key, toWireText(element));
    else if (isPlainObject(item))
      for (const [innerKey, inner] of Object.entries(item)) {
        if (inner !== undefined && inner !== null) form.append(innerKey, toWireText(inner));
      }
    else form.append(key, toWireText(item));
  }
  return form;
}

/** multipart/form-data: Blobs/Files as is, arrays appended once per item, objects as JSON text. */
export function encodeMultipart(value: unknown): FormData {
  if (value instanceof FormData) return value;
  const form = new FormData();
  const append = (key: string, item: unknown): void => {
    if (item === undefined || item === null) return;
    if (item instanceof Blob) form.append(key, item);
    else form.append(key, toWireText(item));
  };
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (Array.isArray(item)) item.forEach((element) => append(key, element));
    else append(key, item);
  }
  return form;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === "object" &&
    !(value instanceof Date) &&
    !(value instanceof Blob) &&
    !Array.isArray(value)
  );
}
