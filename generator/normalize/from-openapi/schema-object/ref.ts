// `$ref` schemas: every referenced schema becomes a named schema, emitted once and referred to by
// name. Naming before translating the body is what makes recursive schemas terminate.
import type { Schema, SchemaCommon } from "../../../model/schema.js";
import {
  child,
  displayPath,
  isObject,
  report,
  type Location,
  type NormalizeContext,
} from "../../context.js";
import { unescapeSegment } from "../../../shared/json-pointer.js";
import { pascalCase } from "../../names.js";
import { commonOf, toSchema, withCommon } from "./index.js";
import { polymorphicUnionId } from "./polymorphic-base.js";

/** Keywords that may sit beside `$ref` without changing the type (3.1 allows siblings). */
const annotationKeywords = new Set([
  "$ref",
  "description",
  "title",
  "deprecated",
  "readOnly",
  "writeOnly",
  "default",
  "example",
  "examples",
  "$comment",
  "summary",
  "nullable",
  "format",
  "externalDocs",
  "xml",
]);

export function refSchema(
  ctx: NormalizeContext,
  raw: Record<string, unknown>,
  at: Location,
  common: SchemaCommon,
): Schema {
  const named = namedSchemaId(ctx, raw.$ref as string, at);
  if (named === undefined) return withCommon({ kind: "unknown" }, common);
  const target =
    polymorphicUnionId(ctx, named, at, (id, value, where) =>
      registerNamedSchema(ctx, id, value, where),
    ) ?? named;
  const ref: Schema = withCommon({ kind: "ref", target }, common);
  const siblings = siblingsBesideTarget(ctx, raw, at);
  const structural = Object.keys(siblings).filter(
    (k) => !annotationKeywords.has(k) && !k.startsWith("x-"),
  );
  if (structural.length === 0) return ref;
  // A 3.1 `$ref` with constraining siblings means "both": intersect the target with the rest.
  const rest = Object.fromEntries(Object.entries(siblings).filter(([k]) => k !== "$ref"));
  return {
    kind: "intersection",
    parts: [{ kind: "ref", target }, toSchema(ctx, rest, at)],
    ...commonOf(raw),
  };
}

/** Keywords that only mean something for values of one type. */
const keywordsOfType: Record<string, string[]> = {
  array: ["items", "prefixItems", "minItems", "maxItems", "uniqueItems", "contains"],
  object: [
    "properties",
    "additionalProperties",
    "patternProperties",
    "required",
    "minProperties",
    "maxProperties",
    "propertyNames",
  ],
};

/**
 * The siblings of a `$ref` that still say something about its target. A `type` the target already
 * has adds nothing. A `type` the target does not have would leave no value (an object sibling
 * beside an array): the spec contradicts itself, so the `type` and its keywords are reported and
 * dropped, and the target alone (the widest honest type) remains.
 */
function siblingsBesideTarget(
  ctx: NormalizeContext,
  raw: Record<string, unknown>,
  at: Location,
): Record<string, unknown> {
  if (typeof raw.type !== "string") return raw;
  const targetType = typeOfTarget(ctx, raw.$ref as string, at);
  if (targetType === undefined) return raw;
  const dropped = new Set(["type"]);
  // integer is a kind of number: the sibling narrows nothing the emitted type can show.
  const isCompatible =
    targetType === raw.type ||
    (["integer", "number"].includes(targetType) && ["integer", "number"].includes(raw.type));
  if (!isCompatible) {
    for (const keyword of keywordsOfType[raw.type] ?? []) dropped.add(keyword);
    report(
      ctx,
      child(at, "type"),
      "warning",
      "SCH007",
      `type ${JSON.stringify(raw.type)} beside a $ref to a schema of type ${JSON.stringify(targetType)} admits no value; the type and its keywords are ignored`,
    );
  }
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !dropped.has(k)));
}

/** The one `type` of the schema a $ref points at (declared or implied by its keywords); undefined when it has none or several. */
function typeOfTarget(ctx: NormalizeContext, ref: string, at: Location): string | undefined {
  return declaredType(ctx, { $ref: ref }, at.file);
}

