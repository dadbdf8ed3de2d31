// Puts parameters on the wire per OpenAPI style/explode (OpenAPI 3.1 "Style Examples" table):
// each location's default style here (path and header simple, query and cookie form); the other
// styles (label, matrix, the delimited ones, deepObject, allowReserved) in param-styles.ts. A
// parameter's descriptor names the one it needs (ParameterSpec.styles); a plain path value needs
// neither (params.ts encodes it), so a client of such operations bundles neither file.
import { toWireText } from "./params.js";
import type { ParameterSpec, ParamStyles } from "./types.js";

export type Encode = (text: string) => string;
/**
 * A value as wire texts: one [undefined, text] for a primitive, one per array item, [key, text]
 * per object entry. Every style below is a way of joining these, so there is one walk per value.
 */
export type Entries = readonly (readonly [key: string | undefined, text: string])[];

/** One path parameter, percent-encoded, per style simple. */
export function serializePathParam(param: ParameterSpec, value: unknown): string {
  // The common case (a plain string or number) without building entries.
  if ((typeof value === "string" || typeof value === "number") && !param.isJson)
    return encodeURIComponent(value);
  return join(entriesOf(param, value), ",", param.explode ?? false, encodeURIComponent);
}

/** One query parameter as encoded `name=value` pieces (none for an empty exploded array). */
export function serializeQueryParam(param: ParameterSpec, value: unknown): string[] {
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

/** One header parameter's value (style simple). */
export function serializeHeaderParam(param: ParameterSpec, value: unknown): string {
  return join(entriesOf(param, value), ",", param.explode ?? false, String);
}

/** Each location's default style: what a descriptor names for a parameter that keeps it. */
export const defaultStyles: ParamStyles = {
  path: serializePathParam,
  query: serializeQueryParam,
  header: serializeHeaderParam,
  cookie: serializeCookieParam,
};

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
