// Puts parameters on the wire per OpenAPI style/explode (OpenAPI 3.1 "Style Examples" table):
// path (simple, label, matrix), query (form, spaceDelimited, pipeDelimited, deepObject),
// header (simple) and cookie (form).
import { ownValue } from "./field-path.js";
import type { OperationSpec, ParameterSpec } from "./types.js";

/** The parameters of one call, encoded and grouped by where they go. */
export interface SerializedParams {
  /** The path template with every placeholder filled, percent-encoded. */
  readonly path: string;
  /** Encoded `name=value` pieces, in parameter order. */
  readonly query: readonly string[];
  readonly headers: readonly (readonly [string, string])[];
  /** `name=value` pieces for the one Cookie header. */
  readonly cookies: readonly string[];
}

type Encode = (text: string) => string;
type Shape =
  | { kind: "primitive"; text: string }
  | { kind: "array"; items: string[] }
  | { kind: "object"; entries: [string, string][] };

/** Serializes the call's arguments; throws a TypeError for a missing path parameter, before any request. */
export function serializeParams(
  op: OperationSpec,
  args: Readonly<Record<string, unknown>> | undefined,
): SerializedParams {
  const values = args ?? {};
  const query: string[] = [];
  const headers: [string, string][] = [];
  const cookies: string[] = [];
  for (const param of op.params) {
    if (param.in === "path") continue;
    const value = ownValue(values, param.arg ?? param.name);
    if (value === undefined || value === null) continue;
    if (param.in === "query") query.push(...serializeQueryParam(param, value));
    else if (param.in === "header")
      headers.push([
        param.name,
        serializeSimple(shapeOf(param, value), param.explode ?? false, String),
      ]);
    else cookies.push(...serializeCookieParam(param, value));
  }
  const template = pathTemplateOf(op);
  let path = template.literals[0];
  for (let index = 0; index < template.params.length; index++) {
    const param = template.params[index];
    const value = ownValue(values, param.arg ?? param.name);
    if (value === undefined || value === null || (value === "" && !param.allowsEmpty)) {
      throw new TypeError(
        `${op.id}: missing required path parameter "${param.name}" (got ${value === "" ? "an empty string" : String(value)})`,
      );
    }
    path += serializePathParam(param, value) + template.literals[index + 1];
  }
  if (template.params.length > 0 && mayHaveDotSegment(path) && DOT_SEGMENT.test(path))
    throw dotSegmentError(op, template, values);
  return { path, query, headers, cookies };
}

/**
 * A "." or ".." path segment (or its percent-encoded forms, which URL parsers treat the same):
 * `/jobs/{id}` with id ".." would request `/`. Encoding cannot help, so such values are refused,
 * as openai-node does.
 */
const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i;

/** A path without "." or "%2" cannot hold a dot segment: most paths skip the regex (per call). */
function mayHaveDotSegment(path: string): boolean {
  return path.includes(".") || path.includes("%2");
}

function dotSegmentError(
  op: OperationSpec,
  template: PathTemplate,
  values: Readonly<Record<string, unknown>>,
): TypeError {
  const param = template.params.find((candidate) =>
    /^(?:\.|%2e){1,2}$/i.test(String(ownValue(values, candidate.name))),
  );
  const which = param ? `path parameter "${param.name}"` : "a path parameter";
  return new TypeError(
    `${op.id}: ${which} is "." or "..", which would change the request's path; refused`,
  );
}

/** An operation's path split around its placeholders: literals[i], params[i], literals[i + 1]... */
interface PathTemplate {
  readonly literals: readonly string[];
  readonly params: readonly ParameterSpec[];
}

/** Path templates never change: split once per descriptor. */
const pathTemplates = new WeakMap<OperationSpec, PathTemplate>();

function pathTemplateOf(op: OperationSpec): PathTemplate {
  let template = pathTemplates.get(op);
  if (template === undefined) {
    const literals: string[] = [];
    const params: ParameterSpec[] = [];
    let last = 0;
    for (const match of op.path.matchAll(/\{([^}]+)\}/g)) {
      const name = match[1];
      literals.push(op.path.slice(last, match.index));
      params.push(
        op.params.find((param) => param.in === "path" && param.name === name) ?? {
          name,
          in: "path",
        },
      );
      last = (match.index ?? 0) + match[0].length;
    }
    literals.push(op.path.slice(last));
    template = { literals, params };
    pathTemplates.set(op, template);
  }
  return template;
}

