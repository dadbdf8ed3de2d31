// allOf / oneOf / anyOf. A `null` variant becomes nullability; discriminators map values to variants.
import type { Discriminator, Schema } from "../../../model/schema.js";
import { child, isObject, report, type Location, type NormalizeContext } from "../../context.js";
import { toSchema, typedSchema } from "./index.js";
import { declaredType, namedSchemaId } from "./ref.js";
import { baseOfUnionParent, isUnionParentOf } from "../../../load/union-parent.js";
import { unescapeSegment } from "../../../shared/json-pointer.js";

export function compositionSchema(
  ctx: NormalizeContext,
  raw: Record<string, unknown>,
  at: Location,
): Schema {
  const parts: Schema[] = [];
  if (Array.isArray(raw.allOf)) {
    const allOfAt = child(at, "allOf");
    const allOf: Schema[] = [];
    raw.allOf.forEach((part, i) => {
      const parentBase = unionParentBase(ctx, part, at);
      if (parentBase === null) return;
      if (parentBase) allOf.push(toSchema(ctx, parentBase.raw, parentBase.at));
      else allOf.push(toSchema(ctx, part, child(allOfAt, i)));
    });
    const types = conflictingTypes(ctx, raw.allOf, at.file);
    if (types.length > 1 && allOf.length > 1) {
      // No value has two JSON types: taken literally the schema admits nothing. The widest honest
      // reading is "a value of one of the parts", reported so the spec can be fixed.
      report(
        ctx,
        allOfAt,
        "warning",
        "SCH008",
        `allOf parts of types ${types.map((t) => JSON.stringify(t)).join(" and ")} admit no value; typed as any one of them`,
      );
      parts.push({ kind: "union", variants: allOf });
    } else {
      parts.push(...allOf);
    }
  }
  for (const keyword of ["oneOf", "anyOf"] as const) {
    const list = raw[keyword];
    if (Array.isArray(list)) parts.push(unionSchema(ctx, raw, list, child(at, keyword)));
  }
  // Keywords beside the composition (properties, type, ...) constrain the value too.
  const rest = Object.fromEntries(
    Object.entries(raw).filter(
      ([k]) => !["allOf", "oneOf", "anyOf", "discriminator", "description", "title"].includes(k),
    ),
  );
  if (closesOverComposition(rest)) {
    // JSON Schema applies additionalProperties to this object's own properties only, so beside a
    // composition with none it rejects every property of the variants: taken literally nothing but
    // `{}` passes. What authors mean is "no keys beyond the variant's", which types cannot express.
    report(
      ctx,
      child(at, "additionalProperties"),
      "warning",
      "SCH006",
      "additionalProperties: false beside allOf/oneOf/anyOf without properties of its own would reject every variant's properties; ignored",
    );
    delete rest.additionalProperties;
  }
  requireInherited(ctx, rest, raw, at);
  if (
    rest.properties !== undefined ||
    rest.additionalProperties !== undefined ||
    rest.items !== undefined
  ) {
    parts.push(typedSchema(ctx, rest, at, rest.type));
  }
  const schema: Schema = parts.length === 1 ? parts[0] : { kind: "intersection", parts };
  // `type: [object, "null"]` beside the composition: null is valid too.
  return Array.isArray(raw.type) && raw.type.includes("null")
    ? { ...schema, isNullable: true }
    : schema;
}

/**
 * `required` beside allOf may name properties a part declares (`allOf: [Base], required: [name]`):
 * each is declared here again with the part's schema, so the intersection requires it. (TypeScript
 * keeps `undefined` in `{ a?: T } & { a: unknown }`: the part's own schema is what works.)
 */
function requireInherited(
  ctx: NormalizeContext,
  rest: Record<string, unknown>,
  raw: Record<string, unknown>,
  at: Location,
): void {
  if (!Array.isArray(rest.required) || !Array.isArray(raw.allOf)) return;
  const own = isObject(rest.properties) ? rest.properties : {};
  const added: Record<string, unknown> = {};
  for (const name of rest.required) {
    if (typeof name !== "string" || Object.hasOwn(own, name)) continue;
    const found = propertyInParts(ctx, raw.allOf, at.file, at.file, name, 0);
    if (found !== undefined) added[name] = found;
  }
  if (Object.keys(added).length > 0) rest.properties = { ...own, ...added };
}

