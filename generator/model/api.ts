// The internal model every stage after load speaks: one API, its operations and named schemas.
// Plain JSON-serialisable data, defaults resolved; no classes, no functions, no parent links.
import type { ExternalDocs, NamedSchema, Schema } from "./schema.js";

export type HttpMethod = "DELETE" | "GET" | "HEAD" | "OPTIONS" | "PATCH" | "POST" | "PUT" | "TRACE";

/** A field path into a JSON body, one key per step. */
export type FieldPath = (number | string)[];

export interface Api {
  /** Former client names (x-clientgen-aliases), still exported: `create${alias}Client`, `${alias}Client`. */
  aliases?: string[];
  /** Operation ids the folder's README shows as its examples (x-clientgen-readme), instead of the first ones. */
  readmeExamples?: { call?: string; list?: string; wait?: string };
  /** WebSocket channels (x-clientgen-channels), sorted by name. */
  channels: Channel[];
  description?: string;
  /** PascalCase client name: `create${name}Client`. */
  name: string;
  operations: Operation[];
  /** Named pollers (`poll<Name>` / `waitFor<Name>` on the client), sorted by name. */
  pollers: Poller[];
  /** Named schemas in emission order (sorted by name). */
  schemas: NamedSchema[];
  securitySchemes: SecurityScheme[];
  servers: Server[];
  title: string;
  version: string;
}

export interface Server {
  description?: string;
  /** The URL as written, `{name}` where a variable goes. */
  template: string;
  /** URL with server variables replaced by their defaults. */
  url: string;
  /** The variables of `template`, in order of appearance: client options (`optionName`). */
  variables: ServerVariable[];
}

/** A server URL variable (OpenAPI 3 server variables, Azure's x-ms-parameterized-host parameters). */
export interface ServerVariable {
  /** The value used when the caller gives none; absent: the caller must give one. */
  default?: string;
  description?: string;
  /** The only values allowed, when the spec lists them. */
  enum?: string[];
  /** As written in the template. */
  name: string;
  /** The client option that sets it: `name`, or `<name>InServerUrl` when the runtime's options or every object has `name`. */
  optionName: string;
}

export type SecurityScheme =
  | { key: string; type: "apiKey"; in: "cookie" | "header" | "query"; name: string }
  | { key: string; type: "basic" }
  | { key: string; type: "bearer" }
  /** oauth2 / openIdConnect: sent as a bearer token obtained elsewhere. */
  | { key: string; type: "oauth2" };

export interface Operation {
  deprecated: boolean;
  description?: string;
  /** `externalDocs` of the operation. */
  externalDocs?: ExternalDocs;
  /** The original operationId, or one derived from method + path when the spec has none. */
  id: string;
  /** True when repeating the call cannot act twice (retry-safe): GET/HEAD/OPTIONS/PUT/DELETE, marked in the spec (x-clientgen-idempotent), or an Azure long-running start. */
  isIdempotent: boolean;
  /** Set when the operation starts a long-running operation tracked by a poller. */
  lro?: LroStart;
  method: HttpMethod;
  /** Method name on the client, camelCase, unique. */
  name: string;
  /** Set when the operation is paginated. */
  pagination?: Pagination;
  /** Exported name of the operation's argument type, unique among all exported types. */
  paramsTypeName: string;
  /** Exported name for the operation's result type when it is an inline object (not a named schema). */
  resultTypeName: string;
  /** Parameters after merging path-level ones, in spec order. */
  parameters: Parameter[];
  path: string;
  /** JSON pointer of the operation object, for diagnostics. */
  pointer: string;
  requestBody?: RequestBody;
  /** The spec's own retry policy (x-speakeasy-retries, x-fern-retries), under client and per-call options. */
  retry?: RetryPolicy;
  /**
   * Declared responses, sorted: 1XX..5XX codes first ascending, then ranges, then default. A status
   * offering a stream beside another media type has two entries, the stream (kind sse/ndjson) second.
   */
  responses: Response[];
  /** Security alternatives (scheme keys); empty = no auth. */
  security: string[];
  /**
   * When a success answers JSON or a stream: the JSON body field that asks for the stream
   * (x-clientgen-stream `field`, or a boolean `stream` body property). Absent with a stream
   * response: the operation always streams.
   */
  streamField?: string;
  summary?: string;
  tags: string[];
  /** Set when the operation starts a long-running operation polled at a URL its response hands out (Azure, AEP, 202 + Location). */
  urlLro?: UrlLro;
  /** Set when the server may hold the call open while it waits (x-clientgen-server-wait). */
  serverWait?: ServerWait;
}

/** A server-side wait: the flag argument that asks for it and the argument giving its length. */
export interface ServerWait {
  defaultDuration: number;
  durationPath: FieldPath;
  flagPath: FieldPath;
  unitMs: number;
}

