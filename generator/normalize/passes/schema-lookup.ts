// Looking into model schemas by field path, through refs, intersections and union variants.
import type { FieldPath } from "../../model/api.js";
import type { Schema } from "../../model/schema.js";

/** The schema at a field path, looking through refs, intersections and union variants. */
export function schemaAtPath(
  schema: Schema,
  path: FieldPath,
  byId: Map<string, Schema>,
): Schema | undefined {
  let current: Schema | undefined = schema;
  for (const key of path) {
    current = current && propertyOf(current, String(key), byId, 0);
    if (!current) return undefined;
  }
  return current && dereference(current, byId);
}

/** True when the field at `path` may be null or absent: not required, or nullable, at the last step. */
export function isFieldOptional(
  schema: Schema,
  path: FieldPath,
  byId: Map<string, Schema>,
): boolean {
  const parent =
    path.length === 1 ? dereference(schema, byId) : schemaAtPath(schema, path.slice(0, -1), byId);
  const field = schemaAtPath(schema, path, byId);
  if (!parent || !field) return false;
  const key = String(path[path.length - 1]);
  // Only a plain object says for sure that a property is optional; composed ones are left alone.
  const property =
    parent.kind === "object" ? parent.properties.find((p) => p.name === key) : undefined;
  return field.isNullable === true || property?.isRequired === false;
}

export function dereference(schema: Schema, byId: Map<string, Schema>): Schema | undefined {
  let current: Schema | undefined = schema;
  for (let hops = 0; current?.kind === "ref" && hops < 32; hops++)
    current = byId.get(current.target);
  return current;
}

function propertyOf(
  schema: Schema,
  key: string,
  byId: Map<string, Schema>,
  depth: number,
): Schema | undefined {
  const target = dereference(schema, byId);
  if (!target || depth > 16) return undefined;
  switch (target.kind) {
    case "object":
      return (
        target.properties.find((p) => p.name === key)?.schema ??
        (typeof target.additional === "object" ? target.additional : undefined)
      );
    case "intersection":
      for (const part of target.parts) {
        const found = propertyOf(part, key, byId, depth + 1);
        if (found) return found;
      }
      return undefined;
    case "union":
      for (const variant of target.variants) {
        const found = propertyOf(variant, key, byId, depth + 1);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}
