// Which named schemas hold a node of some kind, directly or through refs: the question the
// read/write split, the date plans and the write plans each ask of a whole API.
import type { NamedSchema, Schema } from "../../model/schema.js";

/**
 * Ids of named schemas containing a node that matches, directly or through refs: one walk over
 * each schema, then the matches spread back to the schemas referring to them (rescanning every
 * schema until nothing changed took one pass per level of refs, a tenth of normalising GitHub).
 * A ref to a schema not in `schemas` never counts.
 */
export function schemasWith(
  schemas: readonly NamedSchema[],
  byId: Map<string, NamedSchema>,
  matches: (s: Schema) => boolean,
): Set<string> {
  const found = new Set<string>();
  const referrers = new Map<string, string[]>();
  for (const named of schemas) {
    forEachNode(named.schema, (s) => {
      if (matches(s)) found.add(named.id);
      if (s.kind === "ref" && byId.has(s.target)) {
        const known = referrers.get(s.target);
        if (known) known.push(named.id);
        else referrers.set(s.target, [named.id]);
      }
    });
  }
  const pending = [...found];
  while (pending.length > 0) {
    for (const referrer of referrers.get(pending.pop()!) ?? []) {
      if (found.has(referrer)) continue;
      found.add(referrer);
      pending.push(referrer);
    }
  }
  return found;
}

/** True when some node of `schema` (not through refs) matches. */
export function containsNode(schema: Schema, matches: (s: Schema) => boolean): boolean {
  let found = false;
  forEachNode(schema, (s) => {
    found ||= matches(s);
  });
  return found;
}

/** `visit` every node of `schema` (not through refs), outermost first. */
export function forEachNode(schema: Schema, visit: (s: Schema) => void): void {
  visit(schema);
  switch (schema.kind) {
    case "array":
      forEachNode(schema.items, visit);
      break;
    case "tuple":
      for (const item of schema.items) forEachNode(item, visit);
      if (schema.rest !== undefined) forEachNode(schema.rest, visit);
      break;
    case "object":
      for (const property of schema.properties) forEachNode(property.schema, visit);
      if (typeof schema.additional === "object") forEachNode(schema.additional, visit);
      break;
    case "union":
      for (const variant of schema.variants) forEachNode(variant, visit);
      break;
    case "intersection":
      for (const part of schema.parts) forEachNode(part, visit);
      break;
  }
}
