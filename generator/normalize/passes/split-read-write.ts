// readOnly / writeOnly: a readOnly property is never sent, a writeOnly one never comes back. The
// named type keeps the response view (no writeOnly properties); a schema whose request view
// differs (it holds a readOnly or a writeOnly node, here or through refs) gets a second type,
// `<Name>Writable` (no readOnly properties, writeOnly ones kept), used by request bodies and
// parameters. Refs inside a writable view point at writable views in turn.
// A constant the spec requires (an enum of one value, `const`) is optional in the request view:
// the client sends it itself (AutoRest's constants). Only in schemas requests reach, and never in
// a union's variant, where the constant tells the variants apart. The request view records what
// it changed (ObjectSchema.omittedReadOnly, Property.isFilledIn) for the runtime's write plans.
import type { Api, Operation } from "../../model/api.js";
import type { EnumSchema, NamedSchema, ObjectSchema, Schema } from "../../model/schema.js";
import { mapChildren, withoutEmptyParts } from "./map-schema.js";
import { containsNode, forEachNode, schemasWith } from "./schemas-with.js";

type View = "read" | "write";

export function splitReadWrite(api: Api): Api {
  const byId = new Map(api.schemas.map((s) => [s.id, s]));
  const hasHidden = schemasWith(
    api.schemas,
    byId,
    (s) => s.isReadOnly === true || s.isWriteOnly === true,
  );
  const variants = unionVariants(api);
  const reached = requestReached(api, byId);
  const hasFilled = schemasWith(
    api.schemas.filter((s) => reached.has(s.id) && !variants.has(s.id)),
    byId,
    hasRequiredConstant,
  );
  const needsWritable = new Set([...hasHidden, ...hasFilled]);
  const isInlineChanged = (s: Schema) =>
    s.isReadOnly === true || s.isWriteOnly === true || hasRequiredConstant(s);
  if (
    needsWritable.size === 0 &&
    !requestSchemas(api).some((s) => containsNode(s, isInlineChanged))
  )
    return api;
  const writableId = (id: string) => `${id}#writable`;
  const context = { needsWritable, writableId, fills: true };
  const view = (schema: Schema, mode: View): Schema => viewOf(schema, mode, context);
  const schemas: NamedSchema[] = [];
  for (const named of api.schemas) {
    schemas.push({ ...named, schema: view(named.schema, "read") });
    if (needsWritable.has(named.id)) {
      schemas.push({
        id: writableId(named.id),
        name: `${named.name}Writable`,
        pointer: named.pointer,
        schema: viewOf(named.schema, "write", { ...context, fills: !variants.has(named.id) }),
      });
    }
  }
  const operations = api.operations.map((op): Operation => ({
    ...op,
    parameters: op.parameters.map((p) => ({ ...p, schema: view(p.schema, "write") })),
    requestBody: op.requestBody && {
      ...op.requestBody,
      schema: view(op.requestBody.schema, "write"),
    },
    responses: op.responses.map((r) => ({
      ...r,
      headers: r.headers.map((h) => ({ ...h, schema: view(h.schema, "read") })),
      schema: r.schema && view(r.schema, "read"),
    })),
  }));
  return { ...api, operations, schemas };
}

/** An object node with a required property whose value can only be one constant. */
function hasRequiredConstant(schema: Schema): boolean {
  return (
    schema.kind === "object" && schema.properties.some((p) => p.isRequired && isConstant(p.schema))
  );
}

/** Required properties of an object node whose value can only be one constant (not null). */
function requiredConstants(schema: Schema): string[] {
  if (schema.kind !== "object") return [];
  return schema.properties.filter((p) => p.isRequired && isConstant(p.schema)).map((p) => p.name);
}

