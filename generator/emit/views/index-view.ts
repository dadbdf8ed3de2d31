// The view of index.ts: the client factory, every type, and the runtime's public surface.
import type { Api } from "../../model/api.js";

/** What every client re-exports from its runtime folder (checked against the runtime by a test). */
export const runtimeExports = [
  'export { ApiError, AuthenticationError, BadRequestError, ConflictError, ConnectionError, InternalServerError, NotFoundError, OperationFailedError, PermissionDeniedError, PollTimeoutError, RateLimitError, ResponseParseError, TimeoutError, UnprocessableEntityError } from "./runtime/errors.js";',
  'export type { ClientOptions, PaginationOptions, RequestContext, RequestOptions, ResponseContext, RetryOptions } from "./runtime/types.js";',
  'export type { PagePromise } from "./runtime/paginate.js";',
  'export type { Poller, PollOptions } from "./runtime/poller.js";',
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
    runtimeExports,
  };
}
