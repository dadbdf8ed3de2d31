// The `x-clientgen-*` extensions (usually set by an overlay): long-running operations, pagination
// and pollers. Each is checked here, so a bad descriptor is reported at its own location.
import type { FieldPath, LroStart, Pagination, Poller, ServerWait } from "../../model/api.js";
import { child, isObject, report, type Location, type NormalizeContext } from "../context.js";
import { pascalCase } from "../names.js";

/** `data.pagination.has_next` -> ["data", "pagination", "has_next"]; arrays are taken as they are. */
export function fieldPathOf(value: unknown): FieldPath | undefined {
  if (typeof value === "string" && value !== "") return value.split(".");
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number"))
    return value;
  return undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value
        .filter((v) => typeof v === "string" || typeof v === "number" || typeof v === "boolean")
        .map(String)
    : [];
}

export function lroStartOf(
  ctx: NormalizeContext,
  raw: unknown,
  at: Location,
): LroStart | undefined {
  if (raw === undefined) return undefined;
  if (
    !isObject(raw) ||
    typeof raw.poller !== "string" ||
    (raw.id === undefined && raw.ids === undefined && typeof raw.idArg !== "string")
  ) {
    report(ctx, at, "error", "LRO001", "x-clientgen-lro needs `poller` and `id`, `ids` or `idArg`");
    return undefined;
  }
  return {
    idArg: typeof raw.idArg === "string" ? raw.idArg : undefined,
    idPath: fieldPathOf(raw.id),
    idsPath: fieldPathOf(raw.ids),
    isChangeAwaited: raw.awaitChange === true || undefined,
    poller: pascalCase(raw.poller),
    until: typeof raw.until === "string" ? raw.until : undefined,
    waitMethodName: "",
  };
}

/**
 * `x-clientgen-server-wait: { flag: body.wait_for_ready, duration: body.timeout_minutes, unit: minutes, default: 10 }`:
 * the server holds the call open while it waits, so the attempt timeout follows the wait asked for.
 */
export function serverWaitOf(
  ctx: NormalizeContext,
  raw: unknown,
  at: Location,
): ServerWait | undefined {
  if (raw === undefined) return undefined;
  const flagPath = isObject(raw) ? fieldPathOf(raw.flag) : undefined;
  const durationPath = isObject(raw) ? fieldPathOf(raw.duration) : undefined;
  const unitMs = isObject(raw) ? UNIT_MS[String(raw.unit)] : undefined;
  if (
    !isObject(raw) ||
    !flagPath ||
    !durationPath ||
    unitMs === undefined ||
    typeof raw.default !== "number"
  ) {
    report(
      ctx,
      at,
      "error",
      "LRO006",
      "x-clientgen-server-wait needs `flag`, `duration`, `unit` (seconds or minutes) and a numeric `default`",
    );
    return undefined;
  }
  return { defaultDuration: raw.default, durationPath, flagPath, unitMs };
}

const UNIT_MS: Record<string, number> = { minutes: 60_000, seconds: 1000 };

/** Filled in by the attach-pagination pass, once all schemas are known. */
const unknownItem = { kind: "unknown" } as const;

export function paginationOf(
  ctx: NormalizeContext,
  raw: unknown,
  at: Location,
): Pagination | undefined {
  if (raw === undefined) return undefined;
  const fail = (message: string): undefined => {
    report(ctx, at, "error", "PAG001", message);
    return undefined;
  };
  if (!isObject(raw)) return fail("x-clientgen-pagination must be an object");
  const itemsPath = fieldPathOf(raw.items);
  if (!itemsPath) return fail("x-clientgen-pagination needs `items` (path to the items array)");
  switch (raw.style) {
    case "page":
      if (typeof raw.pageParam !== "string") return fail("page pagination needs `pageParam`");
      return {
        firstPage: typeof raw.firstPage === "number" ? raw.firstPage : 1,
        hasNextPath: fieldPathOf(raw.hasNext),
        itemSchema: unknownItem,
        itemsPath,
        limitParam: typeof raw.limitParam === "string" ? raw.limitParam : undefined,
        pageParam: raw.pageParam,
        style: "page",
        totalPagesPath: fieldPathOf(raw.totalPages),
        totalPath: fieldPathOf(raw.total),
      };
    case "cursor": {
      const nextCursorPath = fieldPathOf(raw.nextCursor);
      if (typeof raw.cursorParam !== "string" || !nextCursorPath)
        return fail("cursor pagination needs `cursorParam` and `nextCursor`");
      return {
        cursorParam: raw.cursorParam,
        itemSchema: unknownItem,
        itemsPath,
        nextCursorPath,
        style: "cursor",
      };
    }
    case "offset":
      if (typeof raw.offsetParam !== "string" || typeof raw.limitParam !== "string")
        return fail("offset pagination needs `offsetParam` and `limitParam`");
      return {
        itemSchema: unknownItem,
        itemsPath,
        limitParam: raw.limitParam,
        offsetParam: raw.offsetParam,
        style: "offset",
        totalPath: fieldPathOf(raw.total),
      };
    default:
      return fail(
        `unknown pagination style ${JSON.stringify(raw.style)}; use page, cursor or offset`,
      );
  }
}

