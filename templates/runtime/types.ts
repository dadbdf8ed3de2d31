// The contract between generated code and the runtime: generated files hand the runtime these
// small literal descriptors (never code), and the runtime does every request, retry, poll and page.

/** HTTP methods an OpenAPI path item can hold, upper case as sent on the wire. */
export type HttpMethod = "DELETE" | "GET" | "HEAD" | "OPTIONS" | "PATCH" | "POST" | "PUT" | "TRACE";

/** A path in a JSON body, one key (or array index) per step: ["data", "pagination", "has_next"]. */
export type FieldPath = readonly (string | number)[];

/** How one parameter is put on the wire (OpenAPI `in`, `style`, `explode`). */
export interface ParameterSpec {
  /** The name on the wire, which is also the key in the call's argument object unless `arg` is set. */
  readonly name: string;
  /** The key in the call's argument object when it differs from `name` (the same name in two locations, or `body`). */
  readonly arg?: string;
  readonly in: "cookie" | "header" | "path" | "query";
  /** OpenAPI style; defaults per location: path/header "simple", query/cookie "form". */
  readonly style?:
    | "deepObject"
    | "form"
    | "label"
    | "matrix"
    | "pipeDelimited"
    | "simple"
    | "spaceDelimited"
    | "tabDelimited";
  /** OpenAPI explode; defaults to true for style "form", false otherwise. */
  readonly explode?: boolean;
  /** Query values sent without percent-encoding reserved characters (OpenAPI allowReserved). */
  readonly allowReserved?: boolean;
  /**
   * Path or query values sent as they are, not percent-encoded (Azure's x-ms-skip-url-encoding):
   * the spec says the caller passes them encoded, or means their `/` and `&` to count.
   */
  readonly skipsEncoding?: boolean;
  /** Parameter declared with `content: application/json`: the value is sent as JSON text. */
  readonly isJson?: boolean;
  /** A path parameter whose declared values include "" (an empty segment is then meant, not missing). */
  readonly allowsEmpty?: boolean;
  /**
   * The serializers of the parameter's style, which the generator names: serialize.ts's
   * `defaultStyles` for each location's default style, param-styles.ts's `paramStyles` for the
   * others (label, matrix, the delimited ones, deepObject) and allowReserved. Required but for a
   * path parameter whose value is a string, number, boolean or date (percent-encoded as it is),
   * so a client of such operations bundles no serializer.
   */
  readonly styles?: ParamStyles;
}

/** Serializers of parameter styles, one per location (serialize.ts, param-styles.ts). */
export interface ParamStyles {
  path(param: ParameterSpec, value: unknown): string;
  /** Encoded `name=value` pieces. */
  query(param: ParameterSpec, value: unknown): string[];
  /** The header's value. */
  header(param: ParameterSpec, value: unknown): string;
  /** `name=value` pieces of the Cookie header. */
  cookie(param: ParameterSpec, value: unknown): string[];
}

/**
 * Required parameters whose schema allows one value (an enum of one value, `const`): AutoRest's
 * constants, optional in the params type. `fill`, called as `spec.fill(args)`, is the runtime's
 * withConstants (constant-params.ts), named here so only clients with such parameters bundle it.
 */
export interface ConstantsSpec {
  /** Argument key (ParameterSpec.arg, else name) -> the value sent when the caller leaves it out. */
  readonly values: Readonly<Record<string, boolean | number | string>>;
  readonly fill: (this: ConstantsSpec, args: object | undefined) => object;
}

/**
 * How the request body is encoded: by `encode`, the runtime's encoder for the kind, which the
 * descriptor names (body.ts: encodeJson, encodeText, encodeBinary; body-forms.ts: encodeForm,
 * encodeMultipart), so a client bundles only the encoders its bodies use. json: JSON.stringify;
 * text: a string as is, anything else as JSON; binary: Blob/ArrayBuffer/stream as is.
 */
export type BodySpec = BodySpecCommon &
  (
    | { readonly kind: "binary" | "json" | "text"; readonly encode: Encoder<BodyInit> }
    | { readonly kind: "form"; readonly encode: Encoder<URLSearchParams | string> }
    | { readonly kind: "multipart"; readonly encode: Encoder<FormData> }
  );

