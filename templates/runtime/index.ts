// The runtime's public surface, re-exported for generated clients and their users.
export type * from "./types.js";
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  OperationFailedError,
  PermissionDeniedError,
  PollTimeoutError,
  RateLimitError,
  ResponseParseError,
  SdkError,
  TimeoutError,
  UnprocessableEntityError,
} from "./errors.js";
export type { RateLimitInfo } from "./error-details.js";
export type { Sleep } from "./delay.js";
export { UntrackedOperationError } from "./lro-outcome.js";
export type { LroOutcome } from "./lro-outcome.js";
export { PagePromise } from "./paginate.js";
export { Poller } from "./poller.js";
export { PollerPromise } from "./poller-promise.js";
export { Transport } from "./transport.js";
export type { SendResult, TransportDefaults } from "./transport.js";
