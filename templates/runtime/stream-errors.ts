// Errors of streamed responses beyond those every request can raise (ConnectionError,
// TimeoutError): an event whose data does not parse, named so the log says which one.
import { SdkError } from "./errors.js";

/** What is known of the event that failed to parse. */
export interface StreamParseErrorInit {
  readonly operationId: string;
  /** 1 for the first event (SSE) or line (NDJSON) of the response. */
  readonly index: number;
  /** The SSE `event:` name ("message" by default); absent for NDJSON. */
  readonly event?: string;
  /** The SSE event id in force, if any. */
  readonly id?: string;
  /** The data as received. */
  readonly text: string;
  readonly cause?: unknown;
}

/** An event of a streamed response is not valid JSON; the events before it were delivered. */
export class StreamParseError extends SdkError {
  override name = "StreamParseError";
  readonly operationId: string;
  readonly index: number;
  readonly event: string | undefined;
  readonly id: string | undefined;
  /** The start of the event's data (at most 500 characters). */
  readonly text: string;

  constructor(init: StreamParseErrorInit) {
    const what =
      init.event === undefined
        ? `line ${init.index}`
        : `event ${init.index} (${JSON.stringify(init.event)}${init.id ? `, id ${JSON.stringify(init.id)}` : ""})`;
    super(
      `${init.operationId}: ${what} of the stream is not valid JSON: ${JSON.stringify(init.text.slice(0, 80))}`,
      { cause: init.cause },
    );
    this.operationId = init.operationId;
    this.index = init.index;
    this.event = init.event;
    this.id = init.id;
    this.text = init.text.slice(0, 500);
  }
}
