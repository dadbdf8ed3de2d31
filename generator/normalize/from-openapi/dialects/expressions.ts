// The path languages vendor extensions use, read into FieldPaths: JSONPath (`$.data[-1].id`),
// OpenAPI runtime expressions (`$response.body#/status`, Fern's `$response.data`, `$request.cursor`).
import type { FieldPath, Parameter } from "../../../model/api.js";
import { unescapeSegment } from "../../../shared/json-pointer.js";

/**
 * `$.a.b[0]`, `$['a'].b`, `$response.a.b`, `$response.body#/a/b` -> ["a", "b", ...]; undefined for
 * anything a FieldPath cannot say (wildcards, filters, slices, recursive descent).
 */
export function responsePathOf(expression: unknown): FieldPath | undefined {
  if (typeof expression !== "string") return undefined;
  const text = expression.trim();
  const pointer = /^\$response\.body#(\/.*)?$/.exec(text);
  if (pointer) return pointerPath(pointer[1] ?? "");
  const body = /^\$response\.body(\..*)?$/.exec(text);
  if (body) return dottedPath(body[1] ?? "");
  const response = /^\$response(\..+)$/.exec(text);
  if (response) return dottedPath(response[1]);
  const jsonPath = /^\$((?:\.|\[).*)?$/.exec(text);
  return jsonPath ? dottedPath(jsonPath[1] ?? "") : undefined;
}

/** `$request.cursor`, `$request.query.cursor` or a bare name -> the query parameter it names. */
export function requestParameterOf(
  expression: unknown,
  parameters: Parameter[],
): string | undefined {
  if (typeof expression !== "string") return undefined;
  const name = expression.replace(/^\$request\.(query\.)?/, "");
  return parameters.some((p) => p.in === "query" && p.name === name) ? name : undefined;
}

function pointerPath(pointer: string): FieldPath {
  if (pointer === "" || pointer === "/") return [];
  return pointer
    .slice(1)
    .split("/")
    .map(unescapeSegment)
    .map((step) => (/^(0|[1-9]\d*)$/.test(step) ? Number(step) : step));
}

/** `.a.b[0]['c d'][-1]` -> ["a", "b", 0, "c d", -1]. */
function dottedPath(text: string): FieldPath | undefined {
  const path: FieldPath = [];
  const step = /\.([A-Za-z_$][\w$-]*)|\[(-?\d+)\]|\[(?:'([^']*)'|"([^"]*)")\]/y;
  let at = 0;
  while (at < text.length) {
    step.lastIndex = at;
    const match = step.exec(text);
    if (!match) return undefined;
    if (match[1] !== undefined) path.push(match[1]);
    else if (match[2] !== undefined) path.push(Number(match[2]));
    else path.push(match[3] ?? match[4]);
    at = step.lastIndex;
  }
  return path;
}

/** A number of seconds (Speakeasy delays) as milliseconds, or undefined. */
export function secondsToMs(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0
    ? Math.round(value * 1000)
    : undefined;
}
