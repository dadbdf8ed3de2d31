// Pollers and the operations that start them name each other by strings; a name that points
// nowhere would make a client that cannot wait, so it is an error here.
import type { Api } from "../../model/api.js";
import { report, type NormalizeContext } from "../context.js";

export function linkPollers(ctx: NormalizeContext, api: Api): Api {
  const root = ctx.spec.file;
  const pollers = api.pollers.filter((poller) => {
    const at = { file: root, pointer: poller.pointer };
    const op = api.operations.find((o) => o.id === poller.operationId);
    if (!op) {
      report(ctx, at, "error", "LRO003", `poller ${poller.name}: no operation has operationId ${JSON.stringify(poller.operationId)}`);
      return false;
    }
    if (!op.parameters.some((p) => p.name === poller.idParam)) {
      report(ctx, at, "error", "LRO004", `poller ${poller.name}: operation ${op.id} has no parameter ${JSON.stringify(poller.idParam)}`);
      return false;
    }
    return true;
  });
  const operations = api.operations.map((op) => {
    if (!op.lro || pollers.some((p) => p.name === op.lro?.poller)) return op;
    report(ctx, { file: root, pointer: `${op.pointer}/x-clientgen-lro` }, "error", "LRO005", `unknown poller ${JSON.stringify(op.lro.poller)}`);
    return { ...op, lro: undefined };
  });
  return { ...api, operations, pollers };
}
