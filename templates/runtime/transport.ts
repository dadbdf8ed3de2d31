// The client core generated code calls: one operation in, a parsed body (or a typed error) out,
// with retries, timeouts and hooks. Pagination, long-running operations, streams and channels are
// separate entry points over it (call-*.ts), so a bundle carries only what its calls use.
import { sendAttempt } from "./attempt.js";
import type { AttemptContext, AttemptFailed, SendResult } from "./attempt.js";
import { delay, sleepUnlessAborted, throwIfAborted } from "./delay.js";
import type { Sleep } from "./delay.js";
import { apiPromise } from "./response-meta.js";
import type { ApiPromise, NoHeaders } from "./response-meta.js";
import { prepareRequest } from "./request-builder.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./response.js";
import { AttemptTimeouts } from "./signals.js";
import type { PreparedRequest } from "./request-builder.js";
import { decideRetry, resolveRetryOptions } from "./retry.js";
import type { ClientOptions, OperationSpec, RequestOptions } from "./types.js";

export type { SendResult } from "./attempt.js";

/**
 * Per-attempt timeout when neither the client nor the call sets one: none. A timeout that really
 * aborts needs a signal, and Node's fetch charges for any signal it is given (a listener and a
 * finalizer per request, 5-12% of a loopback request's CPU): a call that asks for no timeout
 * pays for none. Node's fetch still gives up after 300 s without headers or body bytes.
 */
export const DEFAULT_TIMEOUT_MS = Infinity;

/**
 * Streams keep a bound by default (headers, then silence between chunks): one signal per
 * long-lived stream costs nothing per event, and a silent stream is otherwise never noticed.
 */
export const DEFAULT_STREAM_TIMEOUT_MS = 60_000;

/** The options of a call that passes none (never modified). */
const NO_OPTIONS: RequestOptions = Object.freeze({});

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
  /** The options the client was created with (a copy). */
  readonly clientOptions: ClientOptions;
  /** The URL relative paths resolve against: ClientOptions.baseUrl, else the spec's first server. */
  readonly baseUrl: string;
  /** Every wait (retry backoff, poll interval) goes through it. */
  readonly sleep: Sleep;
  /** Jitter source in [0, 1). */
  readonly random: () => number;
  /** Clock for Retry-After dates and poll deadlines. */
  readonly now: () => number;
  readonly #timeouts = new AttemptTimeouts();
  /** The first attempt of a call without options: built once, not per call (hence read-only). */
  readonly #firstAttempt: Readonly<AttemptContext>;

  constructor(options: ClientOptions, defaults: TransportDefaults) {
    this.clientOptions = { ...options };
    this.baseUrl = options.baseUrl ?? defaults.baseUrl;
    this.sleep = defaults.sleep ?? delay;
    this.random = defaults.random ?? Math.random;
    this.now = defaults.now ?? Date.now;
    this.#firstAttempt = this.#contextOf(NO_OPTIONS, 1);
  }

  /** What attempt number `attempt` of a call with `options` needs (see AttemptContext). */
  #contextOf(options: RequestOptions, attempt: number): AttemptContext {
    const client = this.clientOptions;
    return {
      client,
      options,
      fetch: client.fetch,
      now: this.now,
      signal: options.signal,
      timeoutMs: options.timeoutMs ?? client.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxResponseBytes:
        options.maxResponseBytes ?? client.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      timeouts: this.#timeouts,
      attempt,
      retry: attempt === 1 ? this.#retry : undefined,
    };
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
      const clientTimeoutMs = this.clientOptions.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      [sent, options] = op.serverWait.apply(op, args, given, clientTimeoutMs);
    }
    let prepared: PreparedRequest;
    try {
      throwIfAborted(options.signal);
      prepared = prepareRequest(
        sent,
        args,
        this.baseUrl,
        this.clientOptions.headers,
        options.headers,
      );
    } catch (error) {
      // Bad arguments reject like every other failure; nothing is sent.
      return Promise.reject(error);
    }
    return this.sendPrepared(prepared, options);
  }

  /**
   * Sends a request already built (send's, or a URL the server handed out, see send-url.ts):
   * attempts, typed errors, backoff.
   */
  sendPrepared(prepared: PreparedRequest, options: RequestOptions): Promise<SendResult> {
    // A call without options shares the transport's context for its first attempt; the attempt
    // hands a failure to #retry itself (see AttemptContext.retry), so it never gives one back.
    const context = options === NO_OPTIONS ? this.#firstAttempt : this.#contextOf(options, 1);
    return sendAttempt(prepared, context) as Promise<SendResult>;
  }

  /** Retries after a failed first attempt, while the policy allows; throws the last failure's error. */
  readonly #retry = async (
    prepared: PreparedRequest,
    first: AttemptFailed,
    options: RequestOptions,
  ): Promise<SendResult> => {
    const { op } = prepared;
    const policy = resolveRetryOptions(op.retry, this.clientOptions.retry, options.retry);
    // A streamed body is consumed by the first attempt: there is nothing left to send again.
    if (!prepared.body.isReplayable) policy.maxRetries = 0;
    let outcome: SendResult | AttemptFailed = first;
    for (let attempt = 1; "failure" in outcome; attempt++) {
      const decision = decideRetry(op, outcome.failure, attempt, policy, this.random);
      if (!decision.shouldRetry) throw outcome.error;
      await sleepUnlessAborted(this.sleep, decision.delayMs, options.signal);
      outcome = await sendAttempt(prepared, this.#contextOf(options, attempt + 1));
    }
    return outcome;
  };
}
