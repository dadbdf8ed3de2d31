// The request body encoders descriptors name (BodySpec.encode, called by request-builder.ts):
// JSON, text and binary here, forms and multipart in body-forms.ts. A bundle keeps only the
// encoders its calls' descriptors name, and a call without a body none.

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
