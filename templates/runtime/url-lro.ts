// Header-driven long-running operations (Azure, plain HTTP 202 + Location, AEP operations): start,
// then follow one of three strategies until the operation is terminal, then fetch the final result
// the way the descriptor says. The strategies (Azure core-lro's modes, same names where they exist):
// - status monitor (Operation-Location / Azure-AsyncOperation, or a body field): its `status` decides;
// - location (Location header only): the HTTP status decides, 202 running, another 2xx the result;
// - original URI (a PUT/PATCH whose body reports a running provisioning state, no header): the
//   resource's own state decides, no state at all meaning done.
// The loop (pacing, transient failures, useless answers, deadline, the accepted-start rule) is the
// engine's (lro-engine.ts), shared with Poller; this file is the three strategies.
import type { SendResult } from "./attempt.js";
import { OperationFailedError, PollTimeoutError, SdkError } from "./errors.js";
import { readFieldPath } from "./field-path.js";
import { afterAcceptedStart, runLro } from "./lro-engine.js";
import type { LroContext, LroStrategy } from "./lro-engine.js";
import { phaseOfStatus } from "./lro-status.js";
import type { LroPhase } from "./lro-status.js";
import { parseRetryAfterMs } from "./retry.js";
import { linkSignals } from "./signals.js";
import type {
  OperationSpec,
  PollOptions,
  RequestOptions,
  ResponseSpec,
  UrlLroSpec,
} from "./types.js";

/** What the wait borrows from its Transport: the engine's context, plus following URLs the server hands out. */
export interface UrlLroContext extends LroContext {
  /** The URL `send` requests for `op` and `args`, without its query: what relative URLs it hands out resolve against. */
  readonly requestUrl: (op: OperationSpec, args: object | undefined) => string;
  /** GETs a URL the server handed out (a status monitor, a Location). */
  readonly sendUrl: (
    op: OperationSpec,
    url: string,
    options: RequestOptions,
  ) => Promise<SendResult>;
}

type Strategy = "location" | "original-uri" | "status-monitor";
type Phase = LroPhase;

interface Monitor {
  readonly strategy: Strategy;
  /** Undefined: poll the original URL (GET). */
  url: string | undefined;
  /** The URL as the server wrote it (messages name it so). */
  readonly given?: string;
}

interface Answer {
  readonly phase: Phase;
  /** False when the answer says nothing about the operation (a monitor without a status). */
  readonly isUsable: boolean;
}

/**
 * Statuses a resource answered at a Location may still carry while the work goes on (plain HTTP
 * job APIs answer 200 with their job document; Azure answers 202 while running).
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

/**
 * Status answers and final GETs are JSON whatever their Content-Type says (monitors often send
 * none); an empty body is nothing, invalid JSON an error.
 */
const JSON_RESPONSES: readonly ResponseSpec[] = [{ status: "default", kind: "json" }];

/** Start `op`, follow it to a terminal state, resolve with the final result. */
export async function waitForUrlLro<TState>(
  context: UrlLroContext,
  op: OperationSpec,
  args: object | undefined,
  options: PollOptions<TState>,
  name: string,
  lro: UrlLroSpec,
): Promise<TState> {
  const linked = linkSignals([options.signal], options.timeoutMs);
  const signal = linked.signal;
  const watch: { id: string; last: SendResult | undefined } = { id: op.path, last: undefined };
  const onTimeout = () => timeoutError(name, watch.id, options, watch.last);
  let start: SendResult | undefined;
  try {
    start = await context.send(op, args, { signal });
    watch.last = start;
    const startUrl = context.requestUrl(op, args);
    const monitor = monitorOf(lro, op, start, startUrl);
    if (monitor === undefined) return resultOf(lro, start.body) as TState;
    if (monitor.given !== undefined) watch.id = withoutQuery(monitor.given);
    const strategy = monitorStrategy(context, lro, op, args, monitor, name, watch);
    const loop = {
      ...strategy,
      defaultIntervalMs: lro.defaultIntervalMs,
      firstWait: { hintMs: parseRetryAfterMs(start.headers, context.now) },
      linked,
      onTimeout,
    };
    for await (const answer of runLro(context, options, loop)) {
      const last = watch.last as SendResult;
      if (answer.phase === "succeeded")
        return (await finalResult(
          context,
          lro,
          op,
          args,
          { start, startUrl },
          last,
          signal,
          monitor,
        )) as TState;
      options.onProgress?.(last.body, last.body as TState);
    }
    throw new SdkError(`${name}: the wait ended without an answer`); // unreachable: runLro ends on success
  } catch (error) {
    const settled =
      linked.isTimedOut && !(error instanceof OperationFailedError) ? onTimeout() : error;
    // Before the start returned nothing was accepted: its failure is the call's own.
    throw start === undefined
      ? settled
      : afterAcceptedStart(settled, options.signal, `${name} (${watch.id})`, start.body);
  } finally {
    linked.dispose();
  }
}