/** Root `x-clientgen-pollers`: name -> poller descriptor. `operation` is an operationId, checked later. */
export function pollersOf(ctx: NormalizeContext, raw: unknown, at: Location): Poller[] {
  if (raw === undefined) return [];
  if (!isObject(raw)) {
    report(ctx, at, "error", "LRO002", "x-clientgen-pollers must map poller names to descriptors");
    return [];
  }
  const pollers: Poller[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const where = child(at, name);
    const statusPath = isObject(value) ? fieldPathOf(value.status) : undefined;
    if (
      !isObject(value) ||
      typeof value.operation !== "string" ||
      typeof value.idParam !== "string" ||
      !statusPath
    ) {
      report(ctx, where, "error", "LRO002", "a poller needs `operation`, `idParam` and `status`");
      continue;
    }
    pollers.push({
      canceledValues: strings(value.canceled),
      defaultIntervalMs:
        typeof value.intervalMs === "number" && value.intervalMs >= 0 ? value.intervalMs : 2000,
      errorPath: fieldPathOf(value.error),
      failureValues: strings(value.failure),
      idParam: value.idParam,
      isCaseInsensitive: value.caseInsensitive === true,
      messagePath: fieldPathOf(value.message),
      name: pascalCase(name),
      operationId: value.operation,
      pointer: where.pointer,
      progressPath: fieldPathOf(value.progress),
      retryAfterPath: fieldPathOf(value.retryAfter),
      statusPath,
      successValues: strings(value.success),
      targets: targetsOf(value.targets),
      ...pollerExtras(value),
    });
  }
  return pollers;
}

/** The optional poller fields: interval floor, default timeout, terminal markers, fixed poll arguments. */
function pollerExtras(value: Record<string, unknown>): Partial<Poller> {
  const ms = (v: unknown): number | undefined => (typeof v === "number" && v >= 0 ? v : undefined);
  return {
    defaultTimeoutMs: ms(value.timeoutMs),
    donePath: fieldPathOf(value.doneWhen),
    failurePath: fieldPathOf(value.failedWhen),
    minIntervalMs: ms(value.minIntervalMs),
    pollArgs: isObject(value.pollArgs) ? { ...value.pollArgs } : undefined,
    unreachableValues:
      strings(value.unreachable).length > 0 ? strings(value.unreachable) : undefined,
  };
}

function targetsOf(raw: unknown): Poller["targets"] {
  if (!isObject(raw)) return undefined;
  const targets: NonNullable<Poller["targets"]> = [];
  for (const [name, value] of Object.entries(raw)) {
    if (!isObject(value)) continue;
    targets.push({
      failureValues: strings(value.failure),
      isGoneSuccess: value.gone === "success",
      name,
      successValues: strings(value.success),
      unreachableValues: strings(value.unreachable),
    });
  }
  return targets.length > 0 ? targets : undefined;
}

/** `x-clientgen-stream: { field: stream }`: the JSON body field whose `true` asks for the stream. */
export function streamFieldOf(
  ctx: NormalizeContext,
  raw: unknown,
  at: Location,
): string | undefined {
  if (raw === undefined) return undefined;
  if (isObject(raw) && typeof raw.field === "string" && raw.field !== "") return raw.field;
  report(
    ctx,
    at,
    "error",
    "STR001",
    "x-clientgen-stream needs `field`: the JSON body field that asks for the stream (e.g. { field: stream })",
  );
  return undefined;
}
