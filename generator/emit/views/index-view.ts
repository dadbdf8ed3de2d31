// The view of index.ts: the client factory, every type, and the runtime's public surface.
import type { Api } from "../../model/api.js";
import { exportList } from "./layout.js";

/** What every client re-exports from its runtime folder (runtime files exist; a test compiles the result). */
const runtimeValueExports: [string[], string][] = [
  [
    [
      "ApiError", "AuthenticationError", "BadRequestError", "ConflictError", "ConnectionError", "InternalServerError",
      "NotFoundError", "OperationFailedError", "PermissionDeniedError", "PollTimeoutError", "RateLimitError",
      "ResponseParseError", "SdkError", "TimeoutError", "UnprocessableEntityError",
    ],
    '"./runtime/errors.js"',
  ],
  [["StreamParseError"], '"./runtime/stream-errors.js"'],
  [["ChannelError", "ChannelFailedError", "ChannelLostError", "ChannelRefusedError"], '"./runtime/channel-errors.js"'],
];
const runtimeTypeExports: [string[], string][] = [
  [
    [
      "ChannelOptions", "ClientOptions", "PaginationOptions", "PollOptions", "RequestContext", "RequestOptions", "ResponseContext",
      "RetryOptions", "StreamOptions", "WebSocketConstructor",
    ],
    '"./runtime/types.js"',
  ],
  [["EventStream", "ServerSentEvent"], '"./runtime/event-stream.js"'],
  [["Channel"], '"./runtime/channel.js"'],
  [["PagePromise"], '"./runtime/paginate.js"'],
  [["Poller"], '"./runtime/poller.js"'],
];

export interface IndexView {
  clientName: string;
  factoryName: string;
  hasTypes: boolean;
  runtimeExports: string[];
}

export function indexView(api: Api): IndexView {
  return {
    clientName: `${api.name}Client`,
    factoryName: `create${api.name}Client`,
    hasTypes: api.schemas.length > 0,
    runtimeExports: [
      ...runtimeValueExports.map(([names, from]) => exportList("export", names, from)),
      ...runtimeTypeExports.map(([names, from]) => exportList("export type", names, from)),
    ],
  };
}
