// Positions for diagnostics in a converted Swagger 2.0 document. Later stages only know pointers
// into the converted OpenAPI 3.0 document; the source file has a different shape. This maps such
// a pointer back to the source (definitions, securityDefinitions, body parameters, response
// schemas without `content`), and the locator then takes the deepest node that exists. Best
// effort by design: the printed pointer stays the converted one, only line:col come from here.
import { valueAtPointer } from "../shared/json-pointer.js";
import { isObject } from "../shared/is-object.js";

/** The pointer segments in the Swagger 2.0 `source` that best match `segments` in the `converted` document. */
export function swaggerSegments(
  source: unknown,
  converted: unknown,
  segments: readonly string[],
): string[] {
  const [first, second, ...rest] = segments;
  if (first === "components") {
    const section = componentSections[second ?? ""];
    if (!section) return [];
    return [section, ...namedEntry(rest)];
  }
  if (first === "servers") return ["host"];
  if (first === "paths" && second !== undefined)
    return ["paths", second, ...mapPathItem(source, converted, second, rest)];
  return [...segments];
}

/** components/<x> in 3.0 -> its 2.0 home. Request bodies came from `parameters` entries of `in: body`. */
const componentSections: Record<string, string> = {
  parameters: "parameters",
  requestBodies: "parameters",
  responses: "responses",
  schemas: "definitions",
  securitySchemes: "securityDefinitions",
};

function mapPathItem(source: unknown, converted: unknown, path: string, rest: string[]): string[] {
  const [method, ...inOperation] = rest;
  if (method === undefined) return [];
  if (method === "parameters")
    return mapParameters(source, converted, ["paths", path], inOperation);
  return [method, ...mapOperation(source, converted, ["paths", path, method], inOperation)];
}

function mapOperation(source: unknown, converted: unknown, at: string[], rest: string[]): string[] {
  const [key, ...inner] = rest;
  if (key === "parameters") return mapParameters(source, converted, at, inner);
  if (key === "requestBody") {
    // The body (or formData) parameter the request body was made from.
    const parameters = valueAtPointer(source, [...at, "parameters"]).value;
    const index = Array.isArray(parameters)
      ? parameters.findIndex((p) => isObject(p) && (p.in === "body" || p.in === "formData"))
      : -1;
    if (index === -1) return ["parameters"];
    const tail = dropContent(inner);
    return ["parameters", String(index), ...(tail[0] === "schema" ? tail : [])];
  }
  if (key === "responses") return ["responses", ...namedEntry(inner)];
  return rest;
}

/** A parameter keeps its name and location, but not its index: body and formData parameters moved out. */
function mapParameters(
  source: unknown,
  converted: unknown,
  at: string[],
  rest: string[],
): string[] {
  const [index, ...inner] = rest;
  if (index === undefined) return ["parameters"];
  const wanted = valueAtPointer(converted, [...at, "parameters", index]).value;
  const parameters = valueAtPointer(source, [...at, "parameters"]).value;
  if (!isObject(wanted) || !Array.isArray(parameters)) return ["parameters"];
  const found = parameters.findIndex(
    (p) =>
      isObject(p) &&
      (typeof wanted.$ref === "string"
        ? p.$ref !== undefined
        : p.name === wanted.name && p.in === wanted.in),
  );
  if (found === -1) return ["parameters"];
  // 2.0 non-body parameters carry their type inline: the 3.0 `schema` is the parameter itself.
  return ["parameters", String(found), ...(inner[0] === "schema" ? inner.slice(1) : inner)];
}

/** Inside a response (or a named component): `content/<type>/schema` was `schema`. */
function namedEntry(rest: string[]): string[] {
  return rest.length >= 2 ? [rest[0], ...dropContent(rest.slice(1))] : rest;
}

function dropContent(segments: string[]): string[] {
  return segments[0] === "content" && segments[2] === "schema" ? segments.slice(2) : segments;
}