/** The one JSON type a raw schema declares, through $refs (declared or implied by its keywords); undefined when it has none or several. */
export function declaredType(
  ctx: NormalizeContext,
  raw: unknown,
  file: string,
): string | undefined {
  let value = raw;
  let from = file;
  for (let hops = 0; isObject(value) && typeof value.$ref === "string" && hops < 32; hops++) {
    const resolved = ctx.spec.resolveRef(value.$ref, from);
    value = resolved?.value;
    from = resolved?.file ?? from;
  }
  if (!isObject(value)) return undefined;
  if (typeof value.type === "string") return value.type;
  if (
    value.allOf !== undefined ||
    value.oneOf !== undefined ||
    value.anyOf !== undefined ||
    value.type !== undefined
  )
    return undefined;
  if (value.properties !== undefined || value.additionalProperties !== undefined) return "object";
  if (value.items !== undefined || value.prefixItems !== undefined) return "array";
  return undefined;
}

/** Register (once) the schema a `$ref` points at and return its id; undefined when it does not resolve. */
export function namedSchemaId(
  ctx: NormalizeContext,
  ref: string,
  at: Location,
): string | undefined {
  let resolved = ctx.spec.resolveRef(ref, at.file);
  // Follow a chain of refs (`A: {$ref: B}`) so aliases share one named type.
  for (
    let hops = 0;
    resolved && isObject(resolved.value) && isPureRef(resolved.value) && hops < 32;
    hops++
  ) {
    resolved = ctx.spec.resolveRef(resolved.value.$ref as string, resolved.file);
  }
  if (!resolved) {
    report(ctx, at, "error", "REF001", `$ref ${JSON.stringify(ref)} does not resolve`);
    return undefined;
  }
  const id = idOf(ctx, resolved.file, resolved.pointer);
  registerNamedSchema(ctx, id, resolved.value, { file: resolved.file, pointer: resolved.pointer });
  return id;
}

/**
 * Add a named schema and translate its body, unless already known. Bodies found while translating
 * another body are queued, not translated inside it: a ring or chain of thousands of schemas
 * linked by $refs is then a loop here, not a recursion as deep as the chain.
 */
export function registerNamedSchema(
  ctx: NormalizeContext,
  id: string,
  raw: unknown,
  at: Location,
): void {
  if (ctx.named.has(id)) return;
  const entry = {
    id,
    name: suggestName(at),
    pointer: at.pointer,
    schema: { kind: "unknown" } as Schema,
  };
  ctx.named.set(id, entry);
  ctx.untranslated.push({ entry, raw, at });
  if (ctx.defining.length > 0) return;
  // The outermost call translates everything queued, so callers still see every body translated.
  for (let next = ctx.untranslated.shift(); next; next = ctx.untranslated.shift()) {
    ctx.defining.push(next.at);
    next.entry.schema = toSchema(ctx, next.raw, next.at);
    ctx.defining.pop();
  }
}

/** Stable id of a schema: its pointer in the root document, or `file#pointer` for other files. */
export function idOf(ctx: NormalizeContext, file: string, pointer: string): string {
  return file === ctx.spec.file ? pointer : `${displayPath(file)}${pointer}`;
}

function isPureRef(value: Record<string, unknown>): boolean {
  return (
    typeof value.$ref === "string" && Object.keys(value).every((k) => annotationKeywords.has(k))
  );
}

/** Pointer segments that say where a schema sits, not what it is. */
const noiseSegments = new Set([
  "#",
  "",
  "components",
  "schemas",
  "definitions",
  "properties",
  "items",
  "content",
  "schema",
  "application~1json",
  "responses",
  "requestBodies",
  "parameters",
  "paths",
  "allOf",
  "oneOf",
  "anyOf",
]);

/** A readable name from where the schema lives: the components key, else the last telling segments. */
function suggestName(at: Location): string {
  const segments = at.pointer.split("/");
  const schemasIndex = segments.indexOf("schemas");
  if (segments[1] === "components" && schemasIndex === 2 && segments.length === 4)
    return pascalCase(decode(segments[3]));
  const telling = segments.filter((s) => !noiseSegments.has(s) && !/^[0-9]+$/.test(s)).map(decode);
  if (telling.length === 0) {
    const base = at.file.split(/[\\/]/).pop() ?? "Schema";
    return pascalCase(base.replace(/\.(ya?ml|json)$/i, ""));
  }
  return pascalCase(telling.slice(-2).join(" "));
}

function decode(segment: string): string {
  const unescaped = unescapeSegment(segment);
  try {
    return decodeURIComponent(unescaped);
  } catch {
    return unescaped;
  }
}
