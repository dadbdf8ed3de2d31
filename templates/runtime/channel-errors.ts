// Errors of WebSocket channels. Each carries what was learned before it happened (the id of the
// job the channel started), since the work may well go on on the server without the connection.
import { SdkError } from "./errors.js";
import type { CloseCodeSpec } from "./types.js";

/** What every channel error knows. */
export interface ChannelErrorInit {
  /** The client method (e.g. "pushJob"). */
  readonly channel: string;
  /** The close code, when the socket closed. */
  readonly code?: number;
  readonly reason?: string;
  /** The id learned so far (ChannelSpec.idField), if any. */
  readonly id?: string;
  readonly cause?: unknown;
}

/** A channel ended in error: refused, closed early, a message that is not JSON, no handler. */
export class ChannelError extends SdkError {
  override name = "ChannelError";
  readonly channel: string;
  readonly code: number | undefined;
  readonly reason: string | undefined;
  readonly id: string | undefined;

  constructor(message: string, init: ChannelErrorInit) {
    const code =
      init.code === undefined
        ? ""
        : ` (close code ${init.code}${init.reason ? `: ${init.reason}` : ""})`;
    const id = init.id === undefined ? "" : ` [id ${init.id}]`;
    super(`${init.channel}: ${message}${code}${id}`, { cause: init.cause });
    this.channel = init.channel;
    this.code = init.code;
    this.reason = init.reason;
    this.id = init.id;
  }
}

/**
 * The connection was lost (1006) before the channel ended: the work it started may still be
 * running on the server. `id` holds what was learned so far: check its status before resubmitting.
 */
export class ChannelLostError extends ChannelError {
  override name = "ChannelLostError";
}

/** The server refused the channel (its credential or request). */
export class ChannelRefusedError extends ChannelError {
  override name = "ChannelRefusedError";
}

/** The server ended the channel with a failure message; `data` is that message. */
export class ChannelFailedError<TMessage = unknown> extends ChannelError {
  override name = "ChannelFailedError";
  readonly data: TMessage;

  constructor(message: string, init: ChannelErrorInit & { data: TMessage }) {
    super(message, init);
    this.data = init.data;
  }
}

/** The error class of each close outcome that has its own (the rest are ChannelError). */
const CLOSE_ERRORS: Partial<Record<CloseCodeSpec["outcome"], typeof ChannelError>> = {
  lost: ChannelLostError,
  refused: ChannelRefusedError,
};

/** The error for a close that is not a normal end: by the close code's declared outcome. */
export function closeError(
  meaning: CloseCodeSpec | undefined,
  init: ChannelErrorInit,
): ChannelError {
  const ErrorClass = (meaning && CLOSE_ERRORS[meaning.outcome]) ?? ChannelError;
  return new ErrorClass(meaning?.meaning ?? "closed with an error", init);
}
