// The view of index.ts: the client factory, every type, and the runtime's public surface.
import { serverOptionsView } from "./server-options-view.js";
import type { Api } from "../../model/api.js";
import { fitsOneLine } from "./layout.js";
import { streamResponseOf } from "./operation-types.js";

/** Which runtime features an API uses: what index.ts re-exports beyond the core. */
interface Features {
  hasStreams: boolean;
  hasChannels: boolean;
  hasPagination: boolean;
  hasPollers: boolean;
}

/**
 * What a client re-exports from its runtime folder (runtime files exist; a test compiles the
 * result). A feature's exports come only with an API that uses it: re-exporting them would bring
 * their modules into every host's type-check (and the client folder) for nothing.
 */
const runtimeValueExports: [string[], string, keyof Features | undefined][] = [
  [
    [
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
    '"./runtime/errors.js"',
    undefined,
  ],
  [["StreamParseError"], '"./runtime/stream-errors.js"', "hasStreams"],
  [
    ["ChannelError", "ChannelFailedError", "ChannelLostError", "ChannelRefusedError"],
    '"./runtime/channel-errors.js"',
    "hasChannels",
  ],
];
const runtimeTypeExports: [string[], string, keyof Features | undefined][] = [
  [
    [
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
    '"./runtime/types.js"',
    undefined,
  ],
  [["EventStream", "ServerSentEvent"], '"./runtime/event-stream.js"', "hasStreams"],
  [["Channel"], '"./runtime/channel.js"', "hasChannels"],
  [["PagePromise"], '"./runtime/paginate.js"', "hasPagination"],
  [["Poller"], '"./runtime/poller.js"', "hasPollers"],
  [["ApiPromise", "WithResponse"], '"./runtime/response-meta.js"', undefined],
];

/** One `export { a, b } from "x";` (templates/partials/export-list.hbs). */
export interface ExportList {
  /** The names fit on one line; else one per line. */
  isInline: boolean;
  /** `export` or `export type`. */
  keyword: string;
  /** The module, as a string literal. */
  from: string;
  names: string[];
}

function exportList(keyword: string, names: string[], from: string): ExportList {
  return {
    from,
    isInline: fitsOneLine(`${keyword} { ${names.join(", ")} } from ${from};`),
    keyword,
    names,
  };
}

const outcomeExports = [
  exportList("export", ["UntrackedOperationError"], '"./runtime/lro-outcome.js"'),
  exportList("export type", ["LroOutcome"], '"./runtime/lro-outcome.js"'),
];

export interface IndexView {
  /** Former names of the client (`api.aliases`): exported as `create<alias>Client` and `<alias>Client` too. */
  aliases: string[];
  clientName: string;
  /** The core standalone functions take (core.ts), and its factory. */
  coreName: string;
  coreFactoryName: string;
  factoryName: string;
  hasTypes: boolean;
  /** The client's options type when its server URL has variables (server-options-view.ts); "" else. */
  optionsTypeName: string;
  runtimeExports: ExportList[];
}

export function indexView(api: Api): IndexView {
  const features: Features = {
    hasStreams: api.operations.some((op) => streamResponseOf(op) !== undefined),
    hasChannels: api.channels.length > 0,
    hasPagination: api.operations.some((op) => op.pagination),
    hasPollers: api.pollers.length > 0,
  };
  const isUsed = ([, , feature]: [string[], string, keyof Features | undefined]) =>
    feature === undefined || features[feature];
  return {
    aliases: api.aliases ?? [],
    clientName: `${api.name}Client`,
    coreName: `${api.name}Core`,
    coreFactoryName: `create${api.name}Core`,
    factoryName: `create${api.name}Client`,
    hasTypes: api.schemas.length > 0,
    optionsTypeName: serverOptionsView(api).optionsTypeName,
    runtimeExports: [
      ...runtimeValueExports
        .filter(isUsed)
        .map(([names, from]) => exportList("export", names, from)),
      ...runtimeTypeExports
        .filter(isUsed)
        .map(([names, from]) => exportList("export type", names, from)),
      // Waits started from an id in a response: an accepted start without one is reported by these.
      ...(api.operations.some((op) => op.lro) ? outcomeExports : []),
    ],
  };
}
