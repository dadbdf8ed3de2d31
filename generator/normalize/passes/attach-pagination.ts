// Follow each paginated operation's items path through its success response schema, so the
// client's iterator yields typed items; a path that leads nowhere is an error at the descriptor.
import type { Api, Operation } from "../../model/api.js";
import type { Schema } from "../../model/schema.js";
import { report, type NormalizeContext } from "../context.js";
import { schemaAtPath } from "./schema-lookup.js";

export function attachPagination(ctx: NormalizeContext, api: Api): Api {
  const byId = new Map(api.schemas.map((s) => [s.id, s.schema]));
  const operations = api.operations.map((op) => {
    if (!op.pagination) return op;
    const body = successSchema(op);
    const list = body && schemaAtPath(body, op.pagination.itemsPath, byId);
    const itemSchema = list?.kind === "array" ? list.items : undefined;
    if (!itemSchema) {
      const where = { file: ctx.spec.file, pointer: `${op.pointer}/x-clientgen-pagination` };
      report(
        ctx,
        where,
        "error",
        "PAG002",
        `items path ${op.pagination.itemsPath.join(".")} is not an array in the ${op.id} response`,
      );
      return { ...op, pagination: undefined };
    }
    return { ...op, pagination: { ...op.pagination, itemSchema } };
  });
  return { ...api, operations };
}

function successSchema(op: Operation): Schema | undefined {
  return op.responses.find((r) => r.status.startsWith("2") && r.schema)?.schema;
}
