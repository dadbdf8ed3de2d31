// What a wait resolves to when the server accepted the work but may not hand out an id to track
// it (TensorPool's nullable request_id). The server has acted, so nothing here may look like a
// failure that invites a retry: a second create would bill a second cluster.
import { SdkError } from "./errors.js";

/**
 * The end of a wait whose start may be untracked: `tracked: true` with the final state, or
 * `tracked: false` with the start's body (the work goes on, unobserved; do not send it again).
 */
export type LroOutcome<TState, TStart> =
  | { readonly tracked: true; readonly state: TState; readonly start: TStart }
  | {
      readonly tracked: false;
      readonly start: TStart;
      readonly reason: string;
    };

/**
 * The server accepted the call (2xx) but the wait cannot follow the work to its end: the response
 * holds no id to poll where the spec promises one, or the status could not be read (`cause`).
 * `start` is the accepted body. The work was accepted: sending the call again would start it twice.
 */
export class UntrackedOperationError extends SdkError {
  override name = "UntrackedOperationError";
  /** The starting call's response body. */
  readonly start: unknown;
  /** Always true: the server accepted the call. */
  readonly isAccepted = true;

  constructor(message: string, start: unknown, cause?: unknown) {
    super(
      `${message}; the server accepted the call, do not send it again`,
      cause === undefined ? undefined : { cause },
    );
    this.start = start;
  }
}
