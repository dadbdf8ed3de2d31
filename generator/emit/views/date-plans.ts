// Where the Dates are (the `dates` option): plans the runtime follows to revive date-time strings
// in response bodies. One shared plan per named schema that holds a Date (by name, so recursive
// schemas work), inline plans for the rest; nothing at all for data without Dates.
import type { Api } from "../../model/api.js";
import type { NamedSchema, Schema } from "../../model/schema.js";
import { schemasWith } from "../../normalize/passes/schemas-with.js";

/** The runtime's DatePlan, as plain data. */
export interface DatePlan {
  /** Plans applied one after the other (alternatives that cannot be merged field by field). */
  anyOf?: DatePlan[];
  fields?: Record<string, DatePlan>;
  isDate?: boolean;
  items?: DatePlan;
  ref?: string;
  values?: DatePlan;
}

export interface DatePlans {
  /** Plan of a response schema; undefined when it holds no Date. */
  planOf(schema: Schema): DatePlan | undefined;
  /** Shared plans by schema name (empty when the API has no Dates). */
  table: Record<string, DatePlan>;
}

export function datePlans(api: Api): DatePlans {
  const byId = new Map(api.schemas.map((s) => [s.id, s]));
  const dated = schemasWith(api.schemas, byId, (s) => s.kind === "date");
  const planOf = (schema: Schema): DatePlan | undefined => plan(schema, dated, byId);
  const table: Record<string, DatePlan> = {};
  for (const named of api.schemas) {
    if (!dated.has(named.id)) continue;
    const own = planOf(named.schema);
    if (own) table[named.name] = own;
  }
  return { planOf, table };
}

function plan(
  schema: Schema,
  dated: Set<string>,
  byId: Map<string, NamedSchema>,
): DatePlan | undefined {
  const recurse = (s: Schema) => plan(s, dated, byId);
  switch (schema.kind) {
    case "date":
      return { isDate: true };
    case "ref":
      return dated.has(schema.target) ? { ref: byId.get(schema.target)!.name } : undefined;
    case "array":
      return wrap("items", recurse(schema.items));
    case "tuple":
      return wrap(
        "items",
        merge([...schema.items, ...(schema.rest ? [schema.rest] : [])].map(recurse)),
      );
    case "object": {
      const fields: Record<string, DatePlan> = {};
      for (const p of schema.properties) {
        const inner = recurse(p.schema);
        if (inner) fields[p.name] = inner;
      }
      const values = typeof schema.additional === "object" ? recurse(schema.additional) : undefined;
      if (Object.keys(fields).length === 0 && !values) return undefined;
      return {
        ...(Object.keys(fields).length > 0 ? { fields } : {}),
        ...(values ? { values } : {}),
      };
    }
    case "union":
      return merge(schema.variants.map((v) => inlined(v, dated, byId)));
    case "intersection":
      return merge(schema.parts.map((p) => inlined(p, dated, byId)));
    default:
      return undefined;
  }
}

/** A member's plan with a ref replaced by the referenced schema's own plan, so members can merge. */
function inlined(
  schema: Schema,
  dated: Set<string>,
  byId: Map<string, NamedSchema>,
): DatePlan | undefined {
  if (schema.kind !== "ref") return plan(schema, dated, byId);
  const target = byId.get(schema.target);
  return target && dated.has(schema.target) ? plan(target.schema, dated, byId) : undefined;
}

function wrap(key: "items", inner: DatePlan | undefined): DatePlan | undefined {
  return inner ? { [key]: inner } : undefined;
}

/** One plan for several alternatives (union variants, intersection parts): where any says Date. */
function merge(plans: (DatePlan | undefined)[]): DatePlan | undefined {
  const present = plans.filter((p): p is DatePlan => p !== undefined);
  if (present.length <= 1) return present[0];
  // A shared plan's fields live in the table, so a ref cannot be merged field by field with
  // another plan: the runtime applies each alternative in turn (reviving is idempotent).
  if (present.some((p) => p.ref !== undefined || p.anyOf !== undefined)) {
    const alternatives: DatePlan[] = [];
    const seen = new Set<string>();
    for (const alternative of present.flatMap((p) => p.anyOf ?? [p])) {
      const key = JSON.stringify(alternative);
      if (seen.has(key)) continue;
      seen.add(key);
      alternatives.push(alternative);
    }
    return alternatives.length === 1 ? alternatives[0] : { anyOf: alternatives };
  }
  const out: DatePlan = {};
  for (const p of present) {
    if (p.isDate) out.isDate = true;
    if (p.items) out.items = merge([out.items, p.items]);
    if (p.values) out.values = merge([out.values, p.values]);
    if (p.fields) {
      const fields = { ...(out.fields ?? {}) };
      for (const [k, v] of Object.entries(p.fields)) fields[k] = merge([fields[k], v])!;
      out.fields = fields;
    }
  }
  return out;
}
