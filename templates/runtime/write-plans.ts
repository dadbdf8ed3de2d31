// A JSON request body as the API takes it: readOnly properties removed (a value read from a GET and
// sent back still holds them) and required constants the caller left out filled in. Reached only
// through the encoder a body's descriptor names (BodySpec.plan), so a client whose bodies need no
// plan never bundles this file, and its calls pay nothing for it.
import type { BodySpec, WritePlan } from "./types.js";

/**
 * application/json with a write plan, called as `spec.encode(value)` (BodySpec.encode): the
 * shaped copy as JSON; the caller's value is not changed.
 */
export function encodeWritableJson(this: BodySpec, value: unknown): string {
  return JSON.stringify(this.plan ? applyWritePlan(value, this.plan, this.plans ?? {}) : value);
}

/** A copy of `value` with the plan applied where it applies; parts the plan does not touch are shared. */
export function applyWritePlan(
  value: unknown,
  plan: WritePlan,
  plans: Readonly<Record<string, WritePlan>>,
  depth = 0,
): unknown {
  // Recursive data is bounded by the data itself; the depth only guards against cyclic plans.
  if (depth > 256 || value === null || typeof value !== "object") return value;
  let current = plan;
  if (current.ref !== undefined) {
    const shared = Object.prototype.hasOwnProperty.call(plans, current.ref)
      ? plans[current.ref]
      : undefined;
    if (!shared) return value;
    current = shared;
  }
  if (current.allOf) {
    let shaped: unknown = value;
    for (const part of current.allOf) shaped = applyWritePlan(shaped, part, plans, depth + 1);
    return shaped;
  }
  if (Array.isArray(value))
    return current.items
      ? value.map((item) => applyWritePlan(item, current.items!, plans, depth + 1))
      : value;
  // Blob, Date, typed arrays and the like are values, not objects with properties.
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    if (current.omit?.includes(key)) continue;
    const fieldPlan =
      current.fields && Object.prototype.hasOwnProperty.call(current.fields, key)
        ? current.fields[key]
        : current.values;
    out[key] = fieldPlan ? applyWritePlan(source[key], fieldPlan, plans, depth + 1) : source[key];
  }
  for (const key in current.fill) if (out[key] === undefined) out[key] = current.fill[key];
  return out;
}
