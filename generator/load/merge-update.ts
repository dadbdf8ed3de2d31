// The Overlay 1.0 `update` semantics: objects merge recursively (update wins), arrays are
// appended to, anything else is replaced.
import { own, type EditableDocument } from "./copy-on-write.js";
import { isObject } from "../shared/is-object.js";

/** Apply `update` to the writable container `target`. */
export function applyUpdate(
  doc: EditableDocument,
  target: Record<string, unknown> | unknown[],
  update: unknown,
): void {
  if (Array.isArray(target)) {
    // "If the target selects an array, the value MUST be an entry to append". A list is taken as
    // several entries (as tools do for `target: $.tags, update: [...]`), not one nested list.
    target.push(...(Array.isArray(update) ? update : [update]).map(fresh));
    return;
  }
  mergeObject(doc, target, update as Record<string, unknown>);
}

function mergeObject(
  doc: EditableDocument,
  target: Record<string, unknown>,
  update: Record<string, unknown>,
): void {
  for (const [key, value] of Object.entries(update)) {
    // Own entries only, both ways: a key `__proto__` in an update is data, never the target's prototype.
    const existing = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isObject(value) && isObject(existing)) {
      const child = own(doc, existing) as Record<string, unknown>;
      setOwn(target, key, child);
      mergeObject(doc, child, value);
    } else if (Array.isArray(value) && Array.isArray(existing)) {
      setOwn(target, key, [...existing, ...value.map(fresh)]);
    } else {
      // null included: Overlay 1.0 has no "delete by null"; `remove: true` does that.
      setOwn(target, key, fresh(value));
    }
  }
}

/** `target[key] = value` as an own data property: plain assignment to `__proto__` would call its setter. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    value,
    writable: true,
  });
}

/** A private copy of overlay data: one update applied to several targets must not share objects. */
function fresh(value: unknown): unknown {
  return value !== null && typeof value === "object" ? structuredClone(value) : value;
}
