// Speakeasy dialect: `x-speakeasy-pagination` (offsetLimit, cursor, url), `x-speakeasy-retries`
// (operation or document root) and `x-speakeasy-polling` (named pollers on a status operation).
import type { FieldPath, Operation, Pagination, Poller, RetryPolicy } from "../../../model/api.js";
import { child, isObject, report, type Location, type NormalizeContext } from "../../context.js";
import { pascalCase } from "../../names.js";
import { responsePathOf, secondsToMs } from "./expressions.js";

const unknownItem = { kind: "unknown" } as const;

export function speakeasyPagination(
  ctx: NormalizeContext,
  raw: Record<string, unknown>,
  at: Location,
  op: Operation,
): Pagination | undefined {
  const value = raw["x-speakeasy-pagination"];
  if (value === undefined) return undefined;
  const where = child(at, "x-speakeasy-pagination");
  const fail = (message: string): undefined => {
    report(ctx, where, "warning", "DIA004", `${message}; ${op.id} is not paginated`);
    return undefined;
  };
  if (!isObject(value)) return fail("x-speakeasy-pagination must be an object");
  const inputs = (Array.isArray(value.inputs) ? value.inputs : []).filter(isObject);
  const outputs = isObject(value.outputs) ? value.outputs : {};
  if (inputs.some((input) => input.in !== undefined && input.in !== "parameters"))
    return fail("pagination inputs in the request body are not supported");
  const input = (type: string): string | undefined => {
    const found = inputs.find((i) => i.type === type && typeof i.name === "string");
    const name = found?.name as string | undefined;
    return name !== undefined && op.parameters.some((p) => p.in === "query" && p.name === name)
      ? name
      : undefined;
  };
  const path = (key: string): FieldPath | undefined => responsePathOf(outputs[key]);
  // Without `results`, the response itself is the list.
  const itemsPath = outputs.results === undefined ? [] : path("results");
  if (!itemsPath)
    return fail(`outputs.results ${JSON.stringify(outputs.results)} is not a simple JSONPath`);
  const base = { itemSchema: unknownItem, itemsPath, source: where.pointer };
  switch (value.type) {
    case "offsetLimit": {
      const limitParam = input("limit");
      const page = input("page");
      if (page)
        return {
          ...base,
          firstPage: 1,
          limitParam,
          pageParam: page,
          style: "page",
          totalPagesPath: path("numPages"),
        };
      const offset = input("offset");
      if (!offset || !limitParam)
        return fail(
          "offsetLimit pagination needs a `page` input, or `offset` and `limit` inputs naming query parameters",
        );
      return { ...base, limitParam, offsetParam: offset, style: "offset" };
    }
    case "cursor": {
      const cursorParam = input("cursor");
      const nextCursorPath = path("nextCursor");
      if (!cursorParam || !nextCursorPath)
        return fail(
          "cursor pagination needs a `cursor` input naming a query parameter and a simple outputs.nextCursor",
        );
      return { ...base, cursorParam, nextCursorPath, style: "cursor" };
    }
    case "url": {
      const nextLinkPath = path("nextUrl");
      if (!nextLinkPath) return fail("url pagination needs a simple outputs.nextUrl");
      return { ...base, nextLinkPath, style: "nextLink" };
    }
    default:
      return fail(
        `pagination type ${JSON.stringify(value.type)} is not supported (offsetLimit, cursor, url)`,
      );
  }
}

/** Most retries derived from maxElapsedTime: the runtime bounds retries by count. */
const MAX_DERIVED_RETRIES = 10;

/** `x-speakeasy-retries` at `at` (operation or root); `strategy: none` turns retries off. */
export function speakeasyRetries(
  ctx: NormalizeContext,
  value: unknown,
  at: Location,
): RetryPolicy | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    report(ctx, at, "warning", "DIA004", "x-speakeasy-retries must be an object; ignored");
    return undefined;
  }
  if (value.strategy === "none") return { maxRetries: 0 };
  const backoff = isObject(value.backoff) ? value.backoff : {};
  const number = (v: unknown): number | undefined =>
    typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : undefined;
  const initialDelayMs = number(backoff.initialInterval);
  const maxDelayMs = number(backoff.maxInterval);
  const elapsedMs = number(backoff.maxElapsedTime);
  const exponent = number(backoff.exponent) ?? 1.5;
  let maxRetries: number | undefined;
  if (elapsedMs !== undefined) {
    // As many backoff waits as fit in maxElapsedTime.
    let totalMs = 0;
    maxRetries = 0;
    for (
      let delayMs = initialDelayMs ?? 500;
      maxRetries < MAX_DERIVED_RETRIES;
      maxRetries++, delayMs *= Math.max(1, exponent)
    ) {
      totalMs += Math.min(delayMs, maxDelayMs ?? Infinity);
      if (totalMs > elapsedMs) break;
    }
  }
  const statusCodes = Array.isArray(value.statusCodes)
    ? value.statusCodes
        .filter((c) => typeof c === "string" || typeof c === "number")
        .map((c) => String(c).toUpperCase())
    : undefined;
  return {
    initialDelayMs,
    isConnectionRetried: value.retryConnectionErrors === false ? false : undefined,
    maxDelayMs,
    maxRetries,
    statusCodes: statusCodes && statusCodes.length > 0 ? statusCodes : undefined,
  };
}