/**
 * A body encoder, called as a method of its BodySpec (`spec.encode(value)`): an encoder that needs
 * more of the spec (write-plans.ts's reads `this.plan`) has it without every call passing it.
 */
type Encoder<T> = (this: BodySpec, value: unknown) => T;

interface BodySpecCommon {
  /** The media type sent as Content-Type (omitted for multipart, where fetch sets the boundary). */
  readonly mediaType: string;
  /** Key of the body in the call's argument object; default "body". */
  readonly bodyArg?: string;
  /**
   * JSON bodies whose schema has readOnly properties or required constants: what the encoder
   * (write-plans.ts's encodeWritableJson, named only then) changes before sending.
   */
  readonly plan?: WritePlan;
  /** The shared plans WritePlan.ref names. */
  readonly plans?: Readonly<Record<string, WritePlan>>;
}

/**
 * What the client changes in a JSON request body before sending it (in a copy): `omit` readOnly
 * properties, `fill` required constants the caller left out, then `fields` by property name,
 * `values` for any other property, `items` for array elements; `ref` names a shared plan of
 * BodySpec.plans (recursive schemas), `allOf` plans applied one after the other (allOf parts).
 */
export interface WritePlan {
  readonly allOf?: readonly WritePlan[];
  readonly fields?: Readonly<Record<string, WritePlan>>;
  readonly fill?: Readonly<Record<string, boolean | number | string>>;
  readonly items?: WritePlan;
  readonly omit?: readonly string[];
  readonly ref?: string;
  readonly values?: WritePlan;
}

/** How a response body is read, per status code of the operation. */
export interface ResponseSpec {
  /** "200", "2XX" or "default". */
  readonly status: string;
  /** stream: the body is handed over unread (an EventStream reads it; see StreamSpec). */
  readonly kind: "binary" | "empty" | "json" | "stream" | "text";
  /** The media type the spec declares (sent in Accept); omitted for JSON and empty responses. */
  readonly mediaType?: string;
  /** Where date-time strings are in this JSON body, turned into Date (the `dates` option). */
  readonly dates?: DatePlan;
  /** Response headers the spec declares (lower-cased names) and how `.withResponse()` parses them. */
  readonly headers?: Readonly<Record<string, "boolean" | "number" | "string">>;
  /**
   * Whether this declared status is an error (ApiError) or a result. Omitted: 4xx/5xx are errors,
   * 1xx-3xx are results ("default" is the error type unless nothing else is declared).
   */
  readonly isError?: boolean;
}

/**
 * Where the Dates are in a JSON value: `isDate` for the value itself, `fields` by property name,
 * `values` for any other property, `items` for array elements, `ref` for a shared plan of
 * OperationSpec.dateTable (recursive schemas). Several may hold at once (unions are merged).
 */
export interface DatePlan {
  /** Alternatives applied one after the other (union variants naming different shared plans). */
  readonly anyOf?: readonly DatePlan[];
  readonly fields?: Readonly<Record<string, DatePlan>>;
  readonly isDate?: boolean;
  readonly items?: DatePlan;
  readonly ref?: string;
  readonly values?: DatePlan;
}

/**
 * A client's shared date plans and the function that applies them. Descriptors of a client
 * generated with dates refer to it; the runtime reaches the reviver only through it, so a client
 * without dates never bundles (or ships) the date code.
 */
export interface DateTable {
  readonly revive: (value: unknown, plan: DatePlan, table: DateTable) => unknown;
  /** The shared plans DatePlan.ref names. */
  readonly plans: Readonly<Record<string, DatePlan>>;
}

/**
 * How credentials are attached for one security scheme. `apply` is the runtime's placer for the
 * scheme's type (auth.ts: bearerAuth, basicAuth, apiKeyAuth), named by the descriptor so a client
 * bundles only the schemes its API declares.
 */
export type AuthSpec = (
  | { readonly type: "bearer" }
  | { readonly type: "basic" }
  | {
      readonly type: "apiKey";
      readonly in: "cookie" | "header" | "query";
      readonly name: string;
    }
) & { readonly apply: (credential: string, scheme: AuthSpec) => AppliedAuth };

