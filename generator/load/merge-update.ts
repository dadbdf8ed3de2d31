// The Overlay 1.0 `update` semantics: objects merge recursively (update wins), arrays are
// appended to, anything else is replaced.
import { own, type EditableDocument } from "./copy-on-write.js";

/** Apply `update` to the writable container `target`. */
export function applyUpdate(doc: EditableDocument, target: Record<string, unknown> | unknown[], update: unknown): void {
  if (Array.isArray(target)) {
    // "If the target selects an array, the value MUST be an entry to append". A list is taken as
    // several entries (as tools do for `target: $.tags, update: [...]`), not one nested list.
    target.push(...(Array.isArray(update) ? update : [update]).map(fresh));
    return;
  }
  mergeObject(doc, target, update as Record<string, unknown>);
}

function mergeObject(doc: EditableDocument, target: Record<string, unknown>, update: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(update)) {
    const existing = target[key];
    if (isRecord(value) && isRecord(existing)) {
      const child = own(doc, existing) as Record<string, unknown>;
      target[key] = child;
      mergeObject(doc, child, value);
    } else if (Array.isArray(value) && Array.isArray(existing)) {
      target[key] = [...existing, ...value.map(fresh)];
    } else {
      // null included: Overlay 1.0 has no "delete by null"; `remove: true` does that.
      target[key] = fresh(value);
    }
  }
}

/** A private copy of overlay data: one update applied to several targets must not share objects. */
function fresh(value: unknown): unknown {
  return value !== null && typeof value === "object" ? structuredClone(value) : value;
}

/** A mapping (not a list, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
