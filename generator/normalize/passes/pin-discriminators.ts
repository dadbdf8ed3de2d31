// Discriminator values are only pinned onto a variant when the variant does not pin them itself.
// Pinning a mapping name ("FileCitationBody") onto a variant whose `type` is already the literal
// "file_citation" would intersect to `never`: the classic discriminator bug of generators.
import type { Api } from "../../model/api.js";
import type { Schema } from "../../model/schema.js";
import { schemaAtPath } from "./schema-lookup.js";

export function pinDiscriminators(api: Api): Api {
  const byId = new Map(api.schemas.map((s) => [s.id, s.schema]));
  const visit = (schema: Schema): Schema => {
    switch (schema.kind) {
      case "union": {
        const variants = schema.variants.map(visit);
        const discriminator = schema.discriminator && {
          ...schema.discriminator,
          valuesByVariant: schema.discriminator.valuesByVariant.map((values, i) =>
            declaresLiteral(variants[i], schema.discriminator!.propertyName, byId) ? [] : values,
          ),
        };
        return { ...schema, discriminator, variants };
      }
      case "intersection":
        return { ...schema, parts: schema.parts.map(visit) };
      case "array":
        return { ...schema, items: visit(schema.items) };
      case "object":
        return {
          ...schema,
          additional: typeof schema.additional === "object" ? visit(schema.additional) : schema.additional,
          properties: schema.properties.map((p) => ({ ...p, schema: visit(p.schema) })),
        };
      default:
        return schema;
    }
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
