// AEP dialect (aep.dev, AEP-151): `x-aep-long-running-operation: { response: { schema } }` on a
// method that answers with an Operation `{ path, done, error, response }`, polled at its `path`.
import type { UrlLro } from "../../../model/api.js";
import { child, isObject, report, type Location, type NormalizeContext } from "../../context.js";
import { toSchema } from "../schema-object/index.js";

/** AEP sets no poll interval; a couple of seconds suits operations that run for minutes. */
const AEP_INTERVAL_MS = 2000;

export function aepLro(ctx: NormalizeContext, raw: Record<string, unknown>, at: Location): UrlLro | undefined {
  const value = raw["x-aep-long-running-operation"];
  if (value === undefined) return undefined;
  const where = child(at, "x-aep-long-running-operation");
  if (!isObject(value)) {
    report(ctx, where, "warning", "DIA004", "x-aep-long-running-operation must be an object; no waiting method is generated");
    return undefined;
  }
  const response = isObject(value.response) ? value.response : undefined;
  const schemaAt = child(child(where, "response"), "schema");
  return {
    canceledValues: [],
    defaultIntervalMs: AEP_INTERVAL_MS,
    errorPath: ["error"],
    failurePath: ["error"],
    failureValues: [],
    finalStateVia: "operation-location",
    isCaseInsensitive: false,
    resultPath: ["response"],
    resultSchema: response && response.schema !== undefined ? toSchema(ctx, response.schema, schemaAt) : undefined,
    source: where.pointer,
    statusPaths: [["done"]],
    successValues: ["true"],
    urlHeaders: [],
    urlPath: ["path"],
    waitMethodName: "",
  };
}
