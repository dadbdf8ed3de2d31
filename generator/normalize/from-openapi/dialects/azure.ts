// Azure (AutoRest) dialect: `x-ms-long-running-operation` (+ `-options.final-state-via`) and
// `x-ms-pageable`, read into a header-driven UrlLro and nextLink pagination.
import type { HttpMethod, Operation, Pagination, UrlLro } from "../../../model/api.js";
import { child, isObject, report, type Location, type NormalizeContext } from "../../context.js";

const finalStates = ["azure-async-operation", "location", "operation-location", "original-uri"] as const;
type FinalStateVia = (typeof finalStates)[number];

/** Azure's default when `final-state-via` is absent: a PUT/PATCH ends at its own URL, the rest at the poll answer or Location. */
export function defaultFinalStateVia(method: HttpMethod): FinalStateVia {
  if (method === "PUT" || method === "PATCH") return "original-uri";
  return method === "POST" ? "location" : "azure-async-operation";
}

/** Azure's poll interval when the service sends no Retry-After (as azure core-lro). */
const AZURE_INTERVAL_MS = 2000;

export function azureLro(ctx: NormalizeContext, raw: Record<string, unknown>, at: Location, op: Operation): UrlLro | undefined {
  const flag = raw["x-ms-long-running-operation"];
  if (flag !== true) return undefined;
  const optionsAt = child(at, "x-ms-long-running-operation-options");
  const options = isObject(raw["x-ms-long-running-operation-options"]) ? raw["x-ms-long-running-operation-options"] : {};
  const via = options["final-state-via"];
  let finalStateVia = defaultFinalStateVia(op.method);
  if (typeof via === "string" && (finalStates as readonly string[]).includes(via)) finalStateVia = via as FinalStateVia;
  else if (via !== undefined) {
    report(ctx, child(optionsAt, "final-state-via"), "warning", "DIA004", `final-state-via ${JSON.stringify(via)} is not one of ${finalStates.join(", ")}; using ${finalStateVia}`);
  }
  return {
    canceledValues: ["Canceled", "Cancelled"],
    defaultIntervalMs: AZURE_INTERVAL_MS,
    errorPath: ["error"],
    failureValues: ["Failed"],
    finalStateVia,
    // Azure status values are PascalCase by convention but compared case-insensitively by its SDKs.
    isCaseInsensitive: true,
    source: child(at, "x-ms-long-running-operation").pointer,
    statusPaths: [["status"], ["properties", "provisioningState"], ["provisioningState"]],
    successValues: ["Succeeded"],
    urlHeaders: ["Operation-Location", "Azure-AsyncOperation", "Location"],
    waitMethodName: "",
  };
}

/** `x-ms-pageable: { nextLinkName, itemName }`; `nextLinkName: null` means one page only. */
export function azurePageable(ctx: NormalizeContext, raw: Record<string, unknown>, at: Location): Pagination | undefined {
  const value = raw["x-ms-pageable"];
  if (value === undefined) return undefined;
  const where = child(at, "x-ms-pageable");
  if (!isObject(value)) {
    report(ctx, where, "warning", "DIA004", "x-ms-pageable must be an object; the operation is not paginated");
    return undefined;
  }
  if (value.nextLinkName === null) return undefined;
  // Names, not paths: OData's `@odata.nextLink` is one property.
  const nextLinkName = typeof value.nextLinkName === "string" && value.nextLinkName !== "" ? value.nextLinkName : "nextLink";
  const itemName = typeof value.itemName === "string" && value.itemName !== "" ? value.itemName : "value";
  return { itemSchema: { kind: "unknown" }, itemsPath: [itemName], nextLinkPath: [nextLinkName], source: where.pointer, style: "nextLink" };
}
