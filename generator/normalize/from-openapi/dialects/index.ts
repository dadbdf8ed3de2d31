// Vendor dialects -> the model the emitter and runtime already speak. Order of precedence per
// operation: our own x-clientgen-* extensions, then a vendor extension, then plain HTTP.
import type { Operation, Poller, RetryPolicy } from "../../../model/api.js";
import { child, type Location, type NormalizeContext } from "../../context.js";
import { aepLro } from "./aep.js";
import { autoRestResponses, azureLro, azurePageable } from "./azure.js";
import { fernPagination, fernRetries } from "./fern.js";
import { acceptedLro } from "./http.js";
import { speakeasyPagination, speakeasyPollers, speakeasyRetries } from "./speakeasy.js";

/** The document's root retry policy, read (and reported) once per document. */
const rootRetries = new WeakMap<NormalizeContext, { policy: RetryPolicy | undefined }>();

/** Pollers read from operations while a document is translated, handed over by takeDialectPollers. */
const pollersByContext = new WeakMap<NormalizeContext, Poller[]>();

/** Fill in what the operation's vendor extensions say, where x-clientgen-* says nothing. */
export function withDialects(
  ctx: NormalizeContext,
  raw: Record<string, unknown>,
  at: Location,
  op: Operation,
): Operation {
  const pollers = pollersByContext.get(ctx) ?? [];
  pollers.push(...speakeasyPollers(ctx, raw, at, op));
  pollersByContext.set(ctx, pollers);
  const pagination =
    op.pagination ??
    azurePageable(ctx, raw, at) ??
    speakeasyPagination(ctx, raw, at, op) ??
    fernPagination(ctx, raw, at, op);
  const urlLro = op.lro
    ? undefined
    : (azureLro(ctx, raw, at, op) ?? aepLro(ctx, raw, at) ?? acceptedLro(op, at));
  const retry = retryOf(ctx, raw, at);
  // Azure's LRO contract makes a start retry-safe (ARM RPC: PUT/PATCH/DELETE idempotent, a
  // long-running POST tracked by its monitor): its 5xx and timeouts are retried like a GET's.
  const isIdempotent =
    op.isIdempotent || (urlLro !== undefined && raw["x-ms-long-running-operation"] === true);
  const responses = autoRestResponses(ctx, op);
  return { ...op, isIdempotent, pagination, responses, retry, urlLro };
}

/** The pollers found by withDialects for this document (once). */
export function takeDialectPollers(ctx: NormalizeContext): Poller[] {
  const pollers = pollersByContext.get(ctx) ?? [];
  pollersByContext.delete(ctx);
  return pollers;
}

/** The operation's own policy, else the document's; Speakeasy's before Fern's. */
function retryOf(
  ctx: NormalizeContext,
  raw: Record<string, unknown>,
  at: Location,
): RetryPolicy | undefined {
  const root: Location = { file: ctx.spec.file, pointer: "#" };
  const doc = ctx.spec.document;
  const compact = (policy: RetryPolicy | undefined): RetryPolicy | undefined =>
    policy && Object.values(policy).some((v) => v !== undefined) ? policy : undefined;
  return (
    compact(speakeasyRetries(ctx, raw["x-speakeasy-retries"], child(at, "x-speakeasy-retries"))) ??
    compact(fernRetries(ctx, raw["x-fern-retries"], child(at, "x-fern-retries"))) ??
    (raw["x-speakeasy-retries"] === undefined && raw["x-fern-retries"] === undefined
      ? rootRetry()
      : undefined)
  );

  function rootRetry(): RetryPolicy | undefined {
    let cached = rootRetries.get(ctx);
    if (!cached) {
      cached = {
        policy:
          compact(
            speakeasyRetries(ctx, doc["x-speakeasy-retries"], child(root, "x-speakeasy-retries")),
          ) ?? compact(fernRetries(ctx, doc["x-fern-retries"], child(root, "x-fern-retries"))),
      };
      rootRetries.set(ctx, cached);
    }
    return cached.policy;
  }
}
