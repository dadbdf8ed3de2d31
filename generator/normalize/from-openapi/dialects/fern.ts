// Fern dialect: `x-fern-pagination` (cursor, offset; `true` takes the document's root config) and
// `x-fern-retries` (`{ disabled: true }` or `false`), per operation or at the root.
import type { Operation, Pagination, RetryPolicy } from "../../../model/api.js";
import { child, isObject, report, type Location, type NormalizeContext } from "../../context.js";
import { requestParameterOf, responsePathOf } from "./expressions.js";

const unknownItem = { kind: "unknown" } as const;

export function fernPagination(
  ctx: NormalizeContext,
  raw: Record<string, unknown>,
  at: Location,
  op: Operation,
): Pagination | undefined {
  let value = raw["x-fern-pagination"];
  if (value === undefined || value === false) return undefined;
  const where = child(at, "x-fern-pagination");
  if (value === true) value = ctx.spec.document["x-fern-pagination"];
  const fail = (message: string): undefined => {
    report(ctx, where, "warning", "DIA004", `${message}; ${op.id} is not paginated`);
    return undefined;
  };
  if (!isObject(value))
    return fail("x-fern-pagination must be an object (or true with a root x-fern-pagination)");
  const itemsPath = responsePathOf(value.results);
  if (!itemsPath) return fail("`results` must be a $response path");
  const base = { itemSchema: unknownItem, itemsPath, source: where.pointer };
  if (value.cursor !== undefined) {
    const cursorParam = requestParameterOf(value.cursor, op.parameters);
    const nextCursorPath = responsePathOf(value.next_cursor);
    if (!cursorParam || !nextCursorPath)
      return fail(
        "cursor pagination needs `cursor` naming a query parameter and `next_cursor` as a $response path",
      );
    return { ...base, cursorParam, nextCursorPath, style: "cursor" };
  }
  if (value.offset !== undefined) {
    const offsetParam = requestParameterOf(value.offset, op.parameters);
    if (!offsetParam) return fail("`offset` must name a query parameter");
    // With a `step` the offset moves by the page size; without, it counts pages.
    const stepParam =
      value.step === undefined ? undefined : requestParameterOf(value.step, op.parameters);
    if (value.step !== undefined && !stepParam) return fail("`step` must name a query parameter");
    if (stepParam) return { ...base, limitParam: stepParam, offsetParam, style: "offset" };
    return {
      ...base,
      firstPage: 1,
      hasNextPath: responsePathOf(value["has-next-page"]),
      pageParam: offsetParam,
      style: "page",
    };
  }
  return fail("x-fern-pagination needs `cursor` or `offset`");
}

/** `x-fern-retries` at `at`: only `disabled` is defined by Fern. */
export function fernRetries(
  ctx: NormalizeContext,
  value: unknown,
  at: Location,
): RetryPolicy | undefined {
  if (value === undefined || value === true) return undefined;
  if (value === false || (isObject(value) && value.disabled === true)) return { maxRetries: 0 };
  if (isObject(value) && (value.disabled === false || value.disabled === undefined))
    return undefined;
  report(
    ctx,
    at,
    "warning",
    "DIA004",
    "x-fern-retries must be `{ disabled: true | false }`; ignored",
  );
  return undefined;
}