/** Where the credential goes for one attempt, plus every form of it to scrub from errors. */
export interface AppliedAuth {
  /** A header, a query parameter or a cookie, named as the scheme declares. */
  readonly in: "cookie" | "header" | "query";
  readonly name: string;
  /** As sent: the header value, or the percent-encoded query or cookie value. */
  readonly value: string;
  /** The key and its encodings (Basic's base64, its password): never to appear in errors or hooks. */
  readonly secrets: readonly string[];
}

/** Everything the runtime needs to send one operation and read its answer. */
export interface OperationSpec {
  /** The operation's id in the spec, for hooks and error messages. */
  readonly id: string;
  readonly method: HttpMethod;
  /** Path template relative to the base URL, e.g. "/request/info/{request_id}". */
  readonly path: string;
  /**
   * Omitted when the operation has none. A path parameter that is `{ name, in: "path" }` and
   * nothing else may be left out: the runtime reads it off the path template (params.ts).
   */
  readonly params?: readonly ParameterSpec[];
  /** Parameters the spec requires that can take one value only: sent when the caller leaves them out. */
  readonly constants?: ConstantsSpec;
  readonly body?: BodySpec;
  readonly responses: readonly ResponseSpec[];
  /**
   * Alternatives: the first scheme the client has credentials for is used; empty = no auth.
   * Omitted: the API's own (TransportDefaults.auth), as OpenAPI's top-level `security` holds for
   * every operation that declares none.
   */
  readonly auth?: readonly AuthSpec[];
  /** The client's date plans and reviver; set on every operation with ResponseSpec.dates. */
  readonly dateTable?: DateTable;
  /**
   * True when repeating the call cannot act twice. Omitted: the method says (POST and PATCH are
   * not idempotent, the others are), so only a POST or PATCH the spec marks idempotent spells it.
   */
  readonly isIdempotent?: boolean;
  /**
   * The spec's own retry policy for this operation (x-speakeasy-retries, x-fern-retries); client and
   * per-call options override it. Absent: the API's policy (TransportDefaults.retry), if any.
   */
  readonly retry?: OperationRetrySpec;
  /** Set when a success answers with a stream of events (SSE, NDJSON): see StreamSpec. */
  readonly stream?: StreamSpec;
  /** The server holds the call open while it waits (x-clientgen-server-wait): the attempt's timeout follows that wait. */
  readonly serverWait?: ServerWaitSpec;
}

/** How a streamed success body is read: text/event-stream or newline-delimited JSON. */
export interface StreamSpec {
  readonly format: "ndjson" | "sse";
  /** The media type asked for (Accept) when the call streams. */
  readonly mediaType: string;
  /** Event data is JSON, parsed and typed by the media type's schema; false: SSE data as text. */
  readonly isJson: boolean;
  /**
   * A JSON body field that asks for the stream (OpenAI's `stream`): `true` streams, anything else
   * gets the operation's JSON answer. Absent: the operation always streams.
   */
  readonly field?: string;
  /** Where the Dates are in one event's JSON data (the `dates` option); applied with OperationSpec.dateTable. */
  readonly dates?: DatePlan;
}

/** Options of a streaming call, on top of RequestOptions. */
export interface StreamOptions extends RequestOptions {
  /**
   * Longest silence between two chunks of the stream before it fails with TimeoutError; default
   * the stream's timeoutMs (for streams 60000 unless the client or call sets one), Infinity for
   * none. timeoutMs itself bounds the wait for headers.
   */
  idleTimeoutMs?: number;
  /**
   * SSE only, off by default: when the connection breaks mid-stream, ask again with the
   * Last-Event-ID header (after the server's `retry:` time, else 1000 ms), at most
   * `maxAttempts` times in a row (default 3; true = defaults). Only when the server sent an id.
   */
  reconnect?: boolean | { maxAttempts?: number };
}

/**
 * A call the server may hold open (TensorOne `wait_for_ready` + `timeout_minutes`): when the flag
 * at `flagPath` of the arguments is true, the per-attempt timeout is the duration at
 * `durationPath` (or `defaultDuration`) x `unitMs` plus a margin, unless the caller set timeoutMs.
 */
