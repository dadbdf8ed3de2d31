// AEP dialect (aep.dev, AEP-151): `x-aep-long-running-operation: { response: { schema } }` on a
// method that answers with an Operation `{ path, done, error, response }`, polled at its `path`.
import type { StatusRule, UrlLro } from "../../../model/api.js";
import { child, isObject, report, type Location, type NormalizeContext } from "../../context.js";
import { toSchema } from "../schema-object/index.js";

/** AEP-151's Operation: `done: true` ends it, a non-null `error` fails it. */
const AEP_STATUS: StatusRule = {
  canceledValues: [],
  // AEP sets no poll interval; a couple of seconds suits operations that run for minutes.
  defaultIntervalMs: 2000,
  errorPath: ["error"],
  failurePath: ["error"],
  failureValues: [],
  isCaseInsensitive: false,
  successValues: ["true"],
};

export function aepLro(
  ctx: NormalizeContext,
  raw: Record<string, unknown>,
  at: Location,
): UrlLro | undefined {
  const value = raw["x-aep-long-running-operation"];
  if (value === undefined) return undefined;
  const where = child(at, "x-aep-long-running-operation");
  if (!isObject(value)) {
    report(
      ctx,
      where,
      "warning",
      "DIA004",
      "x-aep-long-running-operation must be an object; no waiting method is generated",
    );
    return undefined;
  }
  const response = isObject(value.response) ? value.response : undefined;
  const schemaAt = child(child(where, "response"), "schema");
  return {
    ...AEP_STATUS,
    finalStateVia: "operation-location",
    resultPath: ["response"],
    resultSchema:
      response && response.schema !== undefined
        ? toSchema(ctx, response.schema, schemaAt)
        : undefined,
    source: where.pointer,
    statusPaths: [["done"]],
    urlHeaders: [],
    urlPath: ["path"],
    waitMethodName: "",
  };
}
