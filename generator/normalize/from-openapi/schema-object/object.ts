// Object schemas: properties with their required flags, and what other keys may hold.
import type { ObjectSchema, Property, Schema } from "../../../model/schema.js";
import { child, isObject, type Location, type NormalizeContext } from "../../context.js";
import { toSchema } from "./index.js";

export function objectSchema(
  ctx: NormalizeContext,
  raw: Record<string, unknown>,
  at: Location,
): ObjectSchema {
  const required = new Set(
    Array.isArray(raw.required) ? raw.required.filter((r) => typeof r === "string") : [],
  );
  const properties: Property[] = [];
  if (isObject(raw.properties)) {
    const propertiesAt = child(at, "properties");
    for (const [name, value] of Object.entries(raw.properties)) {
      properties.push({
        isRequired: required.has(name),
        name,
        schema: toSchema(ctx, value, child(propertiesAt, name)),
      });
    }
  }
  const additional = additionalOf(ctx, raw, at, properties.length > 0);
  const schema: ObjectSchema = { additional, kind: "object", properties };
  if (
    additional === false &&
    raw.additionalProperties === undefined &&
    !isObject(raw.patternProperties)
  )
    schema.isClosedByDefault = true;
  return schema;
}

/**
 * `additionalProperties` and `patternProperties` together decide the index signature. Absent means
 * "allowed", but a closed interface is what users expect when properties are listed, so only an
 * object without any properties stays open.
 */
function additionalOf(
  ctx: NormalizeContext,
  raw: Record<string, unknown>,
  at: Location,
  hasProperties: boolean,
): boolean | Schema {
  const extra: Schema[] = [];
  const additional = raw.additionalProperties;
  if (additional === false) {
    if (!isObject(raw.patternProperties)) return false;
  } else if (additional === true) {
    return true;
  } else if (isObject(additional)) {
    extra.push(toSchema(ctx, additional, child(at, "additionalProperties")));
  }
  if (isObject(raw.patternProperties)) {
    const patternsAt = child(at, "patternProperties");
    for (const [pattern, value] of Object.entries(raw.patternProperties)) {
      extra.push(toSchema(ctx, value, child(patternsAt, pattern)));
    }
  }
  if (extra.length === 1) return extra[0];
  if (extra.length > 1) return { kind: "union", variants: extra };
  return additional === undefined && !hasProperties;
}
