// The client core generated code calls: one operation in, a parsed body (or a typed error) out,
// with retries, timeouts and hooks; plus the entry points for pagination and long-running operations.
import { sendAttempt } from "./attempt.js";
import type { SendResult } from "./attempt.js";
import { delay, sleepUnlessAborted, throwIfAborted } from "./delay.js";
import type { Sleep } from "./delay.js";
import { formatFieldPath, readFieldPath } from "./field-path.js";
import { UntrackedOperationError } from "./lro-outcome.js";
import type { LroOutcome } from "./lro-outcome.js";
import { afterAcceptedStart, isOwnLroFailure } from "./lro-engine.js";
import type { LroContext } from "./lro-engine.js";
import { matchesStatus } from "./lro-status.js";
import { PagePromise } from "./paginate.js";
import { apiPromise } from "./response-meta.js";
import type { ApiPromise, NoHeaders } from "./response-meta.js";
import type { PageResult, PageSource } from "./paginate.js";
import { Poller } from "./poller.js";
import type { PollerTarget } from "./poller.js";
import { PollerPromise } from "./poller-promise.js";
import { prepareUrlRequest, resolveSameOrigin } from "./follow-url.js";
import { prepareRequest } from "./request-builder.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./response.js";
import { redactValue } from "./error-details.js";
import { AttemptTimeouts } from "./signals.js";
import type { PreparedRequest } from "./request-builder.js";
import { decodeResumeToken } from "./resume-token.js";
import { decideRetry, resolveRetryOptions } from "./retry.js";
import type {
  ChannelSpec,
  ClientOptions,
  LroSpec,
  OperationSpec,
  PaginationOptions,
  PaginationSpec,
  PollOptions,
  RequestOptions,
  RetryOptions,
  StartSpec,
  StreamOptions,
  UrlLroSpec,
  WaitTargets,
} from "./types.js";
import { waitForUrlLro } from "./url-lro.js";
import { openStream } from "./open-stream.js";
import { Channel, channelArgs, channelUrl } from "./channel.js";
import type { ChannelCallOptions } from "./channel.js";
import type { StreamResponse } from "./event-stream.js";

export type { SendResult } from "./attempt.js";

/** Per-attempt timeout when neither the client nor the call sets one. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** The options of a call that passes none (never modified). */
const NO_OPTIONS: RequestOptions = Object.freeze({});

/** Time given to a server-side wait's answer beyond the wait itself (ServerWaitSpec). */
const SERVER_WAIT_MARGIN_MS = 30_000;

/** What the generated client passes besides the user's options; sleep/random/now are for tests. */
export interface TransportDefaults {
  /** The spec's first server, used when ClientOptions.baseUrl is not set. */
  readonly baseUrl: string;
  /** Reserved for richer auth descriptions; unused today. */
  readonly auth?: unknown;
  /** Every wait (retry backoff, poll interval) goes through it; default setTimeout-based delay. */
  readonly sleep?: Sleep;
  /** Jitter source in [0, 1); default Math.random. */
  readonly random?: () => number;
  /** Clock for Retry-After dates and poll deadlines; default Date.now. */
  readonly now?: () => number;
}

/** Sends operations described by OperationSpec; one per generated client. */
export class Transport {
  readonly #options: ClientOptions;
  readonly #baseUrl: string;
  readonly #sleep: Sleep;
  readonly #random: () => number;
  readonly #now: () => number;
  readonly #timeouts = new AttemptTimeouts();

  constructor(options: ClientOptions, defaults: TransportDefaults) {
    this.#options = { ...options };
    this.#baseUrl = options.baseUrl ?? defaults.baseUrl;
    this.#sleep = defaults.sleep ?? delay;
    this.#random = defaults.random ?? Math.random;
    this.#now = defaults.now ?? Date.now;
  }

  /** Send one operation, return the parsed success body (typed by the caller); `.withResponse()` adds status and headers. */
  request<T, THeaders = NoHeaders>(
    op: OperationSpec,
    args: object | undefined,
    options?: RequestOptions,
  ): ApiPromise<T, THeaders> {
    return apiPromise<T, THeaders>(op, this.send(op, args, options));
  }

