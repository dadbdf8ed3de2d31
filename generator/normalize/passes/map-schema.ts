// One walk over a schema's children, shared by the passes that rewrite schema trees.
import type { IntersectionSchema, Schema } from "../../model/schema.js";

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
        additional:
          typeof schema.additional === "object" ? fn(schema.additional) : schema.additional,
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

/**
 * An intersection without the parts that constrain nothing TypeScript can express but would make
 * the whole admit nothing: an object with no properties and no other keys (`Record<string, never>`).
 * Types are not exact, so beside other parts such an object only ever rejected valid values.
 */
export function withoutEmptyParts(schema: IntersectionSchema): Schema {
  const parts = schema.parts.filter((p) => !isEmptyClosedObject(p));
  if (parts.length === schema.parts.length) return schema;
  if (parts.length === 0)
    return { ...schema, kind: "object", additional: false, properties: [] } as Schema;
  if (parts.length > 1) return { ...schema, parts };
  // One part left: it is the schema, keeping the intersection's annotations it has none of.
  const { kind: _kind, parts: _parts, ...common } = schema;
  const merged: Record<string, unknown> = { ...parts[0] };
  for (const [key, value] of Object.entries(common))
    if (merged[key] === undefined) merged[key] = value;
  return merged as unknown as Schema;
}

function isEmptyClosedObject(schema: Schema): boolean {
  return (
    schema.kind === "object" &&
    schema.properties.length === 0 &&
    schema.additional === false &&
    !schema.isNullable
  );
}
