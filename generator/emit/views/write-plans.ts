// What the runtime changes in a JSON or form request body before sending it (templates/runtime/
// write-plans.ts): the readOnly properties the request view left out (a value read from a GET and
// sent back still holds them) are removed, the constants it made optional are filled in. One shared
// plan per named schema that needs one (by name, so recursive schemas work), inline plans for the
// rest; nothing at all for bodies that need none, which keep the plain JSON encoder.
import type { Api, BodyKind } from "../../model/api.js";
import type { NamedSchema, Schema } from "../../model/schema.js";
import type { WritePlan } from "../../../templates/runtime/types.js";
import { schemasWith } from "../../normalize/passes/schemas-with.js";

export interface WritePlans {
  /** Plan of a request body's schema (its request view); undefined when nothing changes. */
  planOf(schema: Schema): WritePlan | undefined;
  /** Shared plans by schema name that the JSON bodies' plans name (empty when none does). */
  table: Record<string, WritePlan>;
}

export function writePlans(api: Api): WritePlans {
  const byId = new Map(api.schemas.map((s) => [s.id, s]));
  const planned = plannedSchemas(api.schemas, byId);
  const planOf = (schema: Schema): WritePlan | undefined => plan(schema, planned, byId);
  const byName = new Map<string, WritePlan>();
  for (const named of api.schemas) {
    if (!planned.has(named.id)) continue;
    const own = planOf(named.schema);
    if (own) byName.set(named.name, own);
  }
  const table: Record<string, WritePlan> = {};
  const name = (p: WritePlan): void => {
    if (p.ref !== undefined && !(p.ref in table) && byName.has(p.ref)) {
      table[p.ref] = byName.get(p.ref)!;
      name(table[p.ref]!);
    }
    for (const inner of [
      ...(p.allOf ?? []),
      ...Object.values(p.fields ?? {}),
      ...(p.items ? [p.items] : []),
      ...(p.values ? [p.values] : []),
    ])
      name(inner);
  };
  for (const op of api.operations) {
    const body =
      op.requestBody && isPlannedBody(op.requestBody.kind)
        ? planOf(op.requestBody.schema)
        : undefined;
    if (body) name(body);
  }
  return {
    planOf,
    table: Object.fromEntries(Object.entries(table).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

/** Bodies the runtime shapes with a plan: JSON, and forms (their fields are the schema's properties). */
export function isPlannedBody(kind: BodyKind): boolean {
  return kind === "json" || kind === "form" || kind === "multipart";
}

function plan(
  schema: Schema,
  planned: Set<string>,
  byId: Map<string, NamedSchema>,
): WritePlan | undefined {
  const recurse = (s: Schema) => plan(s, planned, byId);
  switch (schema.kind) {
    case "ref":
      return planned.has(schema.target) ? { ref: byId.get(schema.target)!.name } : undefined;
    case "array":
      return wrap("items", recurse(schema.items));
    case "object": {
      const fill = Object.fromEntries(
        schema.properties
          .filter((p) => p.isFilledIn && p.schema.kind === "enum")
          .map((p) => [p.name, (p.schema as { values: (boolean | number | string)[] }).values[0]]),
      );
      const fields: Record<string, WritePlan> = {};
      for (const p of schema.properties) {
        const inner = recurse(p.schema);
        if (inner) fields[p.name] = inner;
      }
      const values = typeof schema.additional === "object" ? recurse(schema.additional) : undefined;
      const out: WritePlan = {
        ...(schema.omittedReadOnly ? { omit: schema.omittedReadOnly } : {}),
        ...(Object.keys(fill).length > 0 ? { fill } : {}),
        ...(Object.keys(fields).length > 0 ? { fields } : {}),
        ...(values ? { values } : {}),
      };
      return Object.keys(out).length > 0 ? out : undefined;
    }
    case "intersection": {
      // A value of every part at once: each part's plan applies.
      const parts = schema.parts.map(recurse).filter((p): p is WritePlan => p !== undefined);
      return parts.length > 1 ? { allOf: parts } : parts[0];
    }
    case "union":
      // Variants compared by what their plans do, not by the names they have in the table.
      return unionPlan(
        schema.variants.map((v) => {
          const target = v.kind === "ref" && planned.has(v.target) ? byId.get(v.target) : undefined;
          return [v, target ? plan(target.schema, planned, byId) : recurse(v)];
        }),
      );
    default:
      // Tuples and scalars: nothing of a request view to change.
      return undefined;
  }
}

/**
 * A union's value is one variant, and which one is not known before sending: a plan applies only
 * when every variant that can hold properties has the same one (`X | null`, variants alike), else
 * the value is sent as given.
 */
function unionPlan(variants: [Schema, WritePlan | undefined][]): WritePlan | undefined {
  const structured = variants.filter(([v]) =>
    ["array", "intersection", "object", "ref", "union"].includes(v.kind),
  );
  const first = structured[0]?.[1];
  if (!first) return undefined;
  const text = JSON.stringify(first);
  return structured.every(([, p]) => p && JSON.stringify(p) === text) ? first : undefined;
}

function wrap(key: "items", inner: WritePlan | undefined): WritePlan | undefined {
  return inner ? { [key]: inner } : undefined;
}

/**
 * Ids of named schemas whose request view has a plan, directly or through refs: first those that
 * may (a node the request view changed, or a ref to one), then without those whose plan came out
 * empty after all (a union whose variants disagree, a change inside a tuple), until none is.
 */
function plannedSchemas(schemas: NamedSchema[], byId: Map<string, NamedSchema>): Set<string> {
  const found = schemasWith(schemas, byId, isChangedNode);
  for (let changed = true; changed;) {
    changed = false;
    for (const id of found) {
      if (plan(byId.get(id)!.schema, found, byId)) continue;
      found.delete(id);
      changed = true;
    }
  }
  return found;
}

/** An object node whose request view left out readOnly properties or filled in a constant. */
function isChangedNode(schema: Schema): boolean {
  return (
    schema.kind === "object" &&
    (schema.omittedReadOnly !== undefined || schema.properties.some((p) => p.isFilledIn))
  );
}
