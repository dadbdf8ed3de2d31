// Discriminator values are only pinned onto a variant when the variant does not pin them itself.
// Pinning a mapping name ("FileCitationBody") onto a variant whose `type` is already the literal
// "file_citation" would intersect to `never`: the classic discriminator bug of generators. A
// variant whose literals are wider than its mapping values (an enum shared through a base schema)
// does not narrow on its own: it is pinned to the mapping values it declares.
import type { Api } from "../../model/api.js";
import type { Schema } from "../../model/schema.js";
import { mapChildren } from "./map-schema.js";
import { schemaAtPath } from "./schema-lookup.js";

export function pinDiscriminators(api: Api): Api {
  const byId = new Map(api.schemas.map((s) => [s.id, s.schema]));
  const visit = (schema: Schema): Schema => {
    const mapped = mapChildren(schema, visit);
    if (mapped.kind !== "union" || !mapped.discriminator) return mapped;
    const { discriminator, variants } = mapped;
    const valuesByVariant = discriminator.valuesByVariant.map((values, i) =>
      valuesToPin(values, declaredLiterals(variants[i], discriminator.propertyName, byId)),
    );
    return { ...mapped, discriminator: { ...discriminator, valuesByVariant } };
  };
  return {
    ...api,
    operations: api.operations,
    schemas: api.schemas.map((s) => ({ ...s, schema: visit(s.schema) })),
  };
}

/** The literal values a variant allows for the property; undefined when it is not a literal type. */
function declaredLiterals(
  variant: Schema,
  property: string,
  byId: Map<string, Schema>,
): unknown[] | undefined {
  const own = schemaAtPath(variant, [property], byId);
  return own?.kind === "enum" ? own.values : undefined;
}

/**
 * Values to pin: all of them onto a variant without literals; none when its literals are already
 * among the values (it narrows as declared) or share none with them (a pin would leave `never`);
 * else the values its literals allow.
 */
function valuesToPin(values: string[], declared: unknown[] | undefined): string[] {
  if (declared === undefined) return values;
  if (declared.every((v) => typeof v === "string" && values.includes(v))) return [];
  return values.filter((v) => declared.includes(v));
}
