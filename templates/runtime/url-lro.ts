// Header-driven long-running operations (Azure, plain HTTP 202 + Location, AEP operations): start,
// poll the URL the starting response hands out until its status is terminal, then fetch the final
// result the way the descriptor says (the original URL, the Location, or the last status body).
import type { SendResult } from "./attempt.js";
import { sleepUnlessAborted } from "./delay.js";
import type { Sleep } from "./delay.js";
import { OperationFailedError, PollTimeoutError, SdkError } from "./errors.js";
import { readFieldPath } from "./field-path.js";
import { cappedHintMs, hintAfterPollFailure, unhintedIntervalMs } from "./lro-status.js";
import { parseRetryAfterMs } from "./retry.js";
import { linkSignals } from "./signals.js";
import type { LinkedSignal } from "./signals.js";
import type { OperationSpec, PollOptions, RequestOptions, UrlLroSpec } from "./types.js";

/** What the wait borrows from its Transport. */
export interface UrlLroContext {
  readonly send: (
    op: OperationSpec,
    args: object | undefined,
    options: RequestOptions,
  ) => Promise<SendResult>;
  readonly sendUrl: (
    op: OperationSpec,
    url: string,
    options: RequestOptions,
  ) => Promise<SendResult>;
  readonly sleep: Sleep;
  readonly random: () => number;
  readonly now: () => number;
}

/** status: a status monitor; location: 202 means running; resource: the original URL's own state. */
type PollMode = "location" | "resource" | "status";
type Phase = "canceled" | "failed" | "pending" | "succeeded";

interface Monitor {
  /** Undefined: poll the original URL (GET). */
  readonly url: string | undefined;
  readonly mode: PollMode;
}

/**
 * Statuses a resource answered at a Location may still carry while the work goes on; any other
 * non-failure answer there is the finished result (plain 202 + Location APIs name no success value).
 */
const RUNNING_STATUSES: ReadonlySet<string> = new Set([
  "accepted",
  "creating",
  "deleting",
  "inprogress",
  "in_progress",
  "notstarted",
  "pending",
  "provisioning",
  "queued",
  "running",
  "started",
  "updating",
]);

/** The wait owns the pacing between status requests, so each is sent once, without retries. */
const NO_RETRIES = { maxRetries: 0 };

/** Start `op`, follow its status URL to a terminal state, resolve with the final result. */
export async function waitForUrlLro<TState>(
  context: UrlLroContext,
  op: OperationSpec,
  args: object | undefined,
  options: PollOptions<TState>,
  name: string,
  lro: UrlLroSpec,
): Promise<TState> {
  const linked = linkSignals([options.signal], options.timeoutMs);
  const deadline = options.timeoutMs === undefined ? undefined : context.now() + options.timeoutMs;
  const signal = linked.signal;
  let last: SendResult | undefined;
  let id = op.path;
  try {
    const start = await context.send(op, args, { signal });
    last = start;
    const monitor = monitorOf(lro, op, start);
    if (monitor === undefined)
      return (await finalResult(context, lro, op, args, start, start, signal)) as TState;
    if (monitor.url !== undefined) id = withoutQuery(monitor.url);
    const pollOp: OperationSpec = { ...op, responses: [] };
    let hintMs = parseRetryAfterMs(start.headers, context.now);
    let unhintedCount = 0;
    let failureCount = 0;
    for (;;) {
      const waitMs =
        cappedHintMs(hintMs, options.maxIntervalMs) ??
        unhintedIntervalMs(
          unhintedCount++,
          options.intervalMs ?? lro.defaultIntervalMs,
          options.maxIntervalMs,
          context.random,
        );
      await waitWithin(context, waitMs, deadline, linked, () =>
        timeoutError(name, id, options, last),
      );
      let result: SendResult;
      try {
        const pollOptions = { signal, retry: NO_RETRIES };
        result =
          monitor.url === undefined
            ? await context.send(getOf(op), args, pollOptions)
            : await context.sendUrl(pollOp, monitor.url, pollOptions);
        failureCount = 0;
      } catch (error) {
        hintMs = hintAfterPollFailure(error, linked.isTimedOut, ++failureCount);
        continue;
      }
      last = result;
      const phase = phaseOf(lro, monitor.mode, result);
      if (phase === "succeeded")
        return (await finalResult(
          context,
          lro,
          op,
          args,
          start,
          result,
          signal,
          monitor,
        )) as TState;
      if (phase !== "pending") throw failure(lro, name, id, result.body, phase);
      options.onProgress?.(result.body, result.body as TState);
      hintMs = parseRetryAfterMs(result.headers, context.now);
      if (hintMs !== undefined) unhintedCount = 0;
    }
  } catch (error) {
    throw linked.isTimedOut && !(error instanceof OperationFailedError)
      ? timeoutError(name, id, options, last)
      : error;
  } finally {
    linked.dispose();
  }
}

