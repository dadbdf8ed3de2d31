// The config's include/exclude filters: model -> model with fewer operations. A poller whose
// status call is filtered out stays when a kept operation waits with it (waitFor<X> needs it).
import type { Api, Operation } from "../../model/api.js";
import type { OperationFilter } from "../../define-config.js";

export interface OperationFilters {
  exclude?: OperationFilter;
  include?: OperationFilter;
}

/** `api` with only the operations the filters select (pollers kept when still used). */
export function filterOperations(api: Api, filters: OperationFilters): Api {
  if (!filters.include && !filters.exclude) return api;
  const isKept = (op: Operation) =>
    (!filters.include || matches(op, filters.include)) &&
    !(filters.exclude && matches(op, filters.exclude));
  const kept = new Set(api.operations.filter(isKept).map((op) => op.id));
  const usedPollers = new Set(
    api.operations.filter((op) => kept.has(op.id) && op.lro).map((op) => op.lro!.poller),
  );
  for (const poller of api.pollers) if (usedPollers.has(poller.name)) kept.add(poller.operationId);
  const pollers = api.pollers.filter((p) => kept.has(p.operationId));
  return { ...api, operations: api.operations.filter((op) => kept.has(op.id)), pollers };
}

function matches(op: Operation, filter: OperationFilter): boolean {
  return (
    (filter.tags ?? []).some((tag) => op.tags.includes(tag)) ||
    (filter.paths ?? []).some((pattern) => pathPattern(pattern).test(op.path))
  );
}

/** "/clusters/*" matches one segment, "/clusters/**" any number (also none); otherwise exact. */
export function pathPattern(pattern: string): RegExp {
  const source = pattern
    .split(/(\*\*|\*)/)
    .map((part) =>
      part === "**" ? ".*" : part === "*" ? "[^/]+" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("");
  return new RegExp(`^${source.replace(/\/\.\*$/, "(?:/.*)?")}$`);
}