/** One path parameter, percent-encoded, per style simple (default), label or matrix. */
export function serializePathParam(param: ParameterSpec, value: unknown): string {
  // The common case (a plain string or number, style simple) without building a shape.
  if (
    (typeof value === "string" || typeof value === "number") &&
    (param.style === undefined || param.style === "simple") &&
    !param.isJson
  )
    return encodeURIComponent(value);
  const shape = shapeOf(param, value);
  const explode = param.explode ?? false;
  const enc = encodeURIComponent;
  if (param.style === "label") return `.${joinShape(shape, explode ? "." : ",", explode, enc)}`;
  if (param.style !== "matrix") return serializeSimple(shape, explode, enc);
  const name = enc(param.name);
  if (shape.kind === "primitive")
    return shape.text === "" ? `;${name}` : `;${name}=${enc(shape.text)}`;
  if (shape.kind === "array" && explode)
    return shape.items.map((item) => `;${name}=${enc(item)}`).join("");
  if (shape.kind === "object" && explode)
    return shape.entries.map(([key, item]) => `;${enc(key)}=${enc(item)}`).join("");
  return `;${name}=${joinShape(shape, ",", false, enc)}`;
}

/** One query parameter as encoded `name=value` pieces (none for an empty exploded array). */
export function serializeQueryParam(param: ParameterSpec, value: unknown): string[] {
  const enc: Encode = param.allowReserved ? encodeAllowingReserved : encodeURIComponent;
  const name = encodeURIComponent(param.name);
  const style = param.style ?? "form";
  const explode = param.explode ?? style === "form";
  if (style === "deepObject" && !param.isJson && isPlainObject(value))
    return deepObjectPieces(name, value, enc);
  const shape = shapeOf(param, value);
  if (shape.kind === "primitive") return [`${name}=${enc(shape.text)}`];
  // An empty array repeats nothing when exploded; a delimited list of nothing is the empty value.
  if (shape.kind === "array" && shape.items.length === 0) return explode ? [] : [`${name}=`];
  if (explode) {
    return shape.kind === "array"
      ? shape.items.map((item) => `${name}=${enc(item)}`)
      : shape.entries.map(([key, item]) => `${encodeURIComponent(key)}=${enc(item)}`);
  }
  // Delimiters as OpenAPI shows them: "," for form, %20 for spaceDelimited, "|" for pipeDelimited;
  // %09 for Swagger 2.0's tsv (no OpenAPI 3 style; tabDelimited is ours).
  const delimiter =
    style === "spaceDelimited"
      ? "%20"
      : style === "pipeDelimited"
        ? "|"
        : style === "tabDelimited"
          ? "%09"
          : ",";
  return [`${name}=${joinShape(shape, delimiter, false, enc)}`];
}

/** One cookie parameter as `name=value` pieces (form style; explode repeats array items). */
export function serializeCookieParam(param: ParameterSpec, value: unknown): string[] {
  const shape = shapeOf(param, value);
  const enc = encodeURIComponent;
  const explode = param.explode ?? true;
  if (shape.kind === "array" && explode)
    return shape.items.map((item) => `${param.name}=${enc(item)}`);
  if (shape.kind === "object" && explode)
    return shape.entries.map(([key, item]) => `${key}=${enc(item)}`);
  return [`${param.name}=${joinShape(shape, ",", false, enc)}`];
}

/** A value as text on the wire: Dates as ISO 8601, nested objects as JSON, null as "". */
export function toWireText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function serializeSimple(shape: Shape, explode: boolean, enc: Encode): string {
  return joinShape(shape, ",", explode, enc);
}

/** Items joined by `delimiter`; object entries as key=value when exploded, else key,value. */
function joinShape(shape: Shape, delimiter: string, explode: boolean, enc: Encode): string {
  if (shape.kind === "primitive") return enc(shape.text);
  if (shape.kind === "array") return shape.items.map(enc).join(delimiter);
  return shape.entries
    .map(([key, item]) =>
      explode ? `${enc(key)}=${enc(item)}` : `${enc(key)}${delimiter}${enc(item)}`,
    )
    .join(delimiter);
}

function shapeOf(param: ParameterSpec, value: unknown): Shape {
  if (param.isJson) return { kind: "primitive", text: JSON.stringify(value) };
  if (Array.isArray(value)) return { kind: "array", items: value.map(toWireText) };
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return { kind: "object", entries: entries.map(([key, item]) => [key, toWireText(item)]) };
  }
  return { kind: "primitive", text: toWireText(value) };
}

/** deepObject: filter[status]=open&filter[tags][0]=a; nesting and array indices follow the `qs` convention. */
function deepObjectPieces(prefix: string, value: unknown, enc: Encode): string[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => deepObjectPieces(`${prefix}[${index}]`, item, enc));
  if (isPlainObject(value)) {
    return Object.entries(value).flatMap(([key, item]) =>
      item === undefined || item === null
        ? []
        : deepObjectPieces(`${prefix}[${encodeURIComponent(key)}]`, item, enc),
    );
  }
  return [`${prefix}=${enc(toWireText(value))}`];
}

/**
 * allowReserved: leave RFC 3986 reserved characters unencoded, except & = # + which would change
 * the meaning of the query string itself (a new parameter, a fragment, a space).
 */
function encodeAllowingReserved(text: string): string {
  return encodeURIComponent(text).replace(/%(3A|2F|3F|5B|5D|40|24|2C|3B)/gi, (escape) =>
    decodeURIComponent(escape),
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof Date)
    return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
