// Path Item + Operation Objects -> model Operations (names are assigned later, in passes).
import type { HttpMethod, Operation, Parameter } from "../../model/api.js";
import { child, isObject, report, type Location, type NormalizeContext } from "../context.js";
import { lroStartOf, paginationOf, serverWaitOf, streamFieldOf } from "./clientgen-extensions.js";
import { deref } from "./deref.js";
import { withDialects } from "./dialects/index.js";
import { parameterObject } from "./parameter-object.js";
import { requestBodyObject } from "./request-body-object.js";
import { responsesObject } from "./response-object.js";
import { externalDocsOf } from "./schema-object/index.js";

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
/** Methods whose repetition cannot act twice (RFC 9110 9.2.2). */
const idempotentMethods = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);

export function pathItemOperations(
  ctx: NormalizeContext,
  path: string,
  raw: unknown,
  at: Location,
  globalSecurity: string[],
): Operation[] {
  const found = deref(ctx, raw, at);
  if (!found) return [];
  const { value: item, at: itemAt } = found;
  const shared = parametersOf(ctx, item.parameters, child(itemAt, "parameters"));
  const operations: Operation[] = [];
  for (const method of methods) {
    if (!isObject(item[method])) continue;
    // Some specs (DigitalOcean) keep each operation in its own file behind a `$ref`.
    const op = deref(ctx, item[method], child(itemAt, method));
    // x-clientgen-internal: a route the vendor's own tools call but users should not (TensorPool's
    // POST /health version gate) stays in the spec, documented, and out of the client.
    if (op && op.value["x-clientgen-internal"] !== true)
      operations.push(operationObject(ctx, path, method, op.value, op.at, shared, globalSecurity));
  }
  return operations;
}

function operationObject(
  ctx: NormalizeContext,
  path: string,
  method: (typeof methods)[number],
  raw: Record<string, unknown>,
  at: Location,
  shared: Parameter[],
  globalSecurity: string[],
): Operation {
  const upper = method.toUpperCase() as HttpMethod;
  const own = parametersOf(ctx, raw.parameters, child(at, "parameters"));
  // Operation-level parameters override path-level ones with the same name and location.
  const parameters = [
    ...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)),
    ...own,
  ];
  const { route, literalQuery } = splitPathKey(path);
  parameters.push(...missingPathParameters(ctx, route, parameters, at));
  parameters.push(...literalQueryParameters(literalQuery, parameters));
  return withDialects(ctx, raw, at, {
    deprecated: raw.deprecated === true,
    description: typeof raw.description === "string" ? raw.description : undefined,
    externalDocs: externalDocsOf(raw.externalDocs),
    id:
      typeof raw.operationId === "string" && raw.operationId !== ""
        ? raw.operationId
        : derivedId(method, path),
    isIdempotent: idempotentMethods.has(upper) || raw["x-clientgen-idempotent"] === true,
    lro: lroStartOf(ctx, raw["x-clientgen-lro"], child(at, "x-clientgen-lro")),
    method: upper,
    name: typeof raw["x-name"] === "string" ? raw["x-name"] : "",
    pagination: paginationOf(
      ctx,
      raw["x-clientgen-pagination"],
      child(at, "x-clientgen-pagination"),
    ),
    parameters,
    paramsTypeName: "",
    resultTypeName: "",
    path: route,
    pointer: at.pointer,
    requestBody: requestBodyOf(ctx, upper, raw.requestBody, child(at, "requestBody")),
    responses: responsesObject(ctx, raw.responses, child(at, "responses")),
    security: Array.isArray(raw.security) ? securityOf(raw.security) : globalSecurity,
    serverWait: serverWaitOf(
      ctx,
      raw["x-clientgen-server-wait"],
      child(at, "x-clientgen-server-wait"),
    ),
    streamField: streamFieldOf(ctx, raw["x-clientgen-stream"], child(at, "x-clientgen-stream")),
    summary: typeof raw.summary === "string" ? raw.summary : undefined,
    tags: Array.isArray(raw.tags)
      ? [...new Set(raw.tags.filter((t): t is string => typeof t === "string"))]
      : [],
  });
}

