// Discriminator values are only pinned onto a variant when the variant does not pin them itself.
// Pinning a mapping name ("FileCitationBody") onto a variant whose `type` is already the literal
// "file_citation" would intersect to `never`: the classic discriminator bug of generators.
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
      declaresLiteral(variants[i], discriminator.propertyName, byId) ? [] : values,
    );
    return { ...mapped, discriminator: { ...discriminator, valuesByVariant } };
  };
  return {
    ...api,
    operations: api.operations,
    schemas: api.schemas.map((s) => ({ ...s, schema: visit(s.schema) })),
  };
}

function declaresLiteral(variant: Schema, property: string, byId: Map<string, Schema>): boolean {
  const own = schemaAtPath(variant, [property], byId);
  return own?.kind === "enum";
}