export interface ServerWaitSpec {
  readonly flagPath: FieldPath;
  readonly durationPath: FieldPath;
  readonly defaultDuration: number;
  readonly unitMs: number;
  /** The runtime's withServerWait (server-wait.ts), named here so only clients with such calls bundle it. */
  readonly apply: (
    op: OperationSpec,
    args: object | undefined,
    options: RequestOptions,
    clientTimeoutMs: number,
    apiRetry: OperationRetrySpec | undefined,
  ) => [OperationSpec, RequestOptions];
}

/** A retry policy a spec declares: fields left out fall back to the client's policy. */
export interface OperationRetrySpec extends Partial<RetryOptions> {
  /** Statuses retried ("5XX", "429") instead of the default set; non-idempotent calls still retry only when the server did not act. */
  readonly statusCodes?: readonly string[];
  /** False: network failures and timeouts are never retried. */
  readonly isConnectionRetried?: boolean;
}

/** Retry policy; every field has a default in the client. */
export interface RetryOptions {
  /** Retries after the first attempt; 0 turns retrying off. Default 2. */
  maxRetries: number;
  /** First backoff delay before jitter. Default 500. */
  initialDelayMs: number;
  /** Longest wait; a server hint above it is not waited out. Default 8000. */
  maxDelayMs: number;
}

/** What hooks see of a request about to be sent. */
export interface RequestContext {
  readonly operationId: string;
  readonly method: HttpMethod;
  readonly url: string;
  /** Headers as sent, with the credential redacted. */
  readonly headers: Readonly<Record<string, string>>;
  /** 1 for the first try, 2 for the first retry, ... */
  readonly attempt: number;
}

/** What hooks see of a response. */
export interface ResponseContext extends RequestContext {
  readonly status: number;
  readonly responseHeaders: Headers;
  readonly durationMs: number;
}

/** Options of a generated client, `create<Api>Client(options)`. */
export interface ClientOptions {
  /** Base URL; defaults to the spec's first server. */
  baseUrl?: string;
  /** The credential, sent as the spec's security scheme declares (bearer, api key, basic "user:pass"). */
  apiKey?: string | (() => string | Promise<string>);
  /** fetch implementation; defaults to globalThis.fetch. */
  fetch?: typeof fetch;
  /**
   * WebSocket constructor for channels; defaults to globalThis.WebSocket (browsers, Node 22+,
   * Deno, Bun). On Node 20 pass `WebSocket` from the `ws` package.
   */
  WebSocket?: WebSocketConstructor;
  /** Headers added to every request. */
  headers?: Record<string, string>;
  /**
   * Per-attempt timeout in ms; default none (Infinity), streams 60000. A timeout aborts the
   * request through a signal, which Node's fetch charges for, so only calls that ask for one pay.
   * Attempts share timers, so a timeout may fire up to 5% (at most 1 s) after timeoutMs, never
   * before.
   */
  timeoutMs?: number;
  retry?: Partial<RetryOptions>;
  /**
   * Largest response body read, in bytes; default 64 MiB, Infinity for none. A larger body ends
   * the call with ResponseTooLargeError without being buffered. Streamed responses are not limited.
   */
  maxResponseBytes?: number;
  onRequest?: (context: RequestContext) => void | Promise<void>;
  onResponse?: (context: ResponseContext) => void | Promise<void>;
}

/** The second, optional argument of every generated method. */
export interface RequestOptions {
  signal?: AbortSignal;
  /** Per-attempt timeout in ms for this call (see ClientOptions.timeoutMs). */
  timeoutMs?: number;
  headers?: Record<string, string>;
  retry?: Partial<RetryOptions>;
  /** Largest response body read for this call (see ClientOptions.maxResponseBytes). */
  maxResponseBytes?: number;
}

/** Options of a paginated call, on top of RequestOptions. */
export interface PaginationOptions extends RequestOptions {
  /** Stop iterating items after this many; no further page is fetched. */
  maxItems?: number;
  /** Stop after this many pages (the first included), whatever they hold. */
  maxPages?: number;
}

