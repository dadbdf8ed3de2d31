// Puts a call's parameters where they go: fills the path template, percent-encoding a plain path
// value here, and hands every other parameter to the serializer its descriptor names
// (ParameterSpec.styles: serialize.ts's defaultStyles, param-styles.ts's paramStyles). A client
// whose operations take only plain path values bundles no style serializer at all.
import { ownValue } from "./field-path.js";
import type { OperationSpec, ParameterSpec } from "./types.js";

/**
 * The call's path (filled, percent-encoded) and query (`?a=1&b=2`, or nothing); header and cookie
 * parameters go into `headers` (names lower-cased; cookies as one `cookie` header). Throws a
 * TypeError for a missing path parameter, or a "." or ".." path segment, before any request.
 */
export function serializeParams(
  op: OperationSpec,
  args: Readonly<Record<string, unknown>> | undefined,
  headers: Record<string, string>,
): string {
  let query = "";
  let cookie = "";
  // No parameters list (only plain path ones): nothing to walk, and no empty array per call.
  if (op.params)
    for (const param of op.params) {
      const value = param.in === "path" ? undefined : ownValue(args, param.arg ?? param.name);
      if (value === undefined || value === null) continue;
      const styles = param.styles!;
      if (param.in === "header") headers[param.name.toLowerCase()] = styles.header(param, value);
      else if (param.in === "query")
        for (const piece of styles.query(param, value)) query += (query ? "&" : "?") + piece;
      else for (const piece of styles.cookie(param, value)) cookie += (cookie ? "; " : "") + piece;
    }
  if (cookie) headers.cookie = cookie;
  // Indexed: a for-of over the template walks an iterator per call.
  const { literals, params } = pathTemplateOf(op);
  let path = literals[0];
  for (let index = 0; index < params.length; index++) {
    const param = params[index];
    const value = ownValue(args, param.arg ?? param.name);
    if (value === undefined || value === null || (value === "" && !param.allowsEmpty))
      throw new TypeError(
        `${op.id}: missing required path parameter "${param.name}" (got ${value === "" ? "an empty string" : String(value)})`,
      );
    path +=
      (param.styles ? param.styles.path(param, value) : encodeURIComponent(toWireText(value))) +
      literals[index + 1];
  }
  // Most paths hold no "." and no "%2": they skip the regex.
  if (params.length > 0 && (path.includes(".") || path.includes("%2")) && DOT_SEGMENT.test(path)) {
    const param = params.find((candidate) =>
      /^(?:\.|%2e){1,2}$/i.test(String(ownValue(args, candidate.arg ?? candidate.name))),
    );
    throw new TypeError(
      `${op.id}: path parameter "${param?.name ?? "?"}" is "." or "..", which would change the path`,
    );
  }
  return path + query;
}

/**
 * A "." or ".." segment (or its percent-encoded forms, which URL parsers treat the same):
 * `/jobs/{id}` with id ".." would request `/`. Encoding cannot help, so such values are refused,
 * as openai-node does. A constant: a regex literal in a function is a new object per call.
 */
const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i;

/** A value as text on the wire: Dates as ISO 8601, nested objects as JSON, null as "". */
export function toWireText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
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
    const parts = op.path.split(/\{([^}]+)\}/);
    template = {
      literals: parts.filter((_, index) => index % 2 === 0),
      params: parts
        .filter((_, index) => index % 2 === 1)
        .map(
          (name) =>
            op.params?.find((param) => param.in === "path" && param.name === name) ?? {
              name,
              in: "path",
            },
        ),
    };
    pathTemplates.set(op, template);
  }
  return template;
}
