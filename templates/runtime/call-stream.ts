// The entry point of a streaming operation (SSE, NDJSON) over the client core.
import type { StreamResponse } from "./event-stream.js";
import { openStream } from "./open-stream.js";
import { DEFAULT_STREAM_TIMEOUT_MS } from "./transport.js";
import type { Transport } from "./transport.js";
import type { OperationSpec, RequestOptions, StreamOptions } from "./types.js";

/**
 * A streaming operation (SSE, NDJSON): resolves to an EventStream once the success headers
 * arrive; to the JSON answer instead when the operation streams only on request and the call
 * did not ask (StreamSpec.field).
 */
export function requestStream<T = unknown>(
  transport: Transport,
  op: OperationSpec,
  args: object | undefined,
  options?: StreamOptions,
): Promise<T> {
  const context = {
    send: (streaming: OperationSpec, streamArgs: object | undefined, sendOptions: RequestOptions) =>
      transport.send(streaming, streamArgs, sendOptions) as Promise<StreamResponse>,
    request: (json: OperationSpec, jsonArgs: object | undefined, jsonOptions: RequestOptions) =>
      transport.request(json, jsonArgs, jsonOptions),
    timeoutMs: options?.timeoutMs ?? transport.clientOptions.timeoutMs ?? DEFAULT_STREAM_TIMEOUT_MS,
    sleep: transport.sleep,
  };
  return openStream(context, op, args, options) as Promise<T>;
}