/** How an operation pages. The first page is fetched with the caller's own arguments. */
export type PaginationSpec =
  | {
      /** Page number in a query parameter; more pages while `hasNextPath` is true, or while page < total pages/count. */
      readonly style: "page";
      readonly itemsPath: FieldPath;
      readonly pageParam: string;
      /** Page number used when the caller gives none. Default 1. */
      readonly firstPage?: number;
      readonly hasNextPath?: FieldPath;
      /** Total item count; with the page size (limitParam or items per page) it bounds the pages. */
      readonly totalPath?: FieldPath;
      readonly totalPagesPath?: FieldPath;
      readonly limitParam?: string;
    }
  | {
      /** Opaque token: the response's `nextCursorPath` goes into `cursorParam`; absent/empty ends. */
      readonly style: "cursor";
      readonly itemsPath: FieldPath;
      readonly cursorParam: string;
      readonly nextCursorPath: FieldPath;
    }
  | {
      /** offset + limit; ends on a short page, or when offset reaches `totalPath`. */
      readonly style: "offset";
      readonly itemsPath: FieldPath;
      readonly offsetParam: string;
      readonly limitParam: string;
      readonly totalPath?: FieldPath;
    }
  | {
      /** The next page's URL is in the body (Azure nextLink, absolute or relative); absent/empty ends. Only same-origin URLs are followed. */
      readonly style: "nextLink";
      readonly itemsPath: FieldPath;
      /** Absent: one page only (Azure `nextLinkName: null`). */
      readonly nextLinkPath?: FieldPath;
      /** Query parameters of the call set on every next link, replacing the link's own (Azure api-version, a next operation's constants). */
      readonly linkQuery?: readonly string[];
      /** The next operation's path (relative to the base URL); the link goes, unencoded, where linkParam is (Azure `operationName`). */
      readonly linkTemplate?: { readonly path: string; readonly linkParam: string };
    }
  | {
      /** The next page's URL is the RFC 8288 `Link: <url>; rel="next"` header; absent ends. Only same-origin URLs are followed. */
      readonly style: "linkHeader";
      readonly itemsPath: FieldPath;
    };

/** Where a starting operation's response holds the id(s) to poll. */
export interface StartSpec {
  readonly idPath?: FieldPath;
  readonly idsPath?: FieldPath;
  /** The id is the call's own argument of this name (TensorOne: the cluster_id being started). */
  readonly idArg?: string;
  /** The spec lets the id be null or absent: the wait resolves to an LroOutcome instead of failing. */
  readonly isIdOptional?: boolean;
  /**
   * A success status counts only once the resource was seen in another status, in the start's own
   * body or a poll (a restart of a running cluster answers `running` before it stops), unless the
   * call had the server wait (ServerWaitSpec) and so answered after the change.
   */
  readonly isChangeAwaited?: boolean;
  /** The poller target this call waits for (a start waits for "running"), instead of the poller's own sets. */
  readonly target?: WaitTarget;
}

/** Alternative success/failure sets of a poller, chosen by `until` (e.g. a cluster "running" or "stopped"). */
export type WaitTargets = Readonly<Record<string, WaitTarget>>;

/** One `until` choice of a poller. */
export interface WaitTarget {
  readonly successValues: readonly string[];
  readonly failureValues: readonly string[];
  /**
   * Statuses the target cannot be reached from once the resource has moved (a start that fell
   * back to `stopped`): they fail the wait once a pending status was seen. Before that they are
   * the state the call has not changed yet, so they count as pending.
   */
  readonly unreachableValues?: readonly string[];
  /** A 404 from the status call means done (a deletion). */
  readonly isGoneSuccess?: boolean;
}

/**
 * How status values end a wait, the same for every LRO strategy (a status body per id, a status
 * monitor, a Location, the original URI): success, failure or cancellation; anything else pends.
 */
export interface StatusRule {
  readonly successValues: readonly string[];
  readonly failureValues: readonly string[];
  /** Values that end the wait as canceled (rejects with OperationFailedError too). */
  readonly canceledValues?: readonly string[];
  /** Compare status values ignoring case. */
  readonly isCaseInsensitive?: boolean;
  /** A non-null value here (an error object) means failure, whatever the status says. */
  readonly failurePath?: FieldPath;
  /** Where the failure's error object or message lives in the status body. */
  readonly errorPath?: FieldPath;
  /** Poll interval when the server gives no hint. */
  readonly defaultIntervalMs: number;
}

