// Builds the argument object of one operation from its OpenAPI description: the spec's own
// examples where it has them, else openapi-sampler. Parameters go by their spec names (as the
// generated methods take them), the body under the descriptor's bodyArg ("body").
import { sample } from "openapi-sampler";
import { deref, type Json, type JsonObject } from "./load.js";
import { stringForPattern } from "./pattern.js";

type Schema = Record<string, unknown>;

export interface SpecParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  style?: string;
  explode?: boolean;
  schema?: Schema;
  content?: Record<
    string,
    { schema?: Schema; example?: unknown; examples?: Record<string, unknown> }
  >;
  example?: unknown;
  examples?: Record<string, unknown>;
  deprecated?: boolean;
}

export interface SpecOperation {
  operationId?: string;
  parameters?: unknown[];
  requestBody?: unknown;
  security?: unknown[];
}

/** The operation object for a descriptor's path and method, and its path item. */
export function findOperation(
  document: JsonObject,
  path: string,
  method: string,
): { item: JsonObject; operation: SpecOperation } | undefined {
  const paths = (document.paths ?? {}) as Record<string, Json>;
  const item = deref<JsonObject | undefined>(document, paths[path]);
  // An operation may itself be a $ref (DigitalOcean): not standard, but the generator follows it.
  const operation = deref<Json | undefined>(document, item?.[method.toLowerCase()]);
  if (!item || !operation || typeof operation !== "object") return undefined;
  return { item, operation: operation as SpecOperation };
}

/** Operation parameters after path-item ones, resolved; the operation's win on (name, in). */
export function parametersOf(
  document: JsonObject,
  item: JsonObject,
  operation: SpecOperation,
): SpecParameter[] {
  const byKey = new Map<string, SpecParameter>();
  for (const raw of [...((item.parameters as unknown[]) ?? []), ...(operation.parameters ?? [])]) {
    const param = deref<SpecParameter>(document, raw);
    if (param && typeof param === "object" && typeof param.name === "string")
      byKey.set(`${param.in}:${param.name}`, param);
  }
  return [...byKey.values()];
}

// Patterns are filled by stringForPattern (repair below): openapi-sampler's enablePatterns gets
// alternations and \w wrong and ignores minLength.
const samplerOptions = { skipReadOnly: true, quiet: true } as const;

/** The first example a parameter, media type or schema carries, if any. */
function ownExample(
  document: JsonObject,
  holder: { example?: unknown; examples?: unknown } | undefined,
): { value: unknown } | undefined {
  if (!holder) return undefined;
  if (holder.example !== undefined) return { value: holder.example };
  if (holder.examples && typeof holder.examples === "object" && !Array.isArray(holder.examples)) {
    for (const raw of Object.values(holder.examples as Record<string, unknown>)) {
      const example = deref<{ value?: unknown; externalValue?: unknown }>(document, raw);
      if (example && typeof example === "object" && "value" in example)
        return { value: example.value };
    }
  }
  return undefined;
}

/** A value for a schema: openapi-sampler (which prefers the schema's example/default/enum). */
export function sampleSchema(
  document: JsonObject,
  schema: unknown,
  options: { xml?: boolean } = {},
): unknown {
  if (schema === undefined) return undefined;
  try {
    const value = sample(
      schema as never,
      { ...samplerOptions, ...(options.xml ? { format: "xml" as const } : {}) },
      document,
    );
    return options.xml ? value : repair(document, schema, value, 0);
  } catch {
    return undefined;
  }
}

/**
 * openapi-sampler fills a `pattern` without looking at minLength/maxLength (it gives "A" for
 * `^[A-Za-z0-9-]+$` with minLength 3): such strings are replaced by the first candidate that fits.
 * Walks properties, items, additionalProperties, allOf and the first anyOf/oneOf member.
 */
function repair(document: JsonObject, raw: unknown, value: unknown, depth: number): unknown {
  const schema = deref<Schema | undefined>(document, raw);
  if (!schema || typeof schema !== "object" || depth > 12) return value;
  const members = [
    ...((schema.allOf as unknown[]) ?? []),
    ...(((schema.anyOf ?? schema.oneOf) as unknown[] | undefined)?.slice(0, 1) ?? []),
  ];
  let out = value;
  for (const member of members) out = repair(document, member, out, depth + 1);
  if (typeof out === "string") return fitString(schema, out);
  if (Array.isArray(out)) return out.map((item) => repair(document, schema.items, item, depth + 1));
  if (out !== null && typeof out === "object" && !(out instanceof Blob)) {
    const properties = (schema.properties ?? {}) as Record<string, unknown>;
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(out)) {
      const itemSchema =
        properties[key] ??
        (typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined);
      result[key] = itemSchema === undefined ? item : repair(document, itemSchema, item, depth + 1);
    }
    // `required` naming a property no schema defines (DigitalOcean: uptime check `method`,
    // logtail `endpoint`): nothing to sample, so a string stands in.
    for (const name of Array.isArray(schema.required) ? (schema.required as string[]) : []) {
      if (
        !(name in result) &&
        properties[name] === undefined &&
        schema.additionalProperties !== false
      )
        result[name] = "string";
    }
    return result;
  }
  return out;
}