/** One `$response.body#/status == "completed"` condition; `$statusCode == 200` conditions are implied. */
interface Condition {
  path: FieldPath;
  value: string;
}

function conditionsOf(raw: unknown): { conditions: Condition[]; isSupported: boolean } {
  const conditions: Condition[] = [];
  let isSupported = true;
  for (const entry of Array.isArray(raw) ? raw : []) {
    const text =
      isObject(entry) && typeof entry.condition === "string" ? entry.condition.trim() : "";
    if (/^\$statusCode\s*==\s*2\d\d$/.test(text)) continue;
    const match = /^(\$response\.body\S*)\s*==\s*(.+)$/.exec(text);
    const path = match ? responsePathOf(match[1]) : undefined;
    if (!match || !path) {
      isSupported = false;
      continue;
    }
    let value: unknown = match[2].trim();
    try {
      value = JSON.parse(match[2].trim());
    } catch {
      // A bare word: the value as written.
    }
    conditions.push({ path, value: String(value) });
  }
  return { conditions, isSupported };
}

/** `x-speakeasy-polling` entries on a status operation -> named pollers (`waitFor<Op><Name>`). */
export function speakeasyPollers(
  ctx: NormalizeContext,
  raw: Record<string, unknown>,
  at: Location,
  op: Operation,
): Poller[] {
  const value = raw["x-speakeasy-polling"];
  if (value === undefined) return [];
  const where = child(at, "x-speakeasy-polling");
  const pathParams = op.parameters.filter((p) => p.in === "path");
  if (!Array.isArray(value)) {
    report(
      ctx,
      where,
      "warning",
      "DIA004",
      "x-speakeasy-polling must be a list of polling methods; ignored",
    );
    return [];
  }
  if (pathParams.length !== 1) {
    report(
      ctx,
      where,
      "warning",
      "DIA001",
      `${op.id} cannot be polled by one id (it has ${pathParams.length} path parameters); no poller is generated`,
    );
    return [];
  }
  const pollers: Poller[] = [];
  value.forEach((entry, index) => {
    const entryAt = child(where, index);
    if (!isObject(entry) || typeof entry.name !== "string") {
      report(ctx, entryAt, "warning", "DIA004", "a polling method needs a `name`; ignored");
      return;
    }
    const success = conditionsOf(entry.successCriteria);
    const failure = conditionsOf(entry.failureCriteria);
    const statusPath = success.conditions[0]?.path;
    const samePath = (c: Condition): boolean =>
      statusPath !== undefined && JSON.stringify(c.path) === JSON.stringify(statusPath);
    if (
      !success.isSupported ||
      !failure.isSupported ||
      !statusPath ||
      ![...success.conditions, ...failure.conditions].every(samePath)
    ) {
      report(
        ctx,
        entryAt,
        "warning",
        "DIA004",
        `polling method ${entry.name}: only \`$statusCode == 2XX\` and \`$response.body#/<one field> == <value>\` conditions on one field are supported; ignored`,
      );
      return;
    }
    const intervalMs = secondsToMs(entry.intervalSeconds);
    pollers.push({
      canceledValues: [],
      defaultIntervalMs: intervalMs ?? 1000,
      failureValues: failure.conditions.map((c) => c.value),
      idParam: pathParams[0].name,
      initialDelayMs: secondsToMs(entry.delaySeconds) || undefined,
      isCaseInsensitive: false,
      maxPolls:
        typeof entry.limitCount === "number" && entry.limitCount > 0
          ? Math.floor(entry.limitCount)
          : undefined,
      name: pascalCase(`${op.id} ${entry.name.replace(/^wait_?for_?/i, "")}`),
      operationId: op.id,
      pointer: entryAt.pointer,
      statusPath,
      successValues: success.conditions.map((c) => c.value),
    });
  });
  return pollers;
}
