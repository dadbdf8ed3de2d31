// Pollers and the operations that start them name each other by strings; a name that points
// nowhere would make a client that cannot wait, so it is an error here. Also decides whether a
// start's id may be missing (nullable or not required): its wait then resolves an LroOutcome.
import type { Api } from "../../model/api.js";
import { report, type NormalizeContext } from "../context.js";
import { isFieldOptional } from "./schema-lookup.js";

export function linkPollers(ctx: NormalizeContext, api: Api): Api {
  const root = ctx.spec.file;
  const pollers = api.pollers.filter((poller) => {
    const at = { file: root, pointer: poller.pointer };
    const op = api.operations.find((o) => o.id === poller.operationId);
    if (!op) {
      report(
        ctx,
        at,
        "error",
        "LRO003",
        `poller ${poller.name}: no operation has operationId ${JSON.stringify(poller.operationId)}`,
      );
      return false;
    }
    if (!op.parameters.some((p) => p.name === poller.idParam)) {
      report(
        ctx,
        at,
        "error",
        "LRO004",
        `poller ${poller.name}: operation ${op.id} has no parameter ${JSON.stringify(poller.idParam)}`,
      );
      return false;
    }
    return true;
  });
  const byId = new Map(api.schemas.map((s) => [s.id, s.schema]));
  const operations = api.operations.map((op) => {
    if (!op.lro) return op;
    const at = { file: root, pointer: `${op.pointer}/x-clientgen-lro` };
    const poller = pollers.find((p) => p.name === op.lro?.poller);
    if (!poller) {
      report(ctx, at, "error", "LRO005", `unknown poller ${JSON.stringify(op.lro.poller)}`);
      return { ...op, lro: undefined };
    }
    const until = op.lro.until;
    if (until !== undefined && !poller.targets?.some((t) => t.name === until)) {
      report(
        ctx,
        at,
        "error",
        "LRO007",
        `poller ${poller.name} has no target ${JSON.stringify(until)}`,
      );
      return { ...op, lro: undefined };
    }
    if (op.lro.idArg !== undefined && !op.parameters.some((p) => p.name === op.lro?.idArg)) {
      report(
        ctx,
        at,
        "error",
        "LRO008",
        `operation ${op.id} has no parameter ${JSON.stringify(op.lro.idArg)}`,
      );
      return { ...op, lro: undefined };
    }
    const path = op.lro.idsPath ?? op.lro.idPath;
    const body = op.responses.find((r) => r.status.startsWith("2") && r.schema)?.schema;
    const isIdOptional =
      path !== undefined && body !== undefined && isFieldOptional(body, path, byId);
    return isIdOptional ? { ...op, lro: { ...op.lro, isIdOptional } } : op;
  });
  return { ...api, operations, pollers };
}
