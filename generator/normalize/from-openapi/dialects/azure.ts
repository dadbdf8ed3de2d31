// Azure (AutoRest) dialect: `x-ms-long-running-operation` (+ `-options.final-state-via`) and
// `x-ms-pageable`, read into a header-driven UrlLro and nextLink pagination.
import type { HttpMethod, Operation, Pagination, StatusRule, UrlLro } from "../../../model/api.js";
import { child, isObject, report, type Location, type NormalizeContext } from "../../context.js";
import { deref } from "../deref.js";

const finalStates = [
  "azure-async-operation",
  "location",
  "operation-location",
  "original-uri",
] as const;
type FinalStateVia = (typeof finalStates)[number];

/** Azure's default when `final-state-via` is absent: a PUT/PATCH ends at its own URL, the rest at the poll answer or Location. */
export function defaultFinalStateVia(method: HttpMethod): FinalStateVia {
  if (method === "PUT" || method === "PATCH") return "original-uri";
  return method === "POST" ? "location" : "azure-async-operation";
}

/** Azure's status values (core-lro's terminal states), in the rule every LRO strategy reads. */
const AZURE_STATUS: StatusRule = {
  canceledValues: ["Canceled", "Cancelled"],
  // Azure's poll interval when the service sends no Retry-After (as azure core-lro).
  defaultIntervalMs: 2000,
  errorPath: ["error"],
  failureValues: ["Failed"],
  // Azure status values are PascalCase by convention but compared case-insensitively by its SDKs.
  isCaseInsensitive: true,
  successValues: ["Succeeded"],
};

export function azureLro(
  ctx: NormalizeContext,
  raw: Record<string, unknown>,
  at: Location,
  op: Operation,
): UrlLro | undefined {
  const flag = raw["x-ms-long-running-operation"];
  if (flag !== true) return undefined;
  const optionsAt = child(at, "x-ms-long-running-operation-options");
  const options = isObject(raw["x-ms-long-running-operation-options"])
    ? raw["x-ms-long-running-operation-options"]
    : {};
  const via = options["final-state-via"];
  let finalStateVia = defaultFinalStateVia(op.method);
  if (typeof via === "string" && (finalStates as readonly string[]).includes(via))
    finalStateVia = via as FinalStateVia;
  else if (via !== undefined) {
    report(
      ctx,
      child(optionsAt, "final-state-via"),
      "warning",
      "DIA004",
      `final-state-via ${JSON.stringify(via)} is not one of ${finalStates.join(", ")}; using ${finalStateVia}`,
    );
  }
  return {
    ...AZURE_STATUS,
    finalStateVia,
    source: child(at, "x-ms-long-running-operation").pointer,
    statusPaths: [["status"], ["properties", "provisioningState"], ["provisioningState"]],
    urlHeaders: ["Operation-Location", "Azure-AsyncOperation", "Location"],
    waitMethodName: "",
  };
}

/**
 * `x-ms-pageable: { nextLinkName, itemName, operationName }`. `nextLinkName: null` means one page
 * only. `operationName` fetches next links through that operation: its path with the link in the
 * parameter marked `x-ms-skip-url-encoding` (or named nextLink), its query parameters from the
 * call's arguments. An `api-version` query parameter is kept on every next link, as Azure's SDKs do.
 */
export function azurePageable(
  ctx: NormalizeContext,
  raw: Record<string, unknown>,
  at: Location,
): Pagination | undefined {
  const value = raw["x-ms-pageable"];
  if (value === undefined) return undefined;
  const where = child(at, "x-ms-pageable");
  if (!isObject(value)) {
    report(
      ctx,
      where,
      "warning",
      "DIA004",
      "x-ms-pageable must be an object; the operation is not paginated",
    );
    return undefined;
  }
  const itemName =
    typeof value.itemName === "string" && value.itemName !== "" ? value.itemName : "value";
  const itemSchema = { kind: "unknown" as const };
  if (value.nextLinkName === null)
    return { itemSchema, itemsPath: [itemName], source: where.pointer, style: "nextLink" };
  // Names, not paths: OData's `@odata.nextLink` is one property.
  const nextLinkName =
    typeof value.nextLinkName === "string" && value.nextLinkName !== ""
      ? value.nextLinkName
      : "nextLink";
  const own = parametersOf(ctx, raw, at);
  const next =
    typeof value.operationName === "string" ? findOperation(ctx, value.operationName) : undefined;
  if (typeof value.operationName === "string" && next === undefined)
    report(
      ctx,
      child(where, "operationName"),
      "warning",
      "DIA004",
      `operationName ${JSON.stringify(value.operationName)} names no operation; next links are fetched as given`,
    );
  const isOther = next !== undefined && next.raw !== raw;
  const nextParameters = isOther ? parametersOf(ctx, next.raw, next.at) : [];
  const linkParam = nextParameters.find(
    (p) => p.in === "path" && (p.skipsEncoding || p.name === "nextLink"),
  )?.name;
  const linkQuery = [
    ...new Set([
      ...own.filter((p) => p.in === "query" && p.name === "api-version").map((p) => p.name),
      ...nextParameters.filter((p) => p.in === "query").map((p) => p.name),
    ]),
  ];
  return {
    itemSchema,
    itemsPath: [itemName],
    ...(linkQuery.length > 0 ? { linkQuery } : {}),
    ...(isOther && linkParam !== undefined ? { linkTemplate: { linkParam, path: next.path } } : {}),
    nextLinkPath: [nextLinkName],
    source: where.pointer,
    style: "nextLink",
  };
}

