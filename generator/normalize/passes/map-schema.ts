// One walk over a schema's children, shared by the passes that rewrite schema trees.
import type { Schema } from "../../model/schema.js";

/** A copy of `schema` with `fn` applied to each direct child schema (items, properties, variants...). */
export function mapChildren(schema: Schema, fn: (child: Schema) => Schema): Schema {
  switch (schema.kind) {
    case "array":
      return { ...schema, items: fn(schema.items) };
    case "tuple":
      return { ...schema, items: schema.items.map(fn), rest: schema.rest && fn(schema.rest) };
    case "object":
      return {
        ...schema,
        additional: typeof schema.additional === "object" ? fn(schema.additional) : schema.additional,
        properties: schema.properties.map((p) => ({ ...p, schema: fn(p.schema) })),
      };
    case "union":
      return { ...schema, variants: schema.variants.map(fn) };
    case "intersection":
      return { ...schema, parts: schema.parts.map(fn) };
    default:
      return schema;
  }
}
