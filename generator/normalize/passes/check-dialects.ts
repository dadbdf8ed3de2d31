// Descriptors read from vendor dialects are checked against the schemas once all are known: one
// that cannot work is dropped with a warning naming the extension (the plain method stays).
// Documented RFC 8288 `Link` response headers become linkHeader pagination here too.
import type { Api, FieldPath, Operation, Pagination, Poller } from "../../model/api.js";
import type { Schema } from "../../model/schema.js";
import { report, type NormalizeContext } from "../context.js";
import { dereference, schemaAtPath } from "./schema-lookup.js";

export function checkDialects(ctx: NormalizeContext, api: Api): Api {
  const byId = new Map(api.schemas.map((s) => [s.id, s.schema]));
  const at = (pointer: string) => ({ file: ctx.spec.file, pointer });
  const operations = api.operations.map((op) => {
    let pagination = op.pagination ?? linkHeaderPagination(op, byId);
    if (
      pagination?.source !== undefined &&
      itemsOf(op, pagination.itemsPath, byId)?.kind !== "array"
    ) {
      report(
        ctx,
        at(pagination.source),
        "warning",
        "DIA003",
        `${op.id}: the items path ${pagination.itemsPath.join(".") || "(body)"} is not an array in its response; it is not paginated`,
      );
      pagination = undefined;
    }
    const status = op.urlLro?.statusPaths[0];
    if (op.urlLro?.urlPath && status && !hasField(successSchema(op), status, byId)) {
      report(
        ctx,
        at(op.urlLro.source),
        "warning",
        "DIA002",
        `${op.id}: its response has no ${status.join(".")} field to tell when the operation is done`,
      );
    }
    return { ...op, pagination };
  });
  const pollers = api.pollers.filter((poller) => isUsable(ctx, poller, operations, byId));
  return { ...api, operations, pollers };
}

/** Pollers from our own extension are checked by link-pollers; dialect ones here, as warnings. */
function isUsable(
  ctx: NormalizeContext,
  poller: Poller,
  operations: Operation[],
  byId: Map<string, Schema>,
): boolean {
  if (poller.pointer.startsWith("#/x-clientgen-pollers")) return true;
  const at = { file: ctx.spec.file, pointer: poller.pointer };
  const op = operations.find((o) => o.id === poller.operationId);
  if (!op) {
    report(
      ctx,
      at,
      "warning",
      "DIA001",
      `poller ${poller.name}: no operation ${poller.operationId} to poll`,
    );
    return false;
  }
  if (!hasField(successSchema(op), poller.statusPath, byId)) {
    report(
      ctx,
      at,
      "warning",
      "DIA002",
      `poller ${poller.name}: the ${op.id} response has no ${poller.statusPath.join(".")} field; no poller is generated`,
    );
    return false;
  }
  return true;
}

/** A field is missing only when the schema is known and says so (unknown bodies are given the benefit of the doubt). */
function hasField(schema: Schema | undefined, path: FieldPath, byId: Map<string, Schema>): boolean {
  const target = schema && dereference(schema, byId);
  if (!target || target.kind === "unknown") return true;
  return schemaAtPath(target, path, byId) !== undefined;
}

function itemsOf(op: Operation, path: FieldPath, byId: Map<string, Schema>): Schema | undefined {
  const body = successSchema(op);
  return body && schemaAtPath(body, path, byId);
}

/** A GET documenting a `Link` header on success pages by it; items: the array body or its one array property. */
function linkHeaderPagination(op: Operation, byId: Map<string, Schema>): Pagination | undefined {
  if (op.method !== "GET") return undefined;
  const response = op.responses.find(
    (r) => r.status.startsWith("2") && r.headers.some((h) => h.name === "link"),
  );
  const body = response?.schema && dereference(response.schema, byId);
  if (!body) return undefined;
  const base = { itemSchema: { kind: "unknown" } as const, style: "linkHeader" as const };
  if (body.kind === "array") return { ...base, itemsPath: [] };
  if (body.kind !== "object") return undefined;
  const arrays = body.properties.filter((p) => dereference(p.schema, byId)?.kind === "array");
  return arrays.length === 1 ? { ...base, itemsPath: [arrays[0].name] } : undefined;
}

export function successSchema(op: Operation): Schema | undefined {
  return op.responses.find((r) => r.status.startsWith("2") && r.schema)?.schema;
}