function fitString(schema: Schema, value: string): string {
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : Infinity;
  let pattern: RegExp | undefined;
  try {
    pattern = typeof schema.pattern === "string" ? new RegExp(schema.pattern, "u") : undefined;
  } catch {
    pattern = undefined;
  }
  const fits = (text: string | undefined): boolean =>
    text !== undefined &&
    text.length >= min &&
    text.length <= max &&
    (!pattern || pattern.test(text));
  if (fits(value) || Array.isArray(schema.enum)) return value;
  const repeated = value === "" ? "" : value.repeat(Math.ceil(Math.max(min, 1) / value.length));
  const fromPattern =
    typeof schema.pattern === "string" ? stringForPattern(schema.pattern, min) : undefined;
  const candidates = [
    fromPattern,
    repeated,
    repeated.slice(0, Math.max(min, 1)),
    "string",
    "abc",
    "abc123",
    "x".repeat(Math.max(min, 1)),
  ];
  return candidates.find((candidate): candidate is string => fits(candidate)) ?? value;
}

/** A value for one parameter; never empty for a path parameter (the client refuses those). */
export function parameterValue(
  document: JsonObject,
  param: SpecParameter,
  useExamples = true,
): unknown {
  const example = useExamples ? ownExample(document, param) : undefined;
  let value: unknown;
  let schema: unknown = param.schema;
  if (example) value = example.value;
  else if (param.content) {
    const [media] = Object.values(param.content);
    schema = media?.schema;
    value =
      (useExamples ? ownExample(document, media)?.value : undefined) ??
      sampleSchema(document, media?.schema);
  } else value = sampleSchema(document, param.schema);
  if (param.in === "path" && (value === undefined || value === null || value === "")) {
    const resolved = deref<Schema | undefined>(document, schema);
    value = resolved?.type === "integer" || resolved?.type === "number" ? 1 : "x";
  }
  // Not in the path: Prism crashes on a path array of two items (prism-quirks.contract-test.ts).
  return param.in === "path" ? value : twoItems(document, schema, value);
}

/**
 * One-item arrays become two: on the wire `ids=a` is the same for ["a"] and "a", and Prism reads it
 * as a string whenever the schema is not literally `type: array` (anyOf [array, null], see
 * prism-quirks.contract-test.ts). Two items keep the test about the client.
 */
function twoItems(document: JsonObject, rawSchema: unknown, value: unknown): unknown {
  if (!Array.isArray(value) || value.length !== 1) return value;
  const schema = deref<Schema | undefined>(document, rawSchema);
  const arraySchema = [
    schema,
    ...(((schema?.anyOf ?? schema?.oneOf) as unknown[] | undefined) ?? []).map((s) =>
      deref<Schema | undefined>(document, s),
    ),
  ].find(
    (candidate) =>
      candidate?.type === "array" ||
      (Array.isArray(candidate?.type) && candidate.type.includes("array")),
  );
  if (typeof arraySchema?.maxItems === "number" && arraySchema.maxItems < 2) return value;
  const [item] = value;
  if (!arraySchema?.uniqueItems) return [item, item];
  const items = deref<Schema | undefined>(document, arraySchema.items);
  const other = Array.isArray(items?.enum)
    ? items.enum.find((candidate) => candidate !== item)
    : typeof item === "number"
      ? item + 1
      : typeof item === "string"
        ? `${item}2`
        : undefined;
  return other === undefined ? value : [item, other];
}

/** A value for a request body of `mediaType`, from the media type's example or its schema. */
export function bodyValue(
  document: JsonObject,
  media: { schema?: Schema; example?: unknown; examples?: unknown } | undefined,
  mediaType: string,
  useExamples = true,
): unknown {
  const type = mediaType.toLowerCase().split(";")[0].trim();
  const isXml = type === "application/xml" || type === "text/xml" || type.endsWith("+xml");
  const example = useExamples ? ownExample(document, media) : undefined;
  let value = example ? example.value : sampleSchema(document, media?.schema, { xml: isXml });
  if (type.startsWith("multipart/")) value = withBlobs(document, media?.schema, value);
  else if (
    !isJsonType(type) &&
    !type.startsWith("text/") &&
    type !== "application/x-www-form-urlencoded" &&
    !isXml
  ) {
    // A binary body (octet-stream, images, ...): real bytes, as a caller would pass them.
    value = new Blob([typeof value === "string" && value !== "" ? value : "contract-test-bytes"], {
      type,
    });
  }
  if (value === undefined && isJsonType(type)) value = {};
  return value;
}

export function isJsonType(type: string): boolean {
  return type === "application/json" || /[/+]json$/.test(type) || type === "*/*";
}

/** Multipart parts whose schema is binary (format binary/base64, contentMediaType) become Blobs. */
function withBlobs(document: JsonObject, rawSchema: unknown, value: unknown): unknown {
  const schema = flatten(document, rawSchema);
  if (!schema || value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [name, rawProperty] of Object.entries(properties)) {
    const property = flatten(document, rawProperty);
    if (!property) continue;
    const items = flatten(document, property.items);
    if (isBinary(property))
      out[name] = new Blob(["contract-test-bytes"], { type: "application/octet-stream" });
    else if (property.type === "array" && items && isBinary(items))
      out[name] = [new Blob(["contract-test-bytes"], { type: "application/octet-stream" })];
  }
  return out;
}

function isBinary(schema: Schema): boolean {
  return (
    (schema.type === "string" || schema.type === undefined) &&
    (schema.format === "binary" ||
      schema.format === "base64" ||
      typeof schema.contentMediaType === "string")
  );
}

/** A schema with $ref followed and allOf members' properties merged (enough to find binary parts). */
function flatten(document: JsonObject, raw: unknown): Schema | undefined {
  const schema = deref<Schema | undefined>(document, raw);
  if (!schema || typeof schema !== "object") return undefined;
  if (!Array.isArray(schema.allOf)) return schema;
  const merged: Schema = { ...schema, properties: { ...((schema.properties as object) ?? {}) } };
  for (const member of schema.allOf) {
    const part = flatten(document, member);
    if (part?.properties) Object.assign(merged.properties as object, part.properties);
  }
  return merged;
}
