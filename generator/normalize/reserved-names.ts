// Names the generated folder itself declares, imports or exports beside the spec's names. A spec
// name equal to one of them would shadow it or be shadowed (index.ts's explicit exports hide a
// `export type *` member without a word), or not compile (two `export type *` of one name; a
// descriptor const beside the runtime import of that name). resolve-name-conflicts.ts hands none
// of them out and check-channel-names.ts refuses them; test/robustness/emitted-names.test.ts reads
// every emitted file to hold these lists to what the templates and views really write.
import type { Api } from "../model/api.js";
import { pascalCase } from "./names.js";

/** A feature of the API that brings a runtime module into its folder (index-view.ts reads it). */
export type RuntimeFeature =
  "hasStreams" | "hasChannels" | "hasPagination" | "hasPollers" | "hasLro";

/**
 * What index.ts re-exports from the runtime, in its order: `export` (values) or `export type`,
 * and the feature an API must use for the module to be re-exported (none: always).
 */
export const runtimeExports: {
  names: string[];
  from: string;
  isType: boolean;
  feature?: RuntimeFeature;
}[] = [
  {
    names: [
      "ApiError",
      "AuthenticationError",
      "BadRequestError",
      "ConflictError",
      "ConnectionError",
      "CredentialError",
      "InternalServerError",
      "NotFoundError",
      "OperationFailedError",
      "PermissionDeniedError",
      "PollTimeoutError",
      "RateLimitError",
      "ResponseParseError",
      "ResponseTooLargeError",
      "SdkError",
      "TimeoutError",
      "UnexpectedStatusError",
      "UnprocessableEntityError",
    ],
    from: '"./runtime/errors.js"',
    isType: false,
  },
  {
    names: ["StreamParseError"],
    from: '"./runtime/stream-errors.js"',
    isType: false,
    feature: "hasStreams",
  },
  {
    names: ["ChannelError", "ChannelFailedError", "ChannelLostError", "ChannelRefusedError"],
    from: '"./runtime/channel-errors.js"',
    isType: false,
    feature: "hasChannels",
  },
  {
    names: [
      "ChannelOptions",
      "ClientOptions",
      "PaginationOptions",
      "PollOptions",
      "RequestContext",
      "RequestOptions",
      "ResponseContext",
      "RetryOptions",
      "StreamOptions",
      "WebSocketConstructor",
    ],
    from: '"./runtime/types.js"',
    isType: true,
  },
  {
    names: ["EventStream", "ServerSentEvent"],
    from: '"./runtime/event-stream.js"',
    isType: true,
    feature: "hasStreams",
  },
  { names: ["Channel"], from: '"./runtime/channel.js"', isType: true, feature: "hasChannels" },
  {
    names: ["PagePromise"],
    from: '"./runtime/paginate.js"',
    isType: true,
    feature: "hasPagination",
  },
  { names: ["Poller"], from: '"./runtime/poller.js"', isType: true, feature: "hasPollers" },
  { names: ["ApiPromise", "WithResponse"], from: '"./runtime/response-meta.js"', isType: true },
  // Waits started from an id in a response: an accepted start without one is reported by these.
  {
    names: ["UntrackedOperationError"],
    from: '"./runtime/lro-outcome.js"',
    isType: false,
    feature: "hasLro",
  },
  { names: ["LroOutcome"], from: '"./runtime/lro-outcome.js"', isType: true, feature: "hasLro" },
];

/**
 * Runtime names a schema may not take, whatever features the API uses (so a schema keeps its
 * name when the API later gains a poller or a channel): all index.ts may re-export, and the
 * transport core.ts names.
 */
const runtimeTypeNames = [...runtimeExports.flatMap((entry) => entry.names), "Transport"];

/**
 * Globals that emitted types refer to unqualified (types.ts declares schemas beside them): `Blob`
 * (binary), `Date` (the `dates` option), `Record` (maps). A schema named `Error` is fine: no
 * emitted type uses the global.
 */
const globalTypeNames = ["Blob", "Date", "Record"];

/** Type names a schema, `<Op>Params` or `<Op>Result` may not take in this API's folder. */
export function reservedTypeNames(api: Api): string[] {
  const clients = [api.name, ...(api.aliases ?? [])].flatMap((name) => [
    `${name}Client`,
    `create${name}Client`,
  ]);
  return [
    ...runtimeTypeNames,
    ...globalTypeNames,
    ...clients,
    // client.ts: the options type of a server URL with variables (server-options-view.ts)
    `${api.name}ClientOptions`,
    `${api.name}Core`,
    `create${api.name}Core`,
    ...api.channels.flatMap((channel) => Object.values(channelTypeNames(channel.name))),
  ];
}

/** Names of a channel's exported message types in operations.ts (channel-view.ts declares them). */
export function channelTypeNames(channelName: string): {
  client: string;
  open: string;
  request: string;
  server: string;
} {
  const base = pascalCase(channelName);
  return {
    client: `${base}ClientMessage`,
    open: `${base}OpenMessage`,
    request: `${base}Request`,
    server: `${base}ServerMessage`,
  };
}

/**
 * Method names become top-level bindings of functions.ts (a function each) and descriptors.ts (a
 * const each) and members of the client object: they may not take what those files import or
 * what every object already has.
 */
export const reservedMethodNames = [
  // functions.ts: `import type * as op`, `import type * as T` (compared case-insensitively)
  "op",
  "T",
  // client members that are not operations; `then` would make the client a thenable
  "resumePoller",
  "then",
  "constructor",
  "hasOwnProperty",
  "toJSON",
  "toString",
  "valueOf",
  // descriptors.ts: the runtime functions descriptors name (auth placers, body encoders, ...)
  "apiKeyAuth",
  "basicAuth",
  "bearerAuth",
  "defaultStyles",
  "encodeBinary",
  "encodeForm",
  "encodeJson",
  "encodeMultipart",
  "encodeText",
  "encodeWritableJson",
  "lroRules",
  "paramStyles",
  "reviveDates",
  "withServerWait",
];

/**
 * Keys a server variable's client option may not take: ClientOptions' own (templates/runtime/types.ts;
 * the test holds this list to it) and what every object has (read as `options[name]`, `constructor`
 * would be Object itself).
 */
export const reservedOptionNames: ReadonlySet<string> = new Set([
  "WebSocket",
  "apiKey",
  "baseUrl",
  "fetch",
  "headers",
  "maxResponseBytes",
  "onRequest",
  "onResponse",
  "retry",
  "timeoutMs",
  ...Object.getOwnPropertyNames(Object.prototype),
]);
