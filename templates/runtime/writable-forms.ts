// Form bodies (url-encoded, multipart) whose schema has readOnly properties or required constants:
// the body's write plan (write-plans.ts) shapes the value before the form encoder runs. Reached
// only through the encoder a body's descriptor names (BodySpec.encode), so a client whose form
// bodies need no plan never bundles this file.
import { encodeForm, encodeMultipart } from "./body-forms.js";
import type { BodySpec } from "./types.js";
import { applyWritePlan } from "./write-plans.js";

/** application/x-www-form-urlencoded with a write plan, called as `spec.encode(value)`. */
export function encodeWritableForm(this: BodySpec, value: unknown): URLSearchParams | string {
  return encodeForm(this.plan ? applyWritePlan(value, this.plan, this.plans ?? {}) : value);
}

/** multipart/form-data with a write plan, called as `spec.encode(value)`. */
export function encodeWritableMultipart(this: BodySpec, value: unknown): FormData {
  return encodeMultipart(this.plan ? applyWritePlan(value, this.plan, this.plans ?? {}) : value);
}
