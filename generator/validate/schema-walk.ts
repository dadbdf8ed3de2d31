// Every Schema Object a validate rule may care about: component schemas, parameter, header and
// media-type schemas under paths and components, their subschemas, and (through `$ref`) schemas in
// other files. Each is visited once, with the file and pointer where it sits.
import type { LoadedSpec } from "../load/loaded-spec.js";
import { childPointer } from "../shared/json-pointer.js";
import { isObject } from "../shared/is-object.js";

export interface SchemaVisit {
  file: string;
  pointer: string;
  schema: Record<string, unknown>;
}

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
/** Keywords holding one subschema. */
const singleKeywords = [
  "items",
  "additionalProperties",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "propertyNames",
  "unevaluatedProperties",
  "unevaluatedItems",
  "additionalItems",
];
/** Keywords holding a list of subschemas. */
const listKeywords = ["allOf", "oneOf", "anyOf", "prefixItems"];
/** Keywords holding a map of name -> subschema. */
const mapKeywords = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];

const subschemaKeywords = new Set([...singleKeywords, ...listKeywords, ...mapKeywords]);

function hasSubschemaKeyword(value: Record<string, unknown>): boolean {
  for (const key in value) if (subschemaKeywords.has(key)) return true;
  return false;
}

const refSchemasBySpec = new WeakMap<LoadedSpec, SchemaVisit[]>();

/**
 * The schemas holding a `$ref`, in walk order: what every rule looks at. The walk over every
 * schema of the document runs once per spec however many rules ask (a fifth of validating GitHub's
 * 13 MB document per walk); only the few schemas with a `$ref` are kept.
 */
export function schemasWithRef(spec: LoadedSpec): readonly SchemaVisit[] {
  let found = refSchemasBySpec.get(spec);
  if (found === undefined) {
    const visits: SchemaVisit[] = [];
    forEachSchema(spec, (at) => {
      if (typeof at.schema.$ref === "string") visits.push(at);
    });
    found = visits;
    refSchemasBySpec.set(spec, found);
  }
  return found;
}

/** Call `visit` for every schema reachable from the root document, depth first, each (file, pointer) once. */
function forEachSchema(spec: LoadedSpec, visit: (at: SchemaVisit) => void): void {
  // Where each object was visited, by identity: a (file, pointer) holds one object, so an object
  // not met before is a new place without building a key string per schema (hundreds of
  // thousands on big documents); one met before may still sit at a second place (a YAML alias).
  const seen = new Map<object, { file: string; pointer: string }[]>();
  const walk = (value: unknown, file: string, pointer: string): void => {
    if (!isObject(value)) return;
    const places = seen.get(value);
    if (places?.some((p) => p.file === file && p.pointer === pointer)) return;
    if (places) places.push({ file, pointer });
    else seen.set(value, [{ file, pointer }]);
    visit({ file, pointer, schema: value });
    if (typeof value.$ref === "string") {
      const target = spec.resolveRef(value.$ref, file);
      if (target && target.file !== file) walk(target.value, target.file, target.pointer);
    }
    // Most schemas are leaves: one pass over their few keys spares probing twenty keywords.
    if (!hasSubschemaKeyword(value)) return;
    // Pointers are built only for keywords present: most schemas have none of them.
    for (const k of singleKeywords)
      if (isObject(value[k])) walk(value[k], file, childPointer(pointer, k));
    for (const k of listKeywords) {
      const list = value[k];
      if (Array.isArray(list))
        list.forEach((item, i) => walk(item, file, childPointer(childPointer(pointer, k), i)));
    }
    if (Array.isArray(value.items))
      value.items.forEach((item, i) =>
        walk(item, file, childPointer(childPointer(pointer, "items"), i)),
      );
    for (const k of mapKeywords) {
      const map = value[k];
      if (isObject(map))
        for (const [name, sub] of Object.entries(map))
          walk(sub, file, childPointer(childPointer(pointer, k), name));
    }
  };
  for (const { value, pointer } of schemaRoots(spec.document)) walk(value, spec.file, pointer);
}

interface Root {
  pointer: string;
  value: unknown;
}

/** The places in an OpenAPI document where a schema starts. */
function schemaRoots(document: Record<string, unknown>): Root[] {
  const roots: Root[] = [];
  const components = isObject(document.components) ? document.components : {};
  const at = (section: string) => childPointer("#/components", section);
  if (isObject(components.schemas)) {
    for (const [name, value] of Object.entries(components.schemas))
      roots.push({ pointer: childPointer(at("schemas"), name), value });
  }
  for (const section of ["parameters", "headers"]) {
    const map = components[section];
    if (isObject(map))
      for (const [name, value] of Object.entries(map))
        roots.push(...parameterSchemas(value, childPointer(at(section), name)));
  }
  for (const section of ["responses", "requestBodies"]) {
    const map = components[section];
    if (isObject(map))
      for (const [name, value] of Object.entries(map))
        roots.push(...bodySchemas(value, childPointer(at(section), name)));
  }
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const itemAt = childPointer("#/paths", path);
    roots.push(...parameterListSchemas(item.parameters, childPointer(itemAt, "parameters")));
    for (const method of methods) {
      const op = item[method];
      if (!isObject(op)) continue;
      const opAt = childPointer(itemAt, method);
      roots.push(...parameterListSchemas(op.parameters, childPointer(opAt, "parameters")));
      roots.push(...bodySchemas(op.requestBody, childPointer(opAt, "requestBody")));
      if (isObject(op.responses)) {
        for (const [status, response] of Object.entries(op.responses))
          roots.push(
            ...bodySchemas(response, childPointer(childPointer(opAt, "responses"), status)),
          );
      }
    }
  }
  return roots;
}

function parameterListSchemas(list: unknown, pointer: string): Root[] {
  return Array.isArray(list)
    ? list.flatMap((p, i) => parameterSchemas(p, childPointer(pointer, i)))
    : [];
}

/** A Parameter or Header Object: `schema`, or `content` with one media type. */
function parameterSchemas(value: unknown, pointer: string): Root[] {
  if (!isObject(value)) return [];
  const roots: Root[] =
    value.schema === undefined
      ? []
      : [{ pointer: childPointer(pointer, "schema"), value: value.schema }];
  return [...roots, ...contentSchemas(value.content, childPointer(pointer, "content"))];
}

/** A Response or Request Body Object: `content` schemas, and response header schemas. */
function bodySchemas(value: unknown, pointer: string): Root[] {
  if (!isObject(value)) return [];
  const roots = contentSchemas(value.content, childPointer(pointer, "content"));
  if (isObject(value.headers)) {
    for (const [name, header] of Object.entries(value.headers))
      roots.push(...parameterSchemas(header, childPointer(childPointer(pointer, "headers"), name)));
  }
  return roots;
}

function contentSchemas(content: unknown, pointer: string): Root[] {
  if (!isObject(content)) return [];
  return Object.entries(content).flatMap(([type, media]) =>
    isObject(media) && media.schema !== undefined
      ? [{ pointer: childPointer(childPointer(pointer, type), "schema"), value: media.schema }]
      : [],
  );
}