/** A retry policy from the spec; absent fields fall back to the client's. */
export interface RetryPolicy {
  initialDelayMs?: number;
  /** False: network failures and timeouts are not retried. */
  isConnectionRetried?: boolean;
  maxDelayMs?: number;
  maxRetries?: number;
  /** Statuses to retry ("5XX", "429") instead of the runtime's default set. */
  statusCodes?: string[];
}

/**
 * How status values end a wait (the runtime's StatusRule), one rule for every LRO strategy: shared
 * by spec-described pollers (Poller) and header-driven waits from the dialects (UrlLro).
 */
export interface StatusRule {
  canceledValues: string[];
  /** Poll interval when the server gives no hint. */
  defaultIntervalMs: number;
  /** Where the failure's error object or message is in the status body. */
  errorPath?: FieldPath;
  /** A non-null value here means failure whatever the status value (AEP `error`). */
  failurePath?: FieldPath;
  failureValues: string[];
  isCaseInsensitive: boolean;
  successValues: string[];
}

/** A long-running operation polled at a URL from the starting response (the runtime's UrlLroSpec). */
export interface UrlLro extends StatusRule {
  finalStateVia: "azure-async-operation" | "location" | "operation-location" | "original-uri";
  /** Where the result is in the final status body (AEP `response`). */
  resultPath?: FieldPath;
  /** Type of the final result; absent: the operation's own success type. */
  resultSchema?: Schema;
  /** JSON pointer of the extension (or response) it was read from, for diagnostics. */
  source: string;
  statusPaths: FieldPath[];
  /** Response headers that may hold the status URL, first present wins. */
  urlHeaders: string[];
  /** Body field of the starting response holding the status URL or path. */
  urlPath?: FieldPath;
  /** Client method that starts and waits: `${operation.name}AndWait`, unique. */
  waitMethodName: string;
}

export interface Parameter {
  allowReserved: boolean;
  /** Azure's x-ms-skip-url-encoding: the value goes into the path or query as it is, unencoded. */
  skipsEncoding?: boolean;
  /** Its key in the call's argument object when that is not `name` (a collision, see name-parameter-arguments.ts). */
  argName?: string;
  /**
   * The one value a parameter the spec requires can take (an enum of one value, 3.1 `const`):
   * AutoRest's constants. The parameter is then optional (isRequired false) and the client sends
   * this value when the caller leaves it out (the runtime's ConstantsSpec).
   */
  constant?: boolean | number | string;
  deprecated: boolean;
  description?: string;
  explode: boolean;
  in: "cookie" | "header" | "path" | "query";
  /** Declared with `content: application/json`: sent as JSON text. */
  isJson: boolean;
  isRequired: boolean;
  name: string;
  schema: Schema;
  /** OpenAPI's styles, and tabDelimited for Swagger 2.0's `collectionFormat: tsv`. */
  style:
    | "deepObject"
    | "form"
    | "label"
    | "matrix"
    | "pipeDelimited"
    | "simple"
    | "spaceDelimited"
    | "tabDelimited";
}

export type BodyKind = "binary" | "form" | "json" | "multipart" | "text";

export interface RequestBody {
  description?: string;
  isRequired: boolean;
  kind: BodyKind;
  mediaType: string;
  schema: Schema;
}

/** ndjson / sse: a stream of events, each typed by the response's schema (one event's data). */
export type ResponseKind = "binary" | "empty" | "json" | "ndjson" | "sse" | "text";

export interface Response {
  description?: string;
  /** Response headers the spec documents (names lower-cased). */
  headers: { description?: string; name: string; schema: Schema }[];
  /**
   * Set when the document says whether this declared response is an error (`x-ms-error-response`,
   * or AutoRest's rule, dialects/azure.ts). Unset: 4XX, 5XX and `default` are errors, the rest results.
   */
  isError?: boolean;
  kind: ResponseKind;
  mediaType?: string;
  schema?: Schema;
  /** "200", "2XX" or "default". */
  status: string;
}

/** A named way to poll something to a terminal state (from the spec or its overlay). */
export interface Poller extends StatusRule {
  /** Parameter of the poll operation that receives the id: its wire name, its argument key once arguments are named (PAR005). */
  idParam: string;
  messagePath?: FieldPath;
  /** Wait before the first status request (Speakeasy delaySeconds). */
  initialDelayMs?: number;
  /** Give up after this many status requests (Speakeasy limitCount). */
  maxPolls?: number;
  /** No wait between status requests is shorter, whatever the server hints. */
  minIntervalMs?: number;
  /** A wait's overall timeout when the caller gives none. */
  defaultTimeoutMs?: number;
  /** A non-null value here ends the wait whatever the status value (success unless failurePath is set). */
  donePath?: FieldPath;
  /** Fixed arguments sent with every status request. */
  pollArgs?: Record<string, unknown>;
  /** Statuses that fail the wait once the resource was seen moving (see PollerTarget). */
  unreachableValues?: string[];
  /** PascalCase name: `poll${name}`, `waitFor${name}`. */
  name: string;
  /** Operation id (Operation.id) of the status call. */
  operationId: string;
  /** Where the poller is declared (its key as written), for diagnostics. */
  pointer: string;
  progressPath?: FieldPath;
  retryAfterPath?: FieldPath;
  statusPath: FieldPath;
  /** Alternative success/failure sets a caller picks with `until` (e.g. running / stopped). */
  targets?: PollerTarget[];
}

