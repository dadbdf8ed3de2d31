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
];
const runtimeTypeExports: [string[], string][] = [
  [
    ["ClientOptions", "PaginationOptions", "PollOptions", "RequestContext", "RequestOptions", "ResponseContext", "RetryOptions"],
    '"./runtime/types.js"',
  ],
  [["PagePromise"], '"./runtime/paginate.js"'],
  [["Poller"], '"./runtime/poller.js"'],
];

const outcomeExports = [
  exportList("export", ["UntrackedOperationError"], '"./runtime/lro-outcome.js"'),
  exportList("export type", ["LroOutcome"], '"./runtime/lro-outcome.js"'),
];

export interface IndexView {
  /** `export { createXClient as createOldClient }` lines for former names. */
  aliasExports: string[];
  clientName: string;
  factoryName: string;
  hasTypes: boolean;
  runtimeExports: string[];
}

export function indexView(api: Api): IndexView {
  const aliasExports = (api.aliases ?? []).flatMap((alias) => [
    `export { create${api.name}Client as create${alias}Client } from "./client.js";`,
    `export type { ${api.name}Client as ${alias}Client } from "./client.js";`,
  ]);
  return {
    aliasExports,
    clientName: `${api.name}Client`,
    factoryName: `create${api.name}Client`,
    hasTypes: api.schemas.length > 0,
    runtimeExports: [
      ...runtimeValueExports.map(([names, from]) => exportList("export", names, from)),
      ...runtimeTypeExports.map(([names, from]) => exportList("export type", names, from)),
      // Waits started from an id in a response: an accepted start without one is reported by these.
      ...(api.operations.some((op) => op.lro) ? outcomeExports : []),
    ],
  };
}
