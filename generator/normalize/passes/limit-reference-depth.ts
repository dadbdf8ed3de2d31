// Schemas that reach each other through properties are fine at any count, but the passes and
// views after this one walk them depth-first by recursion: a ring or chain thousands of schemas
// long would exhaust the call stack. Refused here, with the schema where the limit is crossed.
import type { Api } from "../../model/api.js";
import type { Schema } from "../../model/schema.js";
import { report, type NormalizeContext } from "../context.js";

/**
 * Deepest chain of named schemas a depth-first walk may follow: a ring of 1,000 schemas still
 * generates (about half of what the default stack holds); real specs nest a few dozen deep.
 */
export const maxReferenceDepth = 1000;

/** Reports REF006 (an error) when a depth-first walk from any schema goes deeper than the limit; true then. */
export function exceedsReferenceDepth(ctx: NormalizeContext, api: Api): boolean {
  const byId = new Map(api.schemas.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const roots = [
    ...api.operations.flatMap((op) => [
      ...op.parameters.map((p) => p.schema),
      ...(op.requestBody ? [op.requestBody.schema] : []),
      ...op.responses.flatMap((r) => (r.schema ? [r.schema] : [])),
    ]),
    ...api.schemas.map((s): Schema => ({ kind: "ref", target: s.id })),
  ];
  for (const root of roots) {
    // Each frame: the named schemas still to visit below one named schema; the stack's length is the depth.
    const stack: string[][] = [refsIn(root)];
    while (stack.length > 0) {
      const id = stack[stack.length - 1].shift();
      if (id === undefined) {
        stack.pop();
        continue;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      const named = byId.get(id);
      if (!named) continue;
      if (stack.length > maxReferenceDepth) {
        const at = { file: ctx.spec.file, pointer: named.pointer };
        report(
          ctx,
          at,
          "error",
          "REF006",
          `schemas reference each other more than ${maxReferenceDepth} levels deep (through properties, items or compositions); clientgen stops here to stay within bounded work`,
          "shorten the chain of schemas that contain each other",
        );
        return true;
      }
      stack.push(refsIn(named.schema));
    }
  }
  return false;
}

/** Ids of the named schemas `schema` refers to directly (not through another named schema). Iterative. */
function refsIn(schema: Schema): string[] {
  const found: string[] = [];
  const pending = [schema];
  while (pending.length > 0) {
    const s = pending.pop()!;
    switch (s.kind) {
      case "ref":
        found.push(s.target);
        break;
      case "array":
        pending.push(s.items);
        break;
      case "tuple":
        pending.push(...s.items, ...(s.rest ? [s.rest] : []));
        break;
      case "object":
        pending.push(
          ...s.properties.map((p) => p.schema),
          ...(typeof s.additional === "object" ? [s.additional] : []),
        );
        break;
      case "union":
        pending.push(...s.variants);
        break;
      case "intersection":
        pending.push(...s.parts);
        break;
    }
  }
  return found.reverse();
}
