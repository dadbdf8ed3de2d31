// Puts a call's parameters where they go: fills the path template, percent-encoding a plain path
// value here, and hands every other parameter to the serializer its descriptor names
// (ParameterSpec.styles: serialize.ts's defaultStyles, param-styles.ts's paramStyles). A client
// whose operations take only plain path values bundles no style serializer at all.
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
    const styles = param.styles;
    if (styles === undefined) throw new TypeError(`${op.id}: "${param.name}" names no serializer`);
    if (param.in === "query") query.push(...styles.query(param, value));
    else if (param.in === "header") headers.push([param.name, styles.header(param, value)]);
    else cookies.push(...styles.cookie(param, value));
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
    path +=
      (param.styles ? param.styles.path(param, value) : encodeURIComponent(toWireText(value))) +
      template.literals[index + 1];
  }
  if (template.params.length > 0 && mayHaveDotSegment(path) && DOT_SEGMENT.test(path))
    throw dotSegmentError(op, template, values);
  return { path, query, headers, cookies };
}

/** A value as text on the wire: Dates as ISO 8601, nested objects as JSON, null as "". */
export function toWireText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
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
    /^(?:\.|%2e){1,2}$/i.test(String(ownValue(values, candidate.arg ?? candidate.name))),
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