/** The raw schema of property `name` in allOf parts (through $refs and nested allOf); undefined when none declares it. */
function propertyInParts(
  ctx: NormalizeContext,
  parts: unknown[],
  file: string,
  origin: string,
  name: string,
  depth: number,
): unknown {
  if (depth > 8) return undefined;
  for (const part of parts) {
    let value = part;
    let from = file;
    if (isObject(part) && typeof part.$ref === "string") {
      const target = ctx.spec.resolveRef(part.$ref, file);
      value = target?.value;
      from = target?.file ?? file;
    }
    if (!isObject(value)) continue;
    // Copied here, a schema from another file would resolve its $refs against this one: not used.
    if (isObject(value.properties) && Object.hasOwn(value.properties, name))
      return from === origin ? value.properties[name] : undefined;
    if (Array.isArray(value.allOf)) {
      const found = propertyInParts(ctx, value.allOf, from, origin, name, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The distinct JSON types allOf parts declare (integer counted as number), sorted. */
function conflictingTypes(ctx: NormalizeContext, parts: unknown[], file: string): string[] {
  const types = new Set<string>();
  for (const part of parts) {
    const type = declaredType(ctx, part, file);
    if (type !== undefined && type !== "null") types.add(type === "integer" ? "number" : type);
  }
  return [...types].sort();
}

function closesOverComposition(rest: Record<string, unknown>): boolean {
  return (
    rest.additionalProperties === false &&
    rest.properties === undefined &&
    rest.patternProperties === undefined
  );
}

/**
 * In a named schema's own allOf, a $ref to a discriminated parent that lists this schema among its
 * variants means "the parent's fields" (see union-parent.ts): the base to use instead, null when
 * the parent has no fields of its own, undefined when the pattern does not apply.
 */
function unionParentBase(
  ctx: NormalizeContext,
  part: unknown,
  at: Location,
): { at: Location; raw: Record<string, unknown> } | null | undefined {
  const current = ctx.defining[ctx.defining.length - 1];
  if (!current || current.file !== at.file || current.pointer !== at.pointer) return undefined;
  if (!isObject(part) || typeof part.$ref !== "string") return undefined;
  const parent = ctx.spec.resolveRef(part.$ref, at.file);
  if (!parent || !isUnionParentOf(ctx.spec, parent.value, parent.file, current)) return undefined;
  const base = baseOfUnionParent(parent.value as Record<string, unknown>);
  return base ? { at: { file: parent.file, pointer: parent.pointer }, raw: base } : null;
}

function unionSchema(
  ctx: NormalizeContext,
  raw: Record<string, unknown>,
  list: unknown[],
  at: Location,
): Schema {
  let isNullable = false;
  const variants: Schema[] = [];
  const rawVariants: unknown[] = [];
  list.forEach((item, i) => {
    if (
      isObject(item) &&
      item.type === "null" &&
      Object.keys(item).every((k) => k === "type" || k === "description")
    ) {
      isNullable = true;
      return;
    }
    variants.push(toSchema(ctx, item, child(at, i)));
    rawVariants.push(item);
  });
  let schema: Schema;
  if (variants.length === 0) schema = { kind: "null" };
  else if (variants.length === 1) schema = variants[0];
  else schema = { kind: "union", variants };
  if (schema.kind === "union" && isObject(raw.discriminator)) {
    schema.discriminator = discriminatorOf(ctx, raw.discriminator, rawVariants, at);
  }
  if (isNullable) schema = { ...schema, isNullable: true };
  return schema;
}

/**
 * Which discriminator values select which variant: explicit `mapping` entries first; a variant
 * that no mapping names is selected by its schema name (the OpenAPI implicit mapping).
 */
function discriminatorOf(
  ctx: NormalizeContext,
  raw: Record<string, unknown>,
  variants: unknown[],
  at: Location,
): Discriminator | undefined {
  if (typeof raw.propertyName !== "string") {
    report(ctx, at, "warning", "SCH004", "discriminator without propertyName is ignored");
    return undefined;
  }
  const mappingIds = new Map<string, string[]>();
  if (isObject(raw.mapping)) {
    for (const [value, ref] of Object.entries(raw.mapping)) {
      if (typeof ref !== "string") continue;
      const target = ref.includes("#") || ref.includes("/") ? ref : `#/components/schemas/${ref}`;
      const id = namedSchemaId(ctx, target, at);
      if (id !== undefined) mappingIds.set(id, [...(mappingIds.get(id) ?? []), value]);
    }
  }
  const valuesByVariant = variants.map((variant) => {
    if (!isObject(variant) || typeof variant.$ref !== "string") return [];
    const id = namedSchemaId(ctx, variant.$ref, at);
    if (id === undefined) return [];
    return mappingIds.get(id) ?? [decodeLast(variant.$ref)];
  });
  return { propertyName: raw.propertyName, valuesByVariant };
}

function decodeLast(ref: string): string {
  return unescapeSegment(ref.split("/").pop() ?? ref);
}