/** The status-monitor, location and original-URI strategies: one GET per round, read per Monitor. */
function monitorStrategy(
  context: UrlLroContext,
  lro: UrlLroSpec,
  op: OperationSpec,
  args: object | undefined,
  monitor: Monitor,
  name: string,
  watch: { id: string; last: SendResult | undefined },
): LroStrategy {
  const pollOptions = (signal: AbortSignal) => ({ signal, retry: NO_RETRIES });
  return {
    async poll(signal) {
      const result =
        monitor.url === undefined
          ? await context.send(getOf(op), args, pollOptions(signal))
          : await context.sendUrl(jsonOf(op), monitor.url, pollOptions(signal));
      watch.last = result;
      const answer = answerOf(lro, monitor.strategy, result);
      if (answer.phase === "failed" || answer.phase === "canceled")
        throw failure(lro, name, watch.id, result.body, answer.phase);
      if (answer.phase === "pending") {
        const handedOut = monitorUrlOf(lro, monitor.strategy, result);
        const polled = monitor.url ?? context.requestUrl(getOf(op), args);
        if (handedOut !== undefined) monitor.url = resolvedAgainst(handedOut, polled);
      }
      return {
        phase: answer.phase,
        isUsable: answer.isUsable,
        hintMs: parseRetryAfterMs(result.headers, context.now),
      };
    },
    describe: () => `${name}: the status monitor ${watch.id} never reported a status`,
  };
}

/**
 * A URL a response header handed out, resolved against the URL of the request that returned it
 * (RFC 9110 section 10.2.2 for Location; Operation-Location and Azure-AsyncOperation alike). Not a
 * URL: as given, for the transport to reject with the operation's name.
 */
function resolvedAgainst(ref: string, requestUrl: string): string {
  try {
    return new URL(ref, requestUrl).href;
  } catch {
    return ref;
  }
}

/** Where to poll and how, or undefined when the starting response is already the end. */
function monitorOf(
  lro: UrlLroSpec,
  op: OperationSpec,
  start: SendResult,
  startUrl: string,
): Monitor | undefined {
  // A start that already reports a terminal state is the end, whatever headers it also carries.
  const startPhase = statusPhase(lro, statusOf(lro, start.body));
  if (start.status !== 202 && startPhase === "succeeded") return undefined;
  if (startPhase === "failed" || startPhase === "canceled")
    throw failure(lro, op.id, op.path, start.body, startPhase);
  for (const header of lro.urlHeaders) {
    const url = start.headers.get(header);
    if (url) {
      const strategy = header.toLowerCase() === "location" ? "location" : "status-monitor";
      return { strategy, url: resolvedAgainst(url, startUrl), given: url };
    }
  }
  if (lro.urlPath !== undefined) {
    const url = readFieldPath(start.body, lro.urlPath);
    // A body field names a resource of the API (AEP's operation name): it stays relative to the base URL.
    if (typeof url === "string" && url !== "" && startPhase === "pending")
      return { strategy: "status-monitor", url, given: url };
  }
  // No URL: a PUT/PATCH whose body carries a running provisioning state is polled in place; one
  // without any state is done (core-lro's Body mode).
  if (
    statusOf(lro, start.body) !== undefined &&
    startPhase === "pending" &&
    (op.method === "PUT" || op.method === "PATCH")
  )
    return { strategy: "original-uri", url: undefined };
  // Nothing to poll (a 202 without a monitor included): done, as Azure's TypeScript and Python
  // generators both read it.
  return undefined;
}

/** A monitor URL a poll answer hands out (a new Location while running). */
function monitorUrlOf(lro: UrlLroSpec, strategy: Strategy, result: SendResult): string | undefined {
  if (strategy === "original-uri") return undefined;
  for (const header of lro.urlHeaders) {
    const isLocation = header.toLowerCase() === "location";
    if (isLocation !== (strategy === "location")) continue;
    const url = result.headers.get(header);
    if (url) return url;
  }
  return undefined;
}

