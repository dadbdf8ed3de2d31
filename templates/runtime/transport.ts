// The client core generated code calls: one operation in, a parsed body (or a typed error) out,
// with retries, timeouts and hooks. Pagination, long-running operations, streams and channels are
// separate entry points over it (call-*.ts), so a bundle carries only what its calls use.
import { DEFAULT_TIMEOUT_MS, sendAttempt } from "./attempt.js";
import type { SendResult } from "./attempt.js";
import { delay, throwIfAborted } from "./delay.js";
import type { Sleep } from "./delay.js";
import { apiPromise } from "./response-meta.js";
import type { ApiPromise, NoHeaders, ResultSink } from "./response-meta.js";
import { prepareRequest } from "./request-builder.js";
import type { PreparedRequest } from "./request-builder.js";
import type {
  AuthSpec,
  ClientOptions,
  OperationRetrySpec,
  OperationSpec,
  RequestOptions,
} from "./types.js";

export type { SendResult } from "./attempt.js";
export { DEFAULT_TIMEOUT_MS } from "./attempt.js";

/**
 * Streams keep a bound by default (headers, then silence between chunks): one signal per
 * long-lived stream costs nothing per event, and a silent stream is otherwise never noticed.
 */
export const DEFAULT_STREAM_TIMEOUT_MS = 60_000;

/** The options of a call that passes none: shared, not an object per call (never modified). */
const NO_OPTIONS: RequestOptions = Object.freeze({});

/** What the generated client passes besides the user's options; sleep/random/now are for tests. */
export interface TransportDefaults {
  /** The spec's first server, used when ClientOptions.baseUrl is not set. */
  readonly baseUrl: string;
  /** The API's security: the schemes of every operation whose descriptor names none. Default: none. */
  readonly auth?: readonly AuthSpec[];
  /** The API's retry policy: the spec's policy of every operation whose descriptor names none. */
  readonly retry?: OperationRetrySpec;
  /** Every wait (retry backoff, poll interval) goes through it; default setTimeout-based delay. */
  readonly sleep?: Sleep;
  /** Jitter source in [0, 1); default Math.random. */
  readonly random?: () => number;
  /** Clock for Retry-After dates and poll deadlines; default Date.now. */
  readonly now?: () => number;
}

/**
 * Sends operations described by OperationSpec; one per generated client. Fields are `declare`d
 * and set by the constructor: a plain declaration is emitted as a definition under ES2022
 * targets, bytes in every bundle for nothing (see errors.ts).
 */
export class Transport {
  /** The options the client was created with (a copy). */
  declare readonly clientOptions: ClientOptions;
  /** The URL relative paths resolve against: ClientOptions.baseUrl, else the spec's first server. */
  declare readonly baseUrl: string;
  /** The API's security (TransportDefaults.auth), for operations whose descriptor names none. */
  declare readonly auth: readonly AuthSpec[];
  /** The API's retry policy (TransportDefaults.retry), for operations whose descriptor names none. */
  declare readonly retry: OperationRetrySpec | undefined;
  /** Every wait (retry backoff, poll interval) goes through it. */
  declare readonly sleep: Sleep;
  /** Jitter source in [0, 1). */
  declare readonly random: () => number;
  /** Clock for Retry-After dates and poll deadlines. */
  declare readonly now: () => number;

  constructor(options: ClientOptions, defaults: TransportDefaults) {
    this.clientOptions = { ...options };
    this.baseUrl = options.baseUrl ?? defaults.baseUrl;
    this.auth = defaults.auth ?? [];
    this.retry = defaults.retry;
    this.sleep = defaults.sleep ?? delay;
    this.random = defaults.random ?? Math.random;
    this.now = defaults.now ?? Date.now;
  }

  /** Send one operation, return the parsed success body (typed by the caller); `.withResponse()` adds status and headers. */
  request<T, THeaders = NoHeaders>(
    op: OperationSpec,
    args: object | undefined,
    options?: RequestOptions,
  ): ApiPromise<T, THeaders> {
    const sink: ResultSink = {};
    return apiPromise<T, THeaders>(op, this.send(op, args, options, sink), sink);
  }

  /**
   * Same but also gives status and headers (pollers need Retry-After); with a `sink`, resolves to
   * the body and leaves the SendResult there (see ResultSink).
   */
  send(op: OperationSpec, args: object | undefined, options?: RequestOptions): Promise<SendResult>;
  send(
    op: OperationSpec,
    args: object | undefined,
    options: RequestOptions | undefined,
    sink: ResultSink,
  ): Promise<unknown>;
  send(
    op: OperationSpec,
    args: object | undefined,
    options: RequestOptions = NO_OPTIONS,
    sink?: ResultSink,
  ): Promise<unknown> {
    let prepared: PreparedRequest;
    try {
      // A server-side wait (Prefer: wait, a long-poll argument) adjusts the operation and the timeout.
      if (op.serverWait)
        [op, options] = op.serverWait.apply(
          op,
          args,
          options,
          this.clientOptions.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          this.retry,
        );
      throwIfAborted(options.signal);
      prepared = prepareRequest(
        op,
        args,
        this.baseUrl,
        this.clientOptions.headers,
        options.headers,
      );
    } catch (error) {
      // Bad arguments reject like every other failure; nothing is sent.
      return Promise.reject(error);
    }
    return sendAttempt(this, prepared, options, 1, sink);
  }
}