/** How to poll a long-running operation to its end (the status-body strategy: one status call per id). */
export interface LroSpec extends StatusRule {
  /** The status operation, called with { [idParam]: id }. */
  readonly poll: OperationSpec;
  readonly idParam: string;
  /** Where the status value is in the status response body. */
  readonly statusPath: FieldPath;
  /** Where progress lives in the status body (given to onProgress). */
  readonly progressPath?: FieldPath;
  /** Where a human-readable status message lives. */
  readonly messagePath?: FieldPath;
  /** Where a server hint of seconds to wait lives in the body (besides the Retry-After header). */
  readonly retryAfterPath?: FieldPath;
  /** Wait this long before the first status request (Speakeasy delaySeconds). */
  readonly initialDelayMs?: number;
  /** Give up with PollTimeoutError after this many status requests per id (Speakeasy limitCount). */
  readonly maxPolls?: number;
  /** No wait between status requests is shorter, whatever the server hints (Retry-After: 0). */
  readonly minIntervalMs?: number;
  /** The wait's timeoutMs when the caller gives none. */
  readonly defaultTimeoutMs?: number;
  /** A non-null value here ends the wait even when the status value is unknown: success, unless failurePath says otherwise. */
  readonly donePath?: FieldPath;
  /** Fixed arguments of every status request (e.g. ask for the light payload). */
  readonly pollArgs?: Readonly<Record<string, unknown>>;
  /** Statuses that fail the wait once a pending status was seen (see WaitTarget.unreachableValues). */
  readonly unreachableValues?: readonly string[];
  /** A 404 from the status call means done (see WaitTarget.isGoneSuccess). */
  readonly isGoneSuccess?: boolean;
  /**
   * The rules of donePath, failurePath, retryAfterPath, unreachableValues, isGoneSuccess and
   * StartSpec.isChangeAwaited: lro-rules.ts's `lroRules`, set by the generator on the pollers that
   * use one (on the poller, a target or a start). Without it those fields are not applied.
   */
  readonly rules?: LroRules;
}

/** Where one id stands after a status response. */
export type LroPhase = "canceled" | "failed" | "pending" | "succeeded";

/** One status response, read. */
export interface LroObservation {
  readonly state: unknown;
  /** The status value as sent (String()-ed), undefined when the body has none yet. */
  readonly status: string | undefined;
  readonly phase: LroPhase;
  /** The server's wait hint: Retry-After header first, then the body's retryAfterPath (seconds, lro-rules.ts). */
  readonly hintMs: number | undefined;
  /** The shortest wait that keeps within the rate limit the response reported (X-RateLimit-*). */
  readonly rateFloorMs: number | undefined;
}

/** What a poller remembers of one id's statuses, for the rules that depend on what came before. */
export interface StatusHistory {
  /** A pending status was seen, so an unreachable status now means failure. */
  isMoving?: boolean;
  /** A status other than success was seen (see StartSpec.isChangeAwaited). */
  hasChanged?: boolean;
}

/** The status rules only some pollers use (lro-rules.ts). */
export interface LroRules {
  /** A status observation with what the body says beyond the status value. */
  observe(lro: LroSpec, observation: LroObservation): LroObservation;
  /** What the starting call's own body shows (its status; whether `args` had the server wait). */
  atStart(
    lro: LroSpec,
    startBody: unknown,
    op: OperationSpec,
    args: object | undefined,
  ): StatusHistory;
  /** An observation judged against the id's `history` (updated). */
  judge(
    lro: LroSpec,
    observation: LroObservation,
    history: StatusHistory,
    isChangeAwaited: boolean | undefined,
  ): LroObservation;
  /** A failed status request that is an answer after all (a 404 when the wait is for a deletion). */
  onError(lro: LroSpec, error: unknown): LroObservation | undefined;
}

/** Where a header-driven long-running operation gets its final result once the status is terminal. */
export type FinalStateVia =
  "azure-async-operation" | "location" | "operation-location" | "original-uri";

/**
 * A long-running operation polled at a URL the starting response hands out (Azure
 * Operation-Location / Azure-AsyncOperation / Location headers, plain 202 + Location, AEP operation
 * path), or at the original URL while its body's provisioning state is not terminal. Only
 * same-origin (or relative) URLs are polled: credentials never go to another host.
 */