/** fetch cannot send a body with GET or HEAD (it throws), so such a body is left out, with a warning. */
function requestBodyOf(ctx: NormalizeContext, method: HttpMethod, raw: unknown, at: Location) {
  if (raw === undefined) return undefined;
  if (method === "GET" || method === "HEAD") {
    report(
      ctx,
      at,
      "warning",
      "BODY002",
      `a ${method} request cannot carry a body in fetch; the body is not part of the client`,
    );
    return undefined;
  }
  return requestBodyObject(ctx, raw, at);
}

function parametersOf(ctx: NormalizeContext, raw: unknown, at: Location): Parameter[] {
  if (!Array.isArray(raw)) return [];
  const list: Parameter[] = [];
  raw.forEach((p, i) => {
    const parameter = parameterObject(ctx, p, child(at, i));
    if (parameter) list.push(parameter);
  });
  return list;
}

/**
 * A `{name}` in the path that no parameter declares (a common spec bug) still has to be filled in:
 * it becomes a required string parameter, with a warning.
 */
function missingPathParameters(
  ctx: NormalizeContext,
  path: string,
  parameters: Parameter[],
  at: Location,
): Parameter[] {
  const missing: Parameter[] = [];
  for (const match of path.matchAll(/\{([^}]+)\}/g)) {
    if (
      parameters.some((p) => p.in === "path" && p.name === match[1]) ||
      missing.some((p) => p.name === match[1])
    )
      continue;
    report(
      ctx,
      at,
      "warning",
      "PAR002",
      `path parameter {${match[1]}} is not declared; it is added as a required string`,
    );
    missing.push({
      allowReserved: false,
      deprecated: false,
      explode: false,
      in: "path",
      isJson: false,
      isRequired: true,
      name: match[1],
      schema: { kind: "string" },
      style: "simple",
    });
  }
  return missing;
}

/**
 * A path key may carry a query string (Azure's specs: `/xml/?comp=list`, in `paths` or in
 * `x-ms-paths`, which convert-swagger.ts merges into `paths` as they are): the route is what
 * precedes `?`, and the query is sent by parameters, so it is not sent twice.
 */
function splitPathKey(path: string): { route: string; literalQuery: string } {
  const at = path.indexOf("?");
  return at < 0
    ? { route: path, literalQuery: "" }
    : { route: path.slice(0, at), literalQuery: path.slice(at + 1) };
}

/**
 * Each `name=value` of a path key's query string that no query parameter declares becomes a
 * required query parameter allowing that value only: a constant, which the client sends without
 * the caller passing it (fill-constant-parameters.ts). A declared parameter of the same name wins.
 */
function literalQueryParameters(query: string, declared: readonly Parameter[]): Parameter[] {
  const added: Parameter[] = [];
  for (const [name, value] of new URLSearchParams(query)) {
    if (declared.some((p) => p.in === "query" && p.name === name)) continue;
    if (added.some((p) => p.name === name)) continue;
    added.push({
      allowReserved: false,
      deprecated: false,
      explode: true,
      in: "query",
      isJson: false,
      isRequired: true,
      name,
      schema: { kind: "enum", values: [value] },
      style: "form",
    });
  }
  return added;
}

/** Security requirement list -> scheme keys, first alternative first; `{}` (optional auth) adds nothing. */
export function securityOf(raw: unknown[]): string[] {
  const keys: string[] = [];
  for (const requirement of raw) {
    if (!isObject(requirement)) continue;
    for (const key of Object.keys(requirement)) if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** `GET /users/{id}/pets` -> `get_users_by_id_pets`: deterministic, readable once camel-cased. */
function derivedId(method: string, path: string): string {
  const words = path
    .split("/")
    .filter((s) => s !== "")
    .map((s) => (s.startsWith("{") ? `by_${s.slice(1, -1)}` : s));
  return [method, ...words].join("_");
}
