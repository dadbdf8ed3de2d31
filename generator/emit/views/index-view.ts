// The view of index.ts: the client factory, every type, and the runtime's public surface.
import { serverOptionsView } from "./server-options-view.js";
import type { Api } from "../../model/api.js";
import { fitsOneLine } from "./layout.js";

/** What every client re-exports from its runtime folder (runtime files exist; a test compiles the result). */
const runtimeValueExports: [string[], string][] = [
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
  ],
  [["StreamParseError"], '"./runtime/stream-errors.js"'],
  [
    ["ChannelError", "ChannelFailedError", "ChannelLostError", "ChannelRefusedError"],
    '"./runtime/channel-errors.js"',
  ],
];
const runtimeTypeExports: [string[], string][] = [
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
  ],
  [["EventStream", "ServerSentEvent"], '"./runtime/event-stream.js"'],
  [["Channel"], '"./runtime/channel.js"'],
  [["PagePromise"], '"./runtime/paginate.js"'],
  [["Poller"], '"./runtime/poller.js"'],
  [["ApiPromise", "WithResponse"], '"./runtime/response-meta.js"'],
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
  return {
    aliases: api.aliases ?? [],
    clientName: `${api.name}Client`,
    coreName: `${api.name}Core`,
    coreFactoryName: `create${api.name}Core`,
    factoryName: `create${api.name}Client`,
    hasTypes: api.schemas.length > 0,
    optionsTypeName: serverOptionsView(api).optionsTypeName,
    runtimeExports: [
      ...runtimeValueExports.map(([names, from]) => exportList("export", names, from)),
      ...runtimeTypeExports.map(([names, from]) => exportList("export type", names, from)),
      // Waits started from an id in a response: an accepted start without one is reported by these.
      ...(api.operations.some((op) => op.lro) ? outcomeExports : []),
    ],
  };
}