export interface PollerTarget {
  failureValues: string[];
  /** A 404 from the status call means done (the resource is gone). */
  isGoneSuccess: boolean;
  /** The `until` value that selects this target. */
  name: string;
  successValues: string[];
  /** Statuses that fail the wait once the resource was seen moving (the target is out of reach). */
  unreachableValues: string[];
}

/** How an operation's response leads to a poller. */
export interface LroStart {
  /** Field holding one id. */
  idPath?: FieldPath;
  /** Field holding an array of ids, all waited for. */
  idsPath?: FieldPath;
  /** The id is the call's own argument of this name (the cluster being started); its argument key once arguments are named. */
  idArg?: string;
  /** The response schema lets the id be null or absent: the wait resolves to an LroOutcome. */
  isIdOptional?: boolean;
  /** A success status counts only once the resource was seen in another one (a restart of a running cluster). */
  isChangeAwaited?: boolean;
  /** The poller target (PollerTarget.name) this call waits for. */
  until?: string;
  /** Poller.name to use. */
  poller: string;
  /** Client method that starts and waits: `${operation.name}AndWait`, unique. */
  waitMethodName: string;
}

/** Pagination plus what the emitter needs: the type of one item (from the items path). */
export type Pagination = PaginationStyle & {
  /** Type of one item; `unknown` when the items path could not be followed in the response schema. */
  itemSchema: Schema;
  /** JSON pointer of the vendor extension it was read from (absent for x-clientgen-pagination). */
  source?: string;
};

export type PaginationStyle =
  | {
      firstPage: number;
      hasNextPath?: FieldPath;
      itemsPath: FieldPath;
      limitParam?: string;
      pageParam: string;
      style: "page";
      totalPagesPath?: FieldPath;
      totalPath?: FieldPath;
    }
  | { cursorParam: string; itemsPath: FieldPath; nextCursorPath: FieldPath; style: "cursor" }
  | {
      itemsPath: FieldPath;
      limitParam: string;
      offsetParam: string;
      style: "offset";
      totalPath?: FieldPath;
    }
  /**
   * The next page's URL in a body field (Azure nextLink, Speakeasy url); no nextLinkPath: one page
   * only (Azure `nextLinkName: null`). linkQuery: query parameters of the call set on every next
   * link (Azure api-version, a next operation's constants); linkTemplate: the next operation's
   * path, the link substituted unencoded for linkParam (Azure `operationName`).
   */
  | {
      itemsPath: FieldPath;
      linkQuery?: string[];
      linkTemplate?: { linkParam: string; path: string };
      nextLinkPath?: FieldPath;
      style: "nextLink";
    }
  /** The next page's URL in an RFC 8288 `Link: <...>; rel="next"` header. */
  | { itemsPath: FieldPath; style: "linkHeader" };

/** A WebSocket channel described beside the spec (x-clientgen-channels): the runtime's ChannelSpec plus types. */
export interface Channel {
  /** The key goes in the first message as `{ [authField]: key }`, never in the URL. */
  authField?: string;
  /** What the request handler answers (sent back as JSON). */
  clientMessage?: Schema;
  /** Close codes beyond the runtime's defaults (1000 normal, 1006 lost). */
  closeCodes: CloseCode[];
  description?: string;
  /** A server message whose `field` is in success / failure ends the channel. */
  end?: { failure: string[]; field: string; success: string[] };
  /** Server message field whose first value is the id of what the channel started. */
  idField?: string;
  /** Method name on the client (camelCase of the description's key). */
  name: string;
  /** The message sent after the key: the call's first argument. */
  openMessage?: Schema;
  /** Path parameters, in path order. */
  parameters: { description?: string; name: string; schema: Schema }[];
  path: string;
  pingIntervalMs?: number;
  pingTimeoutMs?: number;
  /** JSON pointer of the description, for diagnostics. */
  pointer: string;
  /** Server messages with a value at `field` go to the caller's `handler`, whose answer is sent back. */
  request?: { field: string; handler: string };
  /** What the channel resolves to: the ending message, or the id learned. */
  result: "end" | "id";
  serverMessage: Schema;
  summary?: string;
}

export interface CloseCode {
  code: string;
  meaning: string;
  outcome: "error" | "lost" | "normal" | "refused";
}