function answerOf(lro: UrlLroSpec, strategy: Strategy, result: SendResult): Answer {
  if (lro.failurePath !== undefined) {
    const failed = readFieldPath(result.body, lro.failurePath);
    if (failed !== undefined && failed !== null) return { phase: "failed", isUsable: true };
  }
  const status = statusOf(lro, result.body);
  const phase = statusPhase(lro, status);
  switch (strategy) {
    case "status-monitor":
      return { phase, isUsable: status !== undefined };
    case "original-uri":
      // core-lro's Body mode: a resource without a provisioning state is done.
      return {
        phase: status === undefined ? "succeeded" : phase,
        isUsable: true,
      };
    case "location": {
      // The HTTP status decides (core-lro's ResourceLocation mode): 202 runs, another 2xx is the
      // result, unless that result is itself a job document still running or already failed.
      if (result.status === 202) return { phase: "pending", isUsable: true };
      if (phase === "failed" || phase === "canceled") return { phase, isUsable: true };
      const isRunning = status !== undefined && RUNNING_STATUSES.has(status.toLowerCase());
      return {
        phase: phase === "pending" && isRunning ? "pending" : "succeeded",
        isUsable: true,
      };
    }
  }
}

function statusOf(lro: UrlLroSpec, body: unknown): string | undefined {
  for (const path of lro.statusPaths) {
    const value = readFieldPath(body, path);
    if (value !== undefined && value !== null) return String(value);
  }
  return undefined;
}

/** The phase a status value names (the rule shared with Poller); unknown values and no value are pending. */
function statusPhase(lro: UrlLroSpec, status: string | undefined): Phase {
  return phaseOfStatus(lro, status);
}

function resultOf(lro: UrlLroSpec, body: unknown): unknown {
  return lro.resultPath === undefined ? body : readFieldPath(body, lro.resultPath);
}

/**
 * The result once terminal: resultPath; else the last answer for the location and original-URI
 * strategies (they polled the resource itself); else, after a status monitor, a GET of the
 * resource as core-lro finds it: a PUT's own URL, a PATCH's or POST's per finalStateVia
 * (location: the start's Location; original-uri: its own URL), a DELETE's nothing. Without a
 * resource to GET, the monitor's last answer (or the resource it names, Azure `resourceLocation`).
 */
async function finalResult(
  context: UrlLroContext,
  lro: UrlLroSpec,
  op: OperationSpec,
  args: object | undefined,
  started: { start: SendResult; startUrl: string },
  last: SendResult,
  signal: AbortSignal,
  monitor: Monitor,
): Promise<unknown> {
  if (lro.resultPath !== undefined || monitor.strategy !== "status-monitor")
    return resultOf(lro, last.body);
  const resource = resourceOf(lro, op, started.start);
  if (resource === "original-uri") return (await context.send(getOf(op), args, { signal })).body;
  if (resource !== undefined) {
    const url = resolvedAgainst(resource, started.startUrl);
    return (await context.sendUrl(jsonOf(op), url, { signal })).body;
  }
  const named = readFieldPath(last.body, ["resourceLocation"]);
  if (typeof named !== "string" || named === "") return last.body;
  return (await context.sendUrl(jsonOf(op), named, { signal })).body;
}

/** Where the finished resource is after a status monitor: "original-uri", a URL, or nowhere. */
function resourceOf(lro: UrlLroSpec, op: OperationSpec, start: SendResult): string | undefined {
  if (op.method === "PUT") return "original-uri";
  if (op.method === "DELETE") return undefined;
  const location = start.headers.get("location") ?? undefined;
  switch (lro.finalStateVia) {
    case "original-uri":
      return "original-uri";
    case "location":
      return location ?? (op.method === "PATCH" ? "original-uri" : undefined);
    default:
      return op.method === "PATCH" ? "original-uri" : undefined;
  }
}

/** The same URL and parameters as a GET (the original URI of a PUT/PATCH). */
function getOf(op: OperationSpec): OperationSpec {
  return {
    ...op,
    method: "GET",
    body: undefined,
    isIdempotent: true,
    responses: JSON_RESPONSES,
  };
}

/** The operation as a GET of a URL the server handed out (prepareUrlRequest drops its params). */
function jsonOf(op: OperationSpec): OperationSpec {
  return { ...op, responses: JSON_RESPONSES };
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