export interface UrlLroSpec extends StatusRule {
  readonly kind: "url";
  /** Response headers that may hold the status URL, first present wins; "location" polls until the answer is not 202. */
  readonly urlHeaders: readonly string[];
  /** A body field of the starting response holding the status URL or a path relative to the base URL (AEP `path`). */
  readonly urlPath?: FieldPath;
  /** Where the status may be, first present wins (["status"], ["properties", "provisioningState"]). */
  readonly statusPaths: readonly FieldPath[];
  /** Where the result lives in the final status body (AEP `response`); wins over finalStateVia. */
  readonly resultPath?: FieldPath;
  /** Final result: GET the original URL or the Location, or the last status body (azure-async-operation, operation-location). */
  readonly finalStateVia: FinalStateVia;
}

/** Options of `pollUntilDone` (and `waitFor<Name>`): how often and how long to wait. */
export interface PollOptions<TState = unknown> {
  /** Aborts the wait at once, even mid-interval; rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Interval when the server gives no hint; default LroSpec.defaultIntervalMs. */
  intervalMs?: number;
  /** Unhinted intervals grow (x1.5 per poll) up to this; default max(intervalMs, 30000). */
  maxIntervalMs?: number;
  /** Give up after this long with PollTimeoutError; default: the poller's defaultTimeoutMs, else wait forever. */
  timeoutMs?: number;
  /** Called per observed non-terminal state with the value at progressPath (or the whole state); several ids: arrays, once per round. */
  onProgress?: (progress: unknown, state: TState) => void;
}

/** What channels need of a WebSocket: the standard browser API (which `ws` also implements). */
export interface WebSocketLike {
  readonly readyState: number;
  binaryType: string;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  // One overload per event: the shape both the DOM WebSocket and ws's class are assignable to.
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  addEventListener(
    type: "close",
    listener: (event: { code: number; reason: string }) => void,
  ): void;
  addEventListener(type: "error" | "open", listener: () => void): void;
}

/** A WebSocket class: `globalThis.WebSocket`, or `WebSocket` of the `ws` package. */
export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** What a close code means for a channel. */
export interface CloseCodeSpec {
  readonly code: number;
  /** normal: the channel ended as planned; lost: the connection dropped (the work may go on); refused: the credential or request was refused; error: anything else. */
  readonly outcome: "error" | "lost" | "normal" | "refused";
  /** Said in the error, e.g. "connection lost; the job may still be running". */
  readonly meaning: string;
}

/**
 * A WebSocket channel described beside the spec (x-clientgen-channels): how to open it, the
 * messages each way, what ends it and what its close codes mean.
 */
export interface ChannelSpec {
  /** The client method, for errors. */
  readonly id: string;
  /** Path relative to the base URL (http -> ws, https -> wss), with {name} path parameters. */
  readonly path: string;
  readonly params: readonly ParameterSpec[];
  /** The credential goes in the first message as `{ [authField]: key }`, never in the URL. */
  readonly authField?: string;
  /** The call's `body` is sent as the message after the credential. */
  readonly hasOpenMessage: boolean;
  /** Server messages with a non-empty value at `field` ask the caller: options[handler](message) answers, its value is sent back. */
  readonly request?: { readonly field: string; readonly handler: string };
  /** The first value of this server field names what the channel started (a job id): the result of "id" channels, and reported in errors. */
  readonly idField?: string;
  /** A server message whose `field` is in success / failure ends the channel. */
  readonly end?: {
    readonly field: string;
    readonly success: readonly string[];
    readonly failure: readonly string[];
  };
  /** What the channel resolves to: the ending message, or the id learned at idField. */
  readonly result: "end" | "id";
  /** Close codes beyond the defaults (1000 normal, 1006 lost, anything else an error). */
  readonly closeCodes?: readonly CloseCodeSpec[];
  /** Keepalive ping interval where the WebSocket can ping (ws); browsers keep alive themselves. Default 5000. */
  readonly pingIntervalMs?: number;
  /** No pong for this long: the connection counts as lost. Default 10000. */
  readonly pingTimeoutMs?: number;
}

/** Options of a channel call. */
export interface ChannelOptions<TServer = unknown> {
  /** Aborts the channel: the socket is closed, iteration and the result reject with the reason. */
  signal?: AbortSignal;
  /** Called with every server message, iterated or not (e.g. to print progress while awaiting). */
  onMessage?: (message: TServer) => void;
}