interface ParameterInfo {
  in: string;
  name: string;
  skipsEncoding: boolean;
}

/** An operation's parameters (path-level ones included), $refs read through. */
function parametersOf(
  ctx: NormalizeContext,
  raw: Record<string, unknown>,
  at: Location,
): ParameterInfo[] {
  const pathItemPointer = at.pointer.slice(0, at.pointer.lastIndexOf("/"));
  const pathItem = ctx.spec.resolveRef(pathItemPointer, at.file)?.value;
  const listed = [
    ...(isObject(pathItem) && Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
    ...(Array.isArray(raw.parameters) ? raw.parameters : []),
  ];
  return listed.flatMap((entry, index) => {
    const resolved = deref(ctx, entry, child(child(at, "parameters"), index));
    if (
      !resolved ||
      typeof resolved.value.name !== "string" ||
      typeof resolved.value.in !== "string"
    )
      return [];
    return [
      {
        in: resolved.value.in,
        name: resolved.value.name,
        skipsEncoding: resolved.value["x-ms-skip-url-encoding"] === true,
      },
    ];
  });
}

/** The operation with this operationId, its path and location. */
function findOperation(
  ctx: NormalizeContext,
  operationId: string,
): { at: Location; path: string; raw: Record<string, unknown> } | undefined {
  const paths = ctx.spec.document.paths;
  if (!isObject(paths)) return undefined;
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (isObject(operation) && operation.operationId === operationId) {
        return {
          at: child(child(child({ file: ctx.spec.file, pointer: "#" }, "paths"), path), method),
          path,
          raw: operation,
        };
      }
    }
  }
  return undefined;
}

/**
 * AutoRest's response rule: only `default` and responses marked `x-ms-error-response: true` are
 * errors; every other declared status is a result (Azure's Go, Java and .NET generators return a
 * declared 404 body as the result). Applied only to documents written for AutoRest, which
 * speak its `x-ms-*` vocabulary; elsewhere a declared 4XX/5XX stays an error.
 */
export function autoRestResponses(ctx: NormalizeContext, op: Operation): Operation["responses"] {
  if (!op.responses.some(isUnmarkedFailure) || !speaksAutoRest(ctx)) return op.responses;
  return op.responses.map((r) => (isUnmarkedFailure(r) ? { ...r, isError: false } : r));
}

function isUnmarkedFailure(response: Operation["responses"][number]): boolean {
  return response.isError === undefined && /^[45]/.test(response.status);
}

const autoRestDocuments = new WeakMap<NormalizeContext, boolean>();

/**
 * True when the root, a path item, an operation, a parameter, a request body or a response (or the
 * schema written inline in one of them) carries an `x-ms-*` key. Shallow on purpose: those are where AutoRest documents put them, and a walk of
 * every schema of a large document would cost more than the answer is worth.
 */
function speaksAutoRest(ctx: NormalizeContext): boolean {
  let known = autoRestDocuments.get(ctx);
  if (known === undefined) {
    known = hasAutoRestKey(ctx.spec.document);
    autoRestDocuments.set(ctx, known);
  }
  return known;
}

function hasAutoRestKey(document: Record<string, unknown>): boolean {
  const marked = (value: unknown) =>
    isObject(value) && Object.keys(value).some((key) => key.startsWith("x-ms-"));
  if (marked(document)) return true;
  const pathObjects = [document.paths, document["x-ms-paths"]].filter(isObject);
  for (const paths of pathObjects) {
    for (const item of Object.values(paths)) {
      if (!isObject(item)) continue;
      if (marked(item)) return true;
      for (const op of Object.values(item)) {
        if (!isObject(op)) continue;
        if (marked(op)) return true;
        const parameters = Array.isArray(op.parameters) ? op.parameters : [];
        if (parameters.some((p) => marked(p) || (isObject(p) && marked(p.schema)))) return true;
        const bodies = [
          op.requestBody,
          ...(isObject(op.responses) ? Object.values(op.responses) : []),
        ];
        if (bodies.some((body) => marked(body) || mediaSchemas(body).some(marked))) return true;
      }
    }
  }
  return false;
}

/** The schemas written in a request body's or response's `content`, by media type. */
function mediaSchemas(body: unknown): unknown[] {
  if (!isObject(body) || !isObject(body.content)) return [];
  return Object.values(body.content).map((media) => (isObject(media) ? media.schema : undefined));
}
