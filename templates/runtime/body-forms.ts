// Form bodies: application/x-www-form-urlencoded and multipart/form-data. A descriptor names the
// encoder its body needs (BodySpec.encode), so only clients that send such bodies bundle these.
import { toWireText } from "./params.js";

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
