// readOnly / writeOnly: a readOnly property is never sent, a writeOnly one never comes back. The
// named type keeps the response view (no writeOnly properties); a schema whose request view
// differs (it holds a readOnly or a writeOnly node, here or through refs) gets a second type,
// `<Name>Writable` (no readOnly properties, writeOnly ones kept), used by request bodies and
// parameters. Refs inside a writable view point at writable views in turn.
import type { Api, Operation } from "../../model/api.js";
import type { NamedSchema, ObjectSchema, Schema } from "../../model/schema.js";
import { mapChildren, withoutEmptyParts } from "./map-schema.js";

type View = "read" | "write";

export function splitReadWrite(api: Api): Api {
  const byId = new Map(api.schemas.map((s) => [s.id, s]));
  const needsWritable = schemasWith(
    api.schemas,
    byId,
    (s) => s.isReadOnly === true || s.isWriteOnly === true,
  );
  if (needsWritable.size === 0) return api;
  const writableId = (id: string) => `${id}#writable`;
  const view = (schema: Schema, mode: View): Schema =>
    viewOf(schema, mode, needsWritable, writableId);
  const schemas: NamedSchema[] = [];
  for (const named of api.schemas) {
    schemas.push({ ...named, schema: view(named.schema, "read") });
    if (needsWritable.has(named.id)) {
      schemas.push({
        id: writableId(named.id),
        name: `${named.name}Writable`,
        pointer: named.pointer,
        schema: view(named.schema, "write"),
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

/**
 * Ids of named schemas containing a node that matches, directly or through refs: one walk over
 * each schema, then the matches spread back to the schemas referring to them (rescanning every
 * schema until nothing changed took one pass per level of refs, a tenth of normalising GitHub).
 */
function schemasWith(
  schemas: NamedSchema[],
  byId: Map<string, NamedSchema>,
  matches: (s: Schema) => boolean,
): Set<string> {
  const found = new Set<string>();
  const referrers = new Map<string, string[]>();
  for (const named of schemas) {
    forEachNode(named.schema, (s) => {
      if (matches(s)) found.add(named.id);
      if (s.kind === "ref" && byId.has(s.target)) {
        const known = referrers.get(s.target);
        if (known) known.push(named.id);
        else referrers.set(s.target, [named.id]);
      }
    });
  }
  const pending = [...found];
  while (pending.length > 0) {
    for (const referrer of referrers.get(pending.pop()!) ?? []) {
      if (found.has(referrer)) continue;
      found.add(referrer);
      pending.push(referrer);
    }
  }
  return found;
}

/** `visit` every node of `schema` (not through refs), outermost first. */
function forEachNode(schema: Schema, visit: (s: Schema) => void): void {
  visit(schema);
  switch (schema.kind) {
    case "array":
      forEachNode(schema.items, visit);
      break;
    case "tuple":
      for (const item of schema.items) forEachNode(item, visit);
      if (schema.rest !== undefined) forEachNode(schema.rest, visit);
      break;
    case "object":
      for (const property of schema.properties) forEachNode(property.schema, visit);
      if (typeof schema.additional === "object") forEachNode(schema.additional, visit);
      break;
    case "union":
      for (const variant of schema.variants) forEachNode(variant, visit);
      break;
    case "intersection":
      for (const part of schema.parts) forEachNode(part, visit);
      break;
  }
}

/** The schema as seen in one direction: properties that do not travel that way dropped. */
function viewOf(
  schema: Schema,
  mode: View,
  needsWritable: Set<string>,
  writableId: (id: string) => string,
): Schema {
  const recurse = (s: Schema): Schema => viewOf(s, mode, needsWritable, writableId);
  const isHidden = (s: Schema) =>
    mode === "write" ? s.isReadOnly === true : s.isWriteOnly === true;
  if (schema.kind === "ref") {
    return mode === "write" && needsWritable.has(schema.target)
      ? { ...schema, target: writableId(schema.target) }
      : schema;
  }
  const viewed = mapChildren(
    schema.kind === "object" ? withoutHidden(schema, isHidden) : schema,
    recurse,
  );
  return viewed.kind === "intersection" ? withoutEmptyParts(viewed) : viewed;
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