/** Where to poll, or undefined when the starting response is already the end. */
function monitorOf(lro: UrlLroSpec, op: OperationSpec, start: SendResult): Monitor | undefined {
  for (const header of lro.urlHeaders) {
    const url = start.headers.get(header);
    if (url) return { url, mode: header.toLowerCase() === "location" ? "location" : "status" };
  }
  const phase = phaseOf(lro, "status", start);
  if (phase === "failed" || phase === "canceled")
    throw failure(lro, op.id, op.path, start.body, phase);
  const hasStatus = statusOf(lro, start.body) !== undefined;
  if (lro.urlPath !== undefined) {
    const url = readFieldPath(start.body, lro.urlPath);
    if (typeof url === "string" && url !== "" && phase === "pending")
      return { url, mode: "status" };
  }
  // No URL: a PUT/PATCH whose body carries a non-terminal provisioning state is polled in place.
  if (hasStatus && phase === "pending" && (op.method === "PUT" || op.method === "PATCH"))
    return { url: undefined, mode: "resource" };
  if (start.status === 202 && !hasStatus)
    throw new SdkError(`${op.id} answered 202 Accepted without a status URL to poll`);
  return undefined;
}

function statusOf(lro: UrlLroSpec, body: unknown): string | undefined {
  for (const path of lro.statusPaths) {
    const value = readFieldPath(body, path);
    if (value !== undefined && value !== null) return String(value);
  }
  return undefined;
}

function phaseOf(lro: UrlLroSpec, mode: PollMode, result: SendResult): Phase {
  if (mode === "location" && result.status === 202) return "pending";
  if (lro.failurePath !== undefined) {
    const failed = readFieldPath(result.body, lro.failurePath);
    if (failed !== undefined && failed !== null) return "failed";
  }
  const status = statusOf(lro, result.body);
  const matches = (values: readonly string[] | undefined): boolean =>
    status !== undefined &&
    (values ?? []).some((value) =>
      lro.isCaseInsensitive ? value.toLowerCase() === status.toLowerCase() : value === status,
    );
  if (matches(lro.successValues)) return "succeeded";
  if (matches(lro.failureValues)) return "failed";
  if (matches(lro.canceledValues)) return "canceled";
  if (mode !== "location") return "pending";
  return status !== undefined && RUNNING_STATUSES.has(status.toLowerCase())
    ? "pending"
    : "succeeded";
}

/** The result once the status is terminal: resultPath, else per finalStateVia. */
async function finalResult(
  context: UrlLroContext,
  lro: UrlLroSpec,
  op: OperationSpec,
  args: object | undefined,
  start: SendResult,
  last: SendResult,
  signal: AbortSignal,
  monitor?: Monitor,
): Promise<unknown> {
  if (lro.resultPath !== undefined) return readFieldPath(last.body, lro.resultPath);
  if (monitor === undefined || monitor.mode === "resource") return last.body;
  const pollOp: OperationSpec = { ...op, responses: [] };
  switch (lro.finalStateVia) {
    case "original-uri":
      return (await context.send(getOf(op), args, { signal })).body;
    case "location": {
      const location = start.headers.get("location");
      if (!location || monitor.mode === "location") return last.body;
      return (await context.sendUrl(pollOp, location, { signal })).body;
    }
    default: {
      // A status monitor may name the finished resource (Azure `resourceLocation`).
      const resource = readFieldPath(last.body, ["resourceLocation"]);
      if (typeof resource !== "string" || resource === "") return last.body;
      return (await context.sendUrl(pollOp, resource, { signal })).body;
    }
  }
}

/** The same URL and parameters as a GET (the original URI of a PUT/PATCH). */
function getOf(op: OperationSpec): OperationSpec {
  return { ...op, method: "GET", body: undefined, isIdempotent: true, responses: [] };
}

function failure(
  lro: UrlLroSpec,
  name: string,
  id: string,
  state: unknown,
  phase: Phase,
): OperationFailedError {
  return new OperationFailedError({
    pollerName: name,
    id,
    status: statusOf(lro, state) ?? phase,
    state,
    error: lro.errorPath === undefined ? undefined : readFieldPath(state, lro.errorPath),
    statusMessage: undefined,
    isCanceled: phase === "canceled",
  });
}

async function waitWithin(
  context: UrlLroContext,
  waitMs: number,
  deadline: number | undefined,
  linked: LinkedSignal,
  onTimeout: () => Error,
): Promise<void> {
  let ms = waitMs;
  if (deadline !== undefined) {
    const remainingMs = deadline - context.now();
    if (remainingMs <= 0) throw onTimeout();
    ms = Math.min(ms, remainingMs);
  }
  await sleepUnlessAborted(context.sleep, ms, linked.signal);
}

function timeoutError<TState>(
  name: string,
  id: string,
  options: PollOptions<TState>,
  last: SendResult | undefined,
): PollTimeoutError {
  return new PollTimeoutError({
    pollerName: name,
    ids: [id],
    timeoutMs: options.timeoutMs ?? 0,
    state: last?.body,
  });
}

/** Status URLs may carry signed query strings: errors name the URL without them. */
function withoutQuery(url: string): string {
  return url.split(/[?#]/)[0];
}