/** A schema that allows one value only, not null (what AutoRest treats as a constant). */
export function isConstant(
  schema: Schema,
): schema is EnumSchema & { values: [boolean | number | string] } {
  return (
    schema.kind === "enum" &&
    schema.values.length === 1 &&
    schema.values[0] !== null &&
    !schema.isNullable &&
    !schema.isReadOnly
  );
}

/** Ids of named schemas that are a union's variant somewhere: their constants stay required. */
function unionVariants(api: Api): Set<string> {
  const ids = new Set<string>();
  const visit = (schema: Schema): void => {
    if (schema.kind === "union")
      for (const v of schema.variants) if (v.kind === "ref") ids.add(v.target);
  };
  for (const named of api.schemas) forEachNode(named.schema, visit);
  for (const schema of requestSchemas(api)) forEachNode(schema, visit);
  return ids;
}

/** Ids of named schemas a request body or parameter reaches, through refs. */
function requestReached(api: Api, byId: Map<string, NamedSchema>): Set<string> {
  const reached = new Set<string>();
  const visit = (schema: Schema): void => {
    const target = schema.kind === "ref" ? byId.get(schema.target) : undefined;
    if (target && !reached.has(target.id)) {
      reached.add(target.id);
      forEachNode(target.schema, visit);
    }
  };
  for (const schema of requestSchemas(api)) forEachNode(schema, visit);
  return reached;
}

/** The schemas of every request body and parameter. */
function requestSchemas(api: Api): Schema[] {
  return api.operations.flatMap((op) => [
    ...(op.requestBody ? [op.requestBody.schema] : []),
    ...op.parameters.map((p) => p.schema),
  ]);
}

interface ViewContext {
  readonly needsWritable: Set<string>;
  readonly writableId: (id: string) => string;
  /** Required constants become optional (false inside a union's variants). */
  readonly fills: boolean;
}

/** The schema as seen in one direction: properties that do not travel that way dropped. */
function viewOf(schema: Schema, mode: View, context: ViewContext): Schema {
  const recurse = (s: Schema): Schema =>
    viewOf(s, mode, schema.kind === "union" ? { ...context, fills: false } : context);
  if (schema.kind === "ref") {
    return mode === "write" && context.needsWritable.has(schema.target)
      ? { ...schema, target: context.writableId(schema.target) }
      : schema;
  }
  let own = schema;
  if (schema.kind === "object")
    own = mode === "write" ? writeView(schema, context.fills) : readView(schema);
  const viewed = mapChildren(own, recurse);
  return viewed.kind === "intersection" ? withoutEmptyParts(viewed) : viewed;
}

function readView(schema: ObjectSchema): ObjectSchema {
  return withoutHidden(schema, (s) => s.isWriteOnly === true);
}

/** Without readOnly properties (named in omittedReadOnly); required constants optional when `fills`. */
function writeView(schema: ObjectSchema, fills: boolean): ObjectSchema {
  const omitted = schema.properties.filter((p) => p.schema.isReadOnly === true);
  const view = withoutHidden(schema, (s) => s.isReadOnly === true);
  const constants = new Set(fills ? requiredConstants(schema) : []);
  return {
    ...view,
    ...(omitted.length > 0 ? { omittedReadOnly: omitted.map((p) => p.name) } : {}),
    properties: view.properties.map((p) =>
      constants.has(p.name) ? { ...p, isRequired: false, isFilledIn: true } : p,
    ),
  };
}

/**
 * An object without the properties that do not travel this way. When that empties an object that
 * was closed only by convention, it is open again: `{}` is what the spec allows there, and an
 * object type that admits nothing would make every allOf it is part of unsatisfiable.
 */
function withoutHidden(schema: ObjectSchema, isHidden: (s: Schema) => boolean): ObjectSchema {
  const properties = schema.properties.filter((p) => !isHidden(p.schema));
  if (properties.length > 0 || !schema.isClosedByDefault) return { ...schema, properties };
  const { isClosedByDefault: _closed, ...open } = schema;
  return { ...open, additional: true, properties };
}
