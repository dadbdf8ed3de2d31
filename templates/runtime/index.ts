// The runtime's public surface, re-exported for generated clients and their users.
export type * from "./types.js";
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  CredentialError,
  InternalServerError,
  NotFoundError,
  OperationFailedError,
  PermissionDeniedError,
  PollTimeoutError,
  RateLimitError,
  ResponseParseError,
  ResponseTooLargeError,
  SdkError,
  TimeoutError,
  UnexpectedStatusError,
  UnprocessableEntityError,
} from "./errors.js";
export type { RateLimitInfo } from "./error-details.js";
export type { Sleep } from "./delay.js";
export type { Channel } from "./channel.js";
export {
  ChannelError,
  ChannelFailedError,
  ChannelLostError,
  ChannelRefusedError,
} from "./channel-errors.js";
export { EventStream } from "./event-stream.js";
export type { ServerSentEvent } from "./event-stream.js";
export { StreamParseError } from "./stream-errors.js";
export { UntrackedOperationError } from "./lro-outcome.js";
export type { LroOutcome } from "./lro-outcome.js";
export type { ApiPromise, NoHeaders, WithResponse } from "./response-meta.js";
export { PagePromise } from "./paginate.js";
export type { Poller } from "./poller.js";
export { Transport } from "./transport.js";
export type { SendResult, TransportDefaults } from "./transport.js";
export { buildClient } from "./client-factory.js";
export { openChannel } from "./call-channel.js";
export { pollerFor, resumePoller, startAndWait, startPoller, waitFor } from "./call-lro.js";
export { paginate } from "./call-paginate.js";
export { requestStream } from "./call-stream.js";
export { startAndPaginate, startAndWaitAtUrl } from "./call-url-lro.js";
export { sendUrl } from "./send-url.js";
