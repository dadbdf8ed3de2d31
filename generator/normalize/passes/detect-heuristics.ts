// Opt-in guesses for plain specs (generate({ heuristics: true })): a GET by id whose body has a
// status enum with terminal-looking values becomes a poller; a GET with a paging parameter by name
// becomes paginated. Each guess is reported, naming the operation, to be confirmed in an overlay.
import type { Api, FieldPath, Operation, Pagination, Poller } from "../../model/api.js";
import type { Schema } from "../../model/schema.js";
import { report, type NormalizeContext } from "../context.js";
import { pascalCase } from "../names.js";
import { successSchema } from "./check-dialects.js";
import { dereference, schemaAtPath } from "./schema-lookup.js";

const successWords = [
  "succeeded",
  "success",
  "successful",
  "completed",
  "complete",
  "done",
  "finished",
];
const failureWords = ["failed", "failure", "error", "errored"];
const canceledWords = ["canceled", "cancelled", "aborted"];
const statusPaths: FieldPath[] = [
  ["status"],
  ["state"],
  ["phase"],
  ["properties", "provisioningState"],
  ["properties", "status"],
];
const limitNames = [
  "limit",
  "per_page",
  "perPage",
  "page_size",
  "pageSize",
  "size",
  "count",
  "max_results",
  "maxResults",
];
const cursorFields = [
  "next_cursor",
  "nextCursor",
  "next_marker",
  "nextMarker",
  "next_page_token",
  "nextPageToken",
  "end_cursor",
  "endCursor",
  "cursor",
  "next",
  "after",
  "marker",
];
const cursorParents: FieldPath[] = [[], ["meta"], ["pagination"], ["page_info"], ["pageInfo"]];

export function detectHeuristics(ctx: NormalizeContext, api: Api): Api {
  const byId = new Map(api.schemas.map((s) => [s.id, s.schema]));
  const pollers = [...api.pollers];
  for (const op of api.operations) {
    const poller = pollerFor(op, byId);
    if (!poller || pollers.some((p) => p.operationId === op.id || p.name === poller.name)) continue;
    pollers.push(poller);
    report(
      ctx,
      { file: ctx.spec.file, pointer: op.pointer },
      "warning",
      "HEU001",
      `heuristics: ${op.method} ${op.path} (${op.id}) looks like a status endpoint (${poller.statusPath.join(".")}: ${[...poller.successValues, ...poller.failureValues].join(", ")}); added waitFor${poller.name}. Confirm it with x-clientgen-pollers in an overlay`,
    );
  }
  const operations = api.operations.map((op) => {
    if (op.pagination || op.method !== "GET") return op;
    const pagination = paginationFor(op, byId);
    if (!pagination) return op;
    report(
      ctx,
      { file: ctx.spec.file, pointer: op.pointer },
      "warning",
      "HEU002",
      `heuristics: ${op.method} ${op.path} (${op.id}) looks paginated (${pagination.style} style); its method now iterates pages. Confirm it with x-clientgen-pagination in an overlay`,
    );
    return { ...op, pagination };
  });
  return { ...api, operations, pollers };
}

function pollerFor(op: Operation, byId: Map<string, Schema>): Poller | undefined {
  const pathParams = op.parameters.filter((p) => p.in === "path");
  const body = successSchema(op);
  if (op.method !== "GET" || pathParams.length !== 1 || !body) return undefined;
  for (const statusPath of statusPaths) {
    const found = schemaAtPath(body, statusPath, byId);
    if (found?.kind !== "enum") continue;
    const values = found.values.filter((v): v is string => typeof v === "string");
    const pick = (words: string[]) => values.filter((v) => words.includes(v.toLowerCase()));
    const [successValues, failureValues] = [pick(successWords), pick(failureWords)];
    if (successValues.length === 0 || failureValues.length === 0) continue;
    return {
      canceledValues: pick(canceledWords),
      defaultIntervalMs: 2000,
      failureValues,
      idParam: pathParams[0].name,
      isCaseInsensitive: false,
      name: pascalCase(op.id.replace(/^get_?/i, "")) || "Status",
      operationId: op.id,
      pointer: op.pointer,
      statusPath,
      successValues,
    };
  }
  return undefined;
}

function paginationFor(op: Operation, byId: Map<string, Schema>): Pagination | undefined {
  const query = op.parameters.filter((p) => p.in === "query").map((p) => p.name);
  const named = (names: string[]) =>
    query.find((q) => names.includes(q.toLowerCase()) || names.includes(q));
  const body = successSchema(op);
  const itemsPath = body && itemsPathOf(body, byId);
  if (!body || !itemsPath) return undefined;
  const base = { itemSchema: { kind: "unknown" } as const, itemsPath };
  const limitParam = named(limitNames);
  const page = named(["page"]);
  if (page) return { ...base, firstPage: 1, limitParam, pageParam: page, style: "page" };
  const offset = named(["offset"]);
  if (offset && limitParam) return { ...base, limitParam, offsetParam: offset, style: "offset" };
  const cursor = named(["cursor", "marker", "after"]);
  const nextCursorPath = cursor ? cursorPathOf(body, byId) : undefined;
  return cursor && nextCursorPath
    ? { ...base, cursorParam: cursor, nextCursorPath, style: "cursor" }
    : undefined;
}

function itemsPathOf(body: Schema, byId: Map<string, Schema>): FieldPath | undefined {
  const target = dereference(body, byId);
  if (target?.kind === "array") return [];
  if (target?.kind !== "object") return undefined;
  const arrays = target.properties.filter((p) => dereference(p.schema, byId)?.kind === "array");
  return arrays.length === 1 ? [arrays[0].name] : undefined;
}

function cursorPathOf(body: Schema, byId: Map<string, Schema>): FieldPath | undefined {
  for (const parent of cursorParents) {
    for (const field of cursorFields) {
      const found = schemaAtPath(body, [...parent, field], byId);
      if (found && (found.kind === "string" || found.kind === "integer")) return [...parent, field];
    }
  }
  return undefined;
}
