// Method names from operationIds: camelCase, FastAPI's generated suffix removed, `x-name` wins
// (camel-cased too: it is spec text like any other).
import type { Api, Operation } from "../../model/api.js";
import { camelCase } from "../names.js";

export function assignNames(api: Api): Api {
  return {
    ...api,
    operations: api.operations.map((op) => ({
      ...op,
      name: camelCase(op.name ? op.name : withoutFastApiSuffix(op)),
    })),
  };
}

/**
 * FastAPI builds ids as `re.sub(r"\W", "_", name + path) + "_" + method`
 * (`get_request_info_request_info__request_id__get`); the function name alone reads better.
 */
export function withoutFastApiSuffix(op: Pick<Operation, "id" | "method" | "path">): string {
  const suffix = `${op.path.replace(/[^A-Za-z0-9_]/g, "_")}_${op.method.toLowerCase()}`;
  if (op.id.endsWith(suffix) && op.id.length > suffix.length) return op.id.slice(0, -suffix.length);
  return op.id;
}
