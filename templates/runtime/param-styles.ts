// The parameter styles beyond each location's default: path label and matrix; query
// spaceDelimited, pipeDelimited, tabDelimited, deepObject; allowReserved. A parameter's descriptor
// names `paramStyles` only when it uses one of them, so a client whose parameters keep the
// defaults never bundles (or ships) this file.
import {
  defaultStyles,
  entriesOf,
  explodedQuery,
  isPlainObject,
  join,
  serializePathParam,
  serializeQueryParam,
} from "./serialize.js";
import type { Encode } from "./serialize.js";
import { toWireText } from "./params.js";
import type { ParamStyles } from "./types.js";

export const paramStyles: ParamStyles = {
  ...defaultStyles,
  path: (param, value) => {
    const style = param.style;
    if (param.skipsEncoding && style !== "label" && style !== "matrix")
      return join(entriesOf(param, value), ",", param.explode ?? false, asIs);
    if (style !== "label" && style !== "matrix") return serializePathParam(param, value);
    const entries = entriesOf(param, value);
    const explode = param.explode ?? false;
    const enc = encodeURIComponent;
    if (style === "label") return `.${join(entries, explode ? "." : ",", explode, enc)}`;
    const name = enc(param.name);
    // A primitive (exploded or not) is `;name=value`, and an empty one just `;name`.
    if (param.isJson || !(Array.isArray(value) || isPlainObject(value)))
      return entries[0][1] === "" ? `;${name}` : `;${name}=${enc(entries[0][1])}`;
    if (explode)
      return entries
        .map(([key, text]) => `;${key === undefined ? name : enc(key)}=${enc(text)}`)
        .join("");
    return `;${name}=${join(entries, ",", false, enc)}`;
  },
  query: (param, value) => {
    const style = param.style ?? "form";
    if (style === "form" && !param.allowReserved && !param.skipsEncoding)
      return serializeQueryParam(param, value);
    const enc: Encode = param.skipsEncoding
      ? asIs
      : param.allowReserved
        ? encodeAllowingReserved
        : encodeURIComponent;
    const name = encodeURIComponent(param.name);
    if (style === "deepObject" && !param.isJson && isPlainObject(value))
      return deepObjectPieces(name, value, enc);
    const entries = entriesOf(param, value);
    if (param.explode ?? style === "form") return explodedQuery(name, entries, enc);
    // Delimiters as OpenAPI shows them: "," for form, %20 for spaceDelimited, "|" for
    // pipeDelimited; %09 for Swagger 2.0's tsv (no OpenAPI 3 style; tabDelimited is ours).
    const delimiter =
      style === "spaceDelimited"
        ? "%20"
        : style === "pipeDelimited"
          ? "|"
          : style === "tabDelimited"
            ? "%09"
            : ",";
    return [`${name}=${join(entries, delimiter, false, enc)}`];
  },
};

/** x-ms-skip-url-encoding: the value as the caller gave it. */
const asIs: Encode = (text) => text;

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
