// Plain HTTP, no vendor extension: a documented `202 Accepted` with a `Location` (or
// `Operation-Location`) header is a long-running operation polled there, honouring Retry-After.
// (RFC 8288 `Link` headers are read in passes/check-dialects.ts, where response schemas are known.)
import type { Operation, StatusRule, UrlLro } from "../../../model/api.js";
import { child, type Location } from "../../context.js";
import { defaultFinalStateVia } from "./azure.js";

/** Status words common to job APIs, compared ignoring case. */
const JOB_STATUS: StatusRule = {
  canceledValues: ["canceled", "cancelled"],
  defaultIntervalMs: 1000,
  errorPath: ["error"],
  failureValues: ["failed", "failure", "error", "errored"],
  isCaseInsensitive: true,
  successValues: [
    "succeeded",
    "success",
    "successful",
    "completed",
    "complete",
    "done",
    "finished",
  ],
};

export function acceptedLro(op: Operation, at: Location): UrlLro | undefined {
  const accepted = op.responses.find((r) => r.status === "202");
  const header = accepted?.headers.find(
    (h) => h.name === "location" || h.name === "operation-location",
  );
  if (!accepted || !header) return undefined;
  return {
    ...JOB_STATUS,
    finalStateVia: defaultFinalStateVia(op.method) === "original-uri" ? "original-uri" : "location",
    source: child(child(child(at, "responses"), "202"), "headers").pointer,
    statusPaths: [["status"], ["state"]],
    urlHeaders: ["Operation-Location", "Location"],
    waitMethodName: "",
  };
}
