// Schema Object -> model Schema. Dispatches on the shape of the raw schema; each kind has its own file.
import type { ExternalDocs, Schema, SchemaCommon } from "../../../model/schema.js";
import { child, isObject, report, type Location, type NormalizeContext } from "../../context.js";
import { arraySchema } from "./array.js";
import { compositionSchema } from "./composition.js";
import { objectSchema } from "./object.js";
import { refSchema } from "./ref.js";
import { typeArraySchema } from "./type-array.js";

/** Keywords the generator reads; anything else that changes a type is reported as ignored. */
const ignoredStructuralKeywords = [
  "not",
  "if",
  "then",
  "else",
  "dependentSchemas",
  "$dynamicRef",
  "unevaluatedItems",
];

/** Translate one raw schema found at `at`. Never throws: unusable input becomes `unknown` plus a diagnostic. */
export function toSchema(ctx: NormalizeContext, raw: unknown, at: Location): Schema {
  if (raw === true || raw === undefined) return { kind: "unknown" };
  if (raw === false) return { kind: "never" };
  if (!isObject(raw)) {
    report(ctx, at, "warning", "SCH001", "schema is not an object; typed as unknown");
    return { kind: "unknown" };
  }
  const common = commonOf(raw);
  if (typeof raw.$ref === "string") return refSchema(ctx, raw, at, common);
  for (const keyword of ignoredStructuralKeywords) {
    if (raw[keyword] !== undefined) {
      report(
        ctx,
        child(at, keyword),
        "warning",
        "SCH002",
        `"${keyword}" is not supported and is ignored`,
      );
    }
  }
  const body = bodyOf(ctx, raw, at);
  // `nullable: true` beside a schema that already admits null (an enum listing null, a type list
  // or a oneOf with "null") adds nothing: the type would read `... | null | null`.
  return withCommon(body, admitsNull(body) ? { ...common, isNullable: undefined } : common);
}

/** Null is one of the schema's values at its top level (so `isNullable` would say it twice). */
function admitsNull(schema: Schema): boolean {
  if (schema.isNullable === true || schema.kind === "null") return true;
  if (schema.kind === "enum") return schema.values.includes(null);
  return schema.kind === "union" && schema.variants.some(admitsNull);
}

function bodyOf(ctx: NormalizeContext, raw: Record<string, unknown>, at: Location): Schema {
  if (raw.allOf !== undefined || raw.oneOf !== undefined || raw.anyOf !== undefined) {
    return compositionSchema(ctx, raw, at);
  }
  // Literal types exist for JSON scalars only: an object or array value is typed by its other
  // keywords (as a JSON text literal it would reject the very value it names).
  if ("const" in raw && isScalar(raw.const)) {
    reportInexactIntegers(ctx, [raw.const], child(at, "const"), false);
    return { kind: "enum", values: [raw.const] };
  }
  if (Array.isArray(raw.enum) && raw.enum.every(isScalar)) {
    reportInexactIntegers(ctx, raw.enum, child(at, "enum"), true);
    const literals: Schema = { kind: "enum", values: raw.enum };
    // Azure's `x-ms-enum.modelAsString`: the values known today, and any other of the type.
    return isExtensibleEnum(raw) && (raw.type === "string" || raw.type === undefined)
      ? { kind: "union", variants: [literals, { kind: "string" }] }
      : literals;
  }
  if (Array.isArray(raw.type)) return typeArraySchema(ctx, raw, at);
  return typedSchema(ctx, raw, at, raw.type);
}

/** The schema for one `type` value (or none: inferred from the keywords present). */
export function typedSchema(
  ctx: NormalizeContext,
  raw: Record<string, unknown>,
  at: Location,
  type: unknown,
): Schema {
  switch (type) {
    case "string":
      return isBinary(raw) ? { kind: "binary" } : { kind: "string" };
    case "integer":
    case "number":
    case "boolean":
    case "null":
      return { kind: type };
    case "array":
      return arraySchema(ctx, raw, at);
    case "object":
      return objectSchema(ctx, raw, at);
    case undefined:
      if (
        raw.properties !== undefined ||
        raw.additionalProperties !== undefined ||
        raw.patternProperties !== undefined
      ) {
        return objectSchema(ctx, raw, at);
      }
      if (raw.items !== undefined || raw.prefixItems !== undefined)
        return arraySchema(ctx, raw, at);
      return { kind: "unknown" };
    default:
      report(
        ctx,
        child(at, "type"),
        "warning",
        "SCH003",
        `unknown type ${JSON.stringify(type)}; typed as unknown`,
      );
      return { kind: "unknown" };
  }
}

function isBinary(raw: Record<string, unknown>): boolean {
  return raw.format === "binary" || raw.contentMediaType === "application/octet-stream";
}

/**
 * Integers beyond 2^53 were already rounded when the document was parsed (JSON.parse and YAML
 * both give JavaScript numbers): the literal type would silently name another value.
 */
function reportInexactIntegers(
  ctx: NormalizeContext,
  values: unknown[],
  at: Location,
  isList: boolean,
): void {
  values.forEach((value, i) => {
    if (typeof value !== "number" || !Number.isInteger(value) || Number.isSafeInteger(value))
      return;
    const message = `integer beyond 2^53 (Number.MAX_SAFE_INTEGER): it is read rounded, as ${value}, so the literal type may name another value`;
    report(
      ctx,
      isList ? child(at, i) : at,
      "warning",
      "SCH005",
      message,
      "write the value as a string, or use type: string with a pattern",
    );
  });
}

function isExtensibleEnum(raw: Record<string, unknown>): boolean {
  const azure = raw["x-ms-enum"];
  return isObject(azure) && azure.modelAsString === true;
}

function isScalar(value: unknown): value is boolean | null | number | string {
  return (
    value === null ||
    typeof value === "boolean" ||
    typeof value === "number" ||
    typeof value === "string"
  );
}

/** Annotations every schema may carry. */
export function commonOf(raw: Record<string, unknown>): SchemaCommon {
  const common: SchemaCommon = {};
  if (typeof raw.description === "string") common.description = raw.description;
  if (typeof raw.title === "string") common.title = raw.title;
  if (typeof raw.format === "string") common.format = raw.format;
  if (raw.deprecated === true) common.deprecated = true;
  if (raw.readOnly === true) common.isReadOnly = true;
  if (raw.writeOnly === true) common.isWriteOnly = true;
  if (raw.nullable === true) common.isNullable = true;
  if (raw.default !== undefined) common.default = raw.default;
  if (raw.example !== undefined) common.example = raw.example;
  else if (Array.isArray(raw.examples) && raw.examples.length > 0) common.example = raw.examples[0];
  const docs = externalDocsOf(raw.externalDocs);
  if (docs) common.externalDocs = docs;
  return common;
}

/** OpenAPI externalDocs -> the model's link; anything without a string url is dropped. */
export function externalDocsOf(raw: unknown): ExternalDocs | undefined {
  if (typeof raw !== "object" || raw === null || typeof (raw as { url?: unknown }).url !== "string")
    return undefined;
  const { url, description } = raw as { url: string; description?: unknown };
  return typeof description === "string" ? { description, url } : { url };
}

/** Merge annotations onto a translated schema without losing the ones it already has. */
export function withCommon(schema: Schema, common: SchemaCommon): Schema {
  const merged: Record<string, unknown> = { ...schema };
  for (const [key, value] of Object.entries(common)) {
    if (value !== undefined && merged[key] === undefined) merged[key] = value;
  }
  return merged as unknown as Schema;
}