  /** Same but also gives status and headers (pollers need Retry-After). */
  send(
    op: OperationSpec,
    args: object | undefined,
    given: RequestOptions = NO_OPTIONS,
  ): Promise<SendResult> {
    let sent = op;
    let options = given;
    if (op.serverWait !== undefined) {
      const clientTimeoutMs = this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      [sent, options] = withServerWait(op, args, given, clientTimeoutMs);
    }
    let prepared: PreparedRequest;
    try {
      throwIfAborted(options.signal);
      prepared = prepareRequest(sent, args, this.#baseUrl, this.#options.headers, options.headers);
    } catch (error) {
      // Bad arguments reject like every other failure; nothing is sent.
      return Promise.reject(error);
    }
    return this.#sendPrepared(sent, prepared, options);
  }

  /**
   * GET a URL the server handed out (a next link, a status monitor) with the operation's auth,
   * hooks and retries. Relative URLs resolve against the base URL; another origin is refused.
   */
  async sendUrl(
    op: OperationSpec,
    url: string,
    options: RequestOptions = {},
    what: string = "link",
  ): Promise<SendResult> {
    throwIfAborted(options.signal);
    const resolved = resolveSameOrigin(url, this.#baseUrl, what, op.id);
    const prepared = prepareUrlRequest(op, resolved, this.#options.headers, options.headers);
    return this.#sendPrepared(prepared.op, prepared, options);
  }

  async #sendPrepared(
    op: OperationSpec,
    prepared: PreparedRequest,
    options: RequestOptions,
  ): Promise<SendResult> {
    // Resolved at the first failure: a call that succeeds at once never needs it.
    let policy: RetryOptions | undefined;
    const fetchImpl = this.#options.fetch;
    const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxResponseBytes =
      options.maxResponseBytes ?? this.#options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    for (let attempt = 1; ; attempt++) {
      const context = {
        client: this.#options,
        fetch: fetchImpl,
        now: this.#now,
        signal: options.signal,
        timeoutMs,
        maxResponseBytes,
        timeouts: this.#timeouts,
        attempt,
      };
      const outcome = await sendAttempt(prepared, context);
      if (outcome.isSuccess) return outcome.result;
      if (policy === undefined) {
        policy = resolveRetryOptions(op.retry, this.#options.retry, options.retry);
        // A streamed body is consumed by the first attempt: there is nothing left to send again.
        if (!prepared.body.isReplayable) policy.maxRetries = 0;
      }
      const decision = decideRetry(op, outcome.failure, attempt, policy, this.#random);
      if (!decision.shouldRetry) throw outcome.error;
      await sleepUnlessAborted(this.#sleep, decision.delayMs, options.signal);
    }
  }

  /**
   * A streaming operation (SSE, NDJSON): resolves to an EventStream once the success headers
   * arrive; to the JSON answer instead when the operation streams only on request and the call
   * did not ask (StreamSpec.field).
   */
  stream(op: OperationSpec, args: object | undefined, options?: StreamOptions): Promise<unknown> {
    const context = {
      send: (
        streaming: OperationSpec,
        streamArgs: object | undefined,
        sendOptions: RequestOptions,
      ) => this.send(streaming, streamArgs, sendOptions) as Promise<StreamResponse>,
      request: (json: OperationSpec, jsonArgs: object | undefined, jsonOptions: RequestOptions) =>
        this.request(json, jsonArgs, jsonOptions),
      timeoutMs: options?.timeoutMs ?? this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      sleep: this.#sleep,
    };
    return openStream(context, op, args, options);
  }

  /** Opens a WebSocket channel (see Channel): iterate its messages, await its result. */
  channel<TServer, TClient, TResult>(
    spec: ChannelSpec,
    first: unknown,
    options?: ChannelCallOptions,
  ): Channel<TServer, TClient, TResult> {
    const args = channelArgs(spec, first);
    const url = channelUrl(spec, this.#baseUrl, args);
    return new Channel<TServer, TClient, TResult>(spec, url, this.#options, args.body, options);
  }

  /** Paginated call: resolves to the first page like request(); also async-iterable over items across pages; .pages() iterates page bodies. */
  paginate<TPage, TItem, THeaders = NoHeaders>(
    op: OperationSpec,
    args: object | undefined,
    options: PaginationOptions | undefined,
    paging: PaginationSpec,
  ): PagePromise<TPage, TItem, THeaders> {
    return new PagePromise<TPage, TItem, THeaders>(
      {
        fetch: (pageArgs, pageOptions) => this.send(op, pageArgs, pageOptions),
        fetchUrl: (url, pageOptions, relativeTo) =>
          this.#sendPageUrl(op, url, pageOptions, relativeTo),
        urlOf: (pageArgs) =>
          prepareRequest(op, pageArgs, this.#baseUrl, undefined, undefined).urlWithoutQuery,
      },
      paging,
      args,
      options,
      op.id,
      op,
    );
  }

  /**
   * A poller on existing ids (all must succeed). One id resolves to its state; several ids (or
   * `isMulti`) resolve to an array of states: create it as Poller<Item[]> then.
   */
  poller<TState>(
    name: string,
    lro: LroSpec,
    ids: readonly string[],
    options?: RequestOptions,
    isMulti: boolean = ids.length > 1,
  ): Poller<TState> {
    if (ids.length === 0 || ids.some((id) => typeof id !== "string" || id === "")) {
      throw new TypeError(`${name}: a poller needs at least one non-empty id`);
    }
    return new Poller<TState>(this.#lroContext(), name, lro, { ids: [...ids], isMulti }, options);
  }

  /**
   * Calls the starting operation at once, reads the id(s) from its body at idPath / idsPath, and
   * gives the poller: `.then((poller) => poller.pollUntilDone(options))`. `await` on the result is
   * the final state (the poller is awaitable; see PollerPromise). idsPath makes a multi-id poller
   * (create it as startLro<Item[]>), even when the server returns a single id.
   */
  startLro<TState>(
    op: OperationSpec,
    args: object | undefined,
    options: RequestOptions | undefined,
    name: string,
    lro: LroSpec,
    start: StartSpec,
  ): PollerPromise<TState> {
    const target = this.send(op, args, options).then(({ body }): PollerTarget => {
      const status = readFieldPath(body, lro.statusPath);
      return {
        ids: readStartIds(op, body, args, start),
        isMulti: start.idsPath !== undefined,
        startBody: body,
        isMoving: isMovingStatus(lro, status),
        isChangeAwaited: start.isChangeAwaited,
        hasChanged: isServerWaited(op, args) || isOtherStatus(lro, status),
      };
    });
    return new PollerPromise(new Poller<TState>(this.#lroContext(), name, lro, target, options));
  }

  /**
   * Start a long-running operation and wait for its end: what generated `<method>AndWait` calls.
   * Only the signal of `options` applies to the starting request; the rest is about the wait
   * (its timeoutMs bounds the whole wait, not the request).
   */
  startAndWait<TState>(
    op: OperationSpec,
    args: object | undefined,
    options: PollOptions<TState> | undefined,
    name: string,
    lro: LroSpec | UrlLroSpec,
    start: StartSpec = {},
  ): Promise<TState> {
    if (isUrlLro(lro)) {
      return waitForUrlLro<TState>(this.#lroContext(), op, args, options ?? {}, name, lro);
    }
    const spec = start.target ? { ...lro, ...start.target } : lro;
    const poller = this.startLro<TState>(
      op,
      args,
      { signal: options?.signal },
      name,
      spec,
      start,
    ).poller;
    if (start.isIdOptional) return trackAccepted(poller, options) as Promise<TState>;
    return poller
      .submitted()
      .then((accepted) =>
        poller
          .pollUntilDone(options)
          .catch((error: unknown) =>
            Promise.reject(afterAcceptedStart(error, options?.signal, name, accepted)),
          ),
      );
  }

  /**
   * A pageable long-running operation: await it for the final result (the first page), iterate it
   * for every item, the next links followed after the wait.
   */
  startAndPaginate<TPage, TItem>(
    op: OperationSpec,
    args: object | undefined,
    options: PollOptions<TPage> | undefined,
    name: string,
    lro: UrlLroSpec,
    paging: PaginationSpec,
  ): PagePromise<TPage, TItem> {
    const source: PageSource = {
      fetch: async () => ({
        body: await waitForUrlLro<TPage>(this.#lroContext(), op, args, options ?? {}, name, lro),
        status: 200,
        headers: new Headers(),
      }),
      // Next pages are GETs answering JSON pages, whatever the starting POST declares.
      fetchUrl: (url, pageOptions, relativeTo) =>
        this.#sendPageUrl(pageOp, url, pageOptions, relativeTo),
    };
    const pageOp: OperationSpec = { ...op, responses: [{ status: "default", kind: "json" }] };
    return new PagePromise<TPage, TItem>(source, paging, args, { signal: options?.signal }, op.id);
  }

  /**
   * Wait until `ids` reach a terminal state: what generated `waitFor<Name>` calls. `options.until`
   * picks an alternative success/failure set from `targets` (e.g. a cluster "running" or "stopped").
   */
  waitFor<TState>(
    name: string,
    lro: LroSpec,
    ids: readonly string[],
    options?: PollOptions<TState> & { until?: string },
    targets?: WaitTargets,
  ): Promise<TState> {
    const until = options?.until;
    if (until !== undefined && !(targets && Object.prototype.hasOwnProperty.call(targets, until))) {
      return Promise.reject(
        new TypeError(
          `${name}: unknown until ${JSON.stringify(until)}; expected one of ${Object.keys(targets ?? {}).join(", ")}`,
        ),
      );
    }
    const spec = until !== undefined && targets ? { ...lro, ...targets[until] } : lro;
    return this.poller<TState>(name, spec, ids, {
      signal: options?.signal,
    }).pollUntilDone(options);
  }

  /** Rebuild a poller from serialize()'s token; `lros` maps poller names to specs. Throws a clear error for a foreign/garbled token. */
  resumePoller<TState>(
    token: string,
    lros: Readonly<Record<string, LroSpec>>,
    options?: RequestOptions,
  ): Poller<TState> {
    const data = decodeResumeToken(token);
    if (!Object.prototype.hasOwnProperty.call(lros, data.name)) {
      const known = Object.keys(lros).join(", ") || "none";
      throw new TypeError(
        `Invalid resume token: this client has no poller named "${data.name}" (known: ${known})`,
      );
    }
    return this.poller<TState>(data.name, lros[data.name], data.ids, options, data.isMulti);
  }

  /** GETs a next page link, resolved against the page that gave it; the answer carries its URL. */
  async #sendPageUrl(
    op: OperationSpec,
    link: string,
    options: RequestOptions,
    relativeTo: string | undefined,
  ): Promise<PageResult> {
    throwIfAborted(options.signal);
    const what = "next page link";
    const url = resolveSameOrigin(link, this.#baseUrl, what, op.id, relativeTo);
    return { ...(await this.sendUrl(op, url, options, what)), url };
  }

  /** The context of every wait (both strategies' status bodies are redacted: they end up in errors). */
  #lroContext(): LroContext {
    return {
      send: (op, args, options) => this.send(op, args, options).then(redactedBody),
      requestUrl: (op, args) =>
        prepareRequest(op, args, this.#baseUrl, undefined, undefined).urlWithoutQuery,
      sendUrl: (op, url, options) =>
        this.sendUrl(op, url, options, "status URL").then(redactedBody),
      sleep: this.#sleep,
      random: this.#random,
      now: this.#now,
    };
  }
}

/**
 * A status body with the caller's credential scrubbed: pollers keep it as their state and put it
 * in OperationFailedError, which ends up in logs. Unchanged (no copy) when nothing matches.
 */
function redactedBody(result: SendResult): SendResult {
  const secrets = result.secrets ?? [];
  const body = redactValue(result.body, secrets);
  return body === result.body ? result : { ...result, body };
}

function isUrlLro(lro: LroSpec | UrlLroSpec): lro is UrlLroSpec {
  return (lro as Partial<UrlLroSpec>).kind === "url";
}

/**
 * The id(s) a starting call returned (or the argument it was called with, idArg). None usable:
 * UntrackedOperationError, as the server accepted the call and it must not be sent again.
 */
function readStartIds(
  op: OperationSpec,
  body: unknown,
  args: object | undefined,
  start: StartSpec,
): string[] {
  if (start.idArg !== undefined) {
    const id = (args as Record<string, unknown> | undefined)?.[start.idArg];
    if (typeof id === "string" && id !== "") return [id];
    throw new TypeError(`${op.id}: argument ${start.idArg} is needed to wait`);
  }
  const path = start.idsPath ?? start.idPath;
  if (path === undefined) throw new TypeError(`${op.id}: startLro needs an idPath or idsPath`);
  const value = readFieldPath(body, path);
  const values = start.idsPath !== undefined && Array.isArray(value) ? value : [value];
  const isUsable = (id: unknown): boolean =>
    (typeof id === "string" && id !== "") || typeof id === "number";
  if (values.length === 0 || !values.every(isUsable)) {
    throw new UntrackedOperationError(
      `${op.id} started an operation but its response has no usable id at ${formatFieldPath(path)}`,
      body,
    );
  }
  return values.map(String);
}

/**
 * The wait of a start whose id may be missing: the accepted-start rule (isOwnLroFailure) with an
 * outcome instead of UntrackedOperationError. A missing id, or a status endpoint that keeps
 * failing, resolves `{ tracked: false, start }`.
 */
async function trackAccepted<TState>(
  poller: Poller<TState>,
  options: PollOptions<TState> | undefined,
): Promise<LroOutcome<TState, unknown>> {
  let start: unknown;
  try {
    start = await poller.submitted();
  } catch (error) {
    if (!(error instanceof UntrackedOperationError)) throw error; // not accepted: nothing started
    return { tracked: false, start: error.start, reason: error.message };
  }
  try {
    return { tracked: true, state: await poller.pollUntilDone(options), start };
  } catch (error) {
    if (isOwnLroFailure(error, options?.signal)) throw error;
    const reason = `the status of ${poller.ids.join(", ")} could not be read: ${String(error)}`;
    return { tracked: false, start, reason };
  }
}

/** True when a starting call's own body shows a status that is not a success one. */
function isOtherStatus(lro: LroSpec, value: unknown): boolean {
  return (
    value !== undefined && value !== null && !matchesStatus(lro, lro.successValues, String(value))
  );
}

/** True when a starting call's own body shows a pending status (the resource is moving). */
function isMovingStatus(lro: LroSpec, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  const status = String(value);
  const listed = [lro.successValues, lro.failureValues, lro.canceledValues, lro.unreachableValues];
  return !listed.some((values) => matchesStatus(lro, values, status));
}

/** The call asked the server to answer only once its work is done (ServerWaitSpec's flag). */
function isServerWaited(op: OperationSpec, args: object | undefined): boolean {
  return op.serverWait !== undefined && readFieldPath(args, op.serverWait.flagPath) === true;
}

/**
 * A call the server holds open while it waits (ServerWaitSpec): its attempt timeout covers the
 * wait the caller asked for, plus a margin for the answer to arrive (the caller's timeoutMs
 * wins), and a timeout is never retried, even for an idempotent method: the server may still be
 * acting, and a second call would start a second wait.
 */
function withServerWait(
  op: OperationSpec,
  args: object | undefined,
  options: RequestOptions,
  clientTimeoutMs: number,
): [OperationSpec, RequestOptions] {
  const wait = op.serverWait;
  if (wait === undefined || !isServerWaited(op, args)) return [op, options];
  const sent = { ...op, retry: { ...op.retry, isConnectionRetried: false } };
  if (options.timeoutMs !== undefined) return [sent, options];
  const given = readFieldPath(args, wait.durationPath);
  const duration = typeof given === "number" && given > 0 ? given : wait.defaultDuration;
  const timeoutMs = duration * wait.unitMs + SERVER_WAIT_MARGIN_MS;
  return [sent, timeoutMs > clientTimeoutMs ? { ...options, timeoutMs } : options];
}
