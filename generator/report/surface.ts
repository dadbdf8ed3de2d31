// The client surface: what callers of a generated client depend on, as plain comparable data
// (operations with their parameters, result fields, named types with their fields and enum values).
// Stored in clientgen.json so the next regeneration can say what changed for callers.
import type { Api, Operation } from "../model/api.js";
import type { Schema } from "../model/schema.js";

export interface Surface {
  /** By client method name. */
  operations: Record<string, SurfaceOperation>;
  /** By exported type name. */
  types: Record<string, SurfaceType>;
  /** info.version of the spec. */
  version: string;
}

export interface SurfaceOperation {
  /** Request body type, "!" prefixed when required; absent without a body. */
  body?: string;
  method: string;
  /** By parameter name: its type, "!" prefixed when required. */
  params: Record<string, string>;
  path: string;
  /** Type of the success result. */
  result: string;
  /** Fields of the result when it is an inline object (named results are compared as types). */
  resultFields?: Record<string, string>;
}

export interface SurfaceType {
  /** Enum values as JSON text. */
  enum?: string[];
  /** Object fields by wire name: their type, "!" prefixed when required. */
  fields?: Record<string, string>;
  /** The type's shape when it is neither an object nor an enum. */
  type?: string;
  /** Where callers meet the type: sent in requests ("input"), read from responses ("output"). */
  usage: ("input" | "output")[];
}

/** Derive the surface of `api`. */
export function surfaceOf(api: Api): Surface {
  const names = new Map(api.schemas.map((s) => [s.id, s.name]));
  const operations: Record<string, SurfaceOperation> = {};
  for (const op of api.operations) operations[op.name] = operationSurface(op, names);
  const usage = usageOf(api);
  const types: Record<string, SurfaceType> = {};
  for (const named of api.schemas)
    types[named.name] = { ...typeSurface(named.schema, names), usage: usage.get(named.id) ?? [] };
  return { operations, types, version: api.version };
}

function operationSurface(op: Operation, names: Map<string, string>): SurfaceOperation {
  const params: Record<string, string> = {};
  for (const p of op.parameters)
    params[p.argName ?? p.name] = `${p.isRequired ? "!" : ""}${typeText(p.schema, names)}`;
  const success = op.responses.find((r) => /^2/.test(r.status));
  const schema = success?.schema;
  const surface: SurfaceOperation = {
    method: op.method,
    params,
    path: op.path,
    result: schema ? typeText(schema, names) : "void",
  };
  if (op.requestBody)
    surface.body = `${op.requestBody.isRequired ? "!" : ""}${typeText(op.requestBody.schema, names)}`;
  if (schema?.kind === "object") surface.resultFields = fieldsOf(schema, names);
  return surface;
}

/** Per named schema id: reached from request parameters/bodies, from responses, or both. */
function usageOf(api: Api): Map<string, ("input" | "output")[]> {
  const byId = new Map(api.schemas.map((s) => [s.id, s.schema]));
  const reach = (roots: Schema[]): Set<string> => {
    const seen = new Set<string>();
    const visit = (schema: Schema): void => {
      if (schema.kind === "ref") {
        if (seen.has(schema.target)) return;
        seen.add(schema.target);
        const target = byId.get(schema.target);
        if (target) visit(target);
        return;
      }
      for (const child of childrenOf(schema)) visit(child);
    };
    roots.forEach(visit);
    return seen;
  };
  const inputs = reach(
    api.operations.flatMap((op) => [
      ...op.parameters.map((p) => p.schema),
      ...(op.requestBody ? [op.requestBody.schema] : []),
    ]),
  );
  const outputs = reach(
    api.operations.flatMap((op) => op.responses.flatMap((r) => (r.schema ? [r.schema] : []))),
  );
  const usage = new Map<string, ("input" | "output")[]>();
  for (const named of api.schemas) {
    usage.set(named.id, [
      ...(inputs.has(named.id) ? ["input" as const] : []),
      ...(outputs.has(named.id) ? ["output" as const] : []),
    ]);
  }
  return usage;
}

function childrenOf(schema: Schema): Schema[] {
  switch (schema.kind) {
    case "array":
      return [schema.items];
    case "tuple":
      return [...schema.items, ...(schema.rest ? [schema.rest] : [])];
    case "object":
      return [
        ...schema.properties.map((p) => p.schema),
        ...(typeof schema.additional === "object" ? [schema.additional] : []),
      ];
    case "union":
      return schema.variants;
    case "intersection":
      return schema.parts;
    default:
      return [];
  }
}

function typeSurface(schema: Schema, names: Map<string, string>): Omit<SurfaceType, "usage"> {
  if (schema.kind === "object") return { fields: fieldsOf(schema, names) };
  if (schema.kind === "enum") return { enum: schema.values.map((v) => JSON.stringify(v)) };
  return { type: typeText(schema, names) };
}

function fieldsOf(
  schema: Schema & { kind: "object" },
  names: Map<string, string>,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const p of schema.properties)
    fields[p.name] = `${p.isRequired ? "!" : ""}${typeText(p.schema, names)}`;
  return fields;
}

/** A short TypeScript-like spelling of a schema, enough to see that a type changed. */
export function typeText(schema: Schema, names: Map<string, string>, depth = 0): string {
  const text = bareText(schema, names, depth);
  return schema.isNullable && text !== "null" ? `${text} | null` : text;
}

function bareText(schema: Schema, names: Map<string, string>, depth: number): string {
  const inner = (s: Schema) => typeText(s, names, depth + 1);
  const wrap = (s: Schema) => (/[|&]/.test(inner(s)) ? `(${inner(s)})` : inner(s));
  switch (schema.kind) {
    case "ref":
      return names.get(schema.target) ?? schema.target;
    case "integer":
    case "number":
      return "number";
    case "boolean":
    case "null":
    case "string":
    case "unknown":
    case "never":
      return schema.kind;
    case "binary":
      return "Blob";
    case "date":
      return "Date";
    case "enum":
      return schema.values.map((v) => JSON.stringify(v)).join(" | ");
    case "array":
      return `${wrap(schema.items)}[]`;
    case "tuple":
      return `[${[...schema.items.map(inner), ...(schema.rest ? [`...${wrap(schema.rest)}[]`] : [])].join(", ")}]`;
    case "union":
      return schema.variants.map(inner).join(" | ");
    case "intersection":
      return schema.parts.map(wrap).join(" & ");
    case "object": {
      if (depth > 2) return "object";
      const fields = schema.properties.map(
        (p) => `${p.name}${p.isRequired ? "" : "?"}: ${inner(p.schema)}`,
      );
      if (schema.additional !== false)
        fields.push(
          `[key: string]: ${schema.additional === true ? "unknown" : inner(schema.additional)}`,
        );
      return `{ ${fields.join("; ")} }`;
    }
  }
}
