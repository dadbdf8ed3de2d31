// Puts parameters on the wire per OpenAPI style/explode (OpenAPI 3.1 "Style Examples" table):
// each location's default style here (path and header simple, query and cookie form); the other
// styles (label, matrix, the delimited ones, deepObject, allowReserved) in param-styles.ts, which
// a parameter's descriptor names when it needs them, so most clients never bundle them.
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

export type Encode = (text: string) => string;
/**
 * A value as wire texts: one [undefined, text] for a primitive, one per array item, [key, text]
 * per object entry. Every style below is a way of joining these, so there is one walk per value.
 */
export type Entries = readonly (readonly [key: string | undefined, text: string])[];

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
        join(entriesOf(param, value), ",", param.explode ?? false, String),
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
  if (param.styles) return param.styles.path(param, value);
  // The common case (a plain string or number) without building entries.
  if ((typeof value === "string" || typeof value === "number") && !param.isJson)
    return encodeURIComponent(value);
  return join(entriesOf(param, value), ",", param.explode ?? false, encodeURIComponent);
}

/** One query parameter as encoded `name=value` pieces (none for an empty exploded array). */
export function serializeQueryParam(param: ParameterSpec, value: unknown): string[] {
  if (param.styles) return param.styles.query(param, value);
  const name = encodeURIComponent(param.name);
  const entries = entriesOf(param, value);
  // Exploded (form's default), each item repeats the name and each entry is key=value (an empty
  // array sends none); else one name=a,b,c.
  if (param.explode ?? true) return explodedQuery(name, entries, encodeURIComponent);
  return [`${name}=${join(entries, ",", false, encodeURIComponent)}`];
}

/** Exploded query pieces: `name=item` per array item, `key=value` per object entry. */
export function explodedQuery(name: string, entries: Entries, enc: Encode): string[] {
  return entries.map(
    ([key, text]) => `${key === undefined ? name : encodeURIComponent(key)}=${enc(text)}`,
  );
}

/** One cookie parameter as `name=value` pieces (form style; explode repeats array items). */
export function serializeCookieParam(param: ParameterSpec, value: unknown): string[] {
  const entries = entriesOf(param, value);
  const enc = encodeURIComponent;
  if (param.explode ?? true)
    return entries.map(([key, text]) => `${key ?? param.name}=${enc(text)}`);
  return [`${param.name}=${join(entries, ",", false, enc)}`];
}

/** A value as text on the wire: Dates as ISO 8601, nested objects as JSON, null as "". */
export function toWireText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Texts joined by `delimiter`; object entries as key=value when exploded, else key,value. */
export function join(entries: Entries, delimiter: string, explode: boolean, enc: Encode): string {
  return entries
    .map(([key, text]) =>
      key === undefined ? enc(text) : `${enc(key)}${explode ? "=" : delimiter}${enc(text)}`,
    )
    .join(delimiter);
}

export function entriesOf(param: ParameterSpec, value: unknown): Entries {
  if (param.isJson) return [[undefined, JSON.stringify(value)]];
  if (Array.isArray(value)) return value.map((item) => [undefined, toWireText(item)]);
  if (isPlainObject(value))
    return Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => [key, toWireText(item)]);
  return [[undefined, toWireText(value)]];
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof Date)
    return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
