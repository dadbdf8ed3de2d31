// Starting a streaming call: the request follows the normal retry rules until a success status
// arrives; from the first byte of the body on, nothing is retried (events were delivered), except
// the opt-in SSE reconnection with Last-Event-ID.
import { sleepUnlessAborted } from "./delay.js";
import type { Sleep } from "./delay.js";
import { EventStream } from "./event-stream.js";
import type { StreamResponse } from "./event-stream.js";
import type {
  OperationSpec,
  RequestOptions,
  ResponseSpec,
  StreamOptions,
  StreamSpec,
} from "./types.js";

/** What openStream needs of the transport. */
export interface StreamContext {
  readonly send: (
    op: OperationSpec,
    args: object | undefined,
    options: RequestOptions,
  ) => Promise<StreamResponse>;
  /** The JSON call, for a request that did not ask for the stream. */
  readonly request: (
    op: OperationSpec,
    args: object | undefined,
    options: RequestOptions,
  ) => Promise<unknown>;
  /** The call's per-attempt timeout, the default idle timeout of the stream. */
  readonly timeoutMs: number;
  readonly sleep: Sleep;
}

/** Attempts of Last-Event-ID reconnection when `reconnect: true`. */
const DEFAULT_RECONNECT_ATTEMPTS = 3;

/** Resolves to an EventStream when the headers arrive; to the JSON answer when `field` was not true. */
export function openStream(
  context: StreamContext,
  op: OperationSpec,
  args: object | undefined,
  options: StreamOptions = {},
): Promise<unknown> {
  const spec = op.stream;
  if (!spec) return Promise.reject(new TypeError(`${op.id} does not stream`));
  if (spec.field !== undefined && !isStreamRequested(args, spec.field)) {
    return context.request(op, args, options);
  }
  const streaming = streamingOperation(op, spec);
  const controller = new AbortController();
  const caller = options.signal;
  const onCallerAbort = (): void => controller.abort(caller?.reason);
  if (caller?.aborted) onCallerAbort();
  else caller?.addEventListener("abort", onCallerAbort, { once: true });
  const detach = (): void => caller?.removeEventListener("abort", onCallerAbort);
  const sendOptions: RequestOptions = { ...options, signal: controller.signal };
  const reconnect = async (lastEventId: string, delayMs: number): Promise<StreamResponse> => {
    await sleepUnlessAborted(context.sleep, delayMs, controller.signal);
    const headers = { ...options.headers, "Last-Event-ID": lastEventId };
    return context.send(streaming, args, { ...sendOptions, headers });
  };
  return context.send(streaming, args, sendOptions).then(
    (response) =>
      new EventStream(response, {
        info: { operationId: op.id, method: op.method, url: op.path },
        spec,
        dateTable: op.dateTable,
        controller,
        idleTimeoutMs: options.idleTimeoutMs ?? context.timeoutMs,
        reconnectAttempts: reconnectAttemptsOf(spec, options.reconnect),
        reconnect,
        onEnd: detach,
      }),
    (error: unknown) => {
      detach();
      throw error;
    },
  );
}

function isStreamRequested(args: object | undefined, field: string): boolean {
  const body = (args as { body?: unknown } | undefined)?.body;
  return (
    body !== null && typeof body === "object" && (body as Record<string, unknown>)[field] === true
  );
}

function reconnectAttemptsOf(spec: StreamSpec, reconnect: StreamOptions["reconnect"]): number {
  if (spec.format !== "sse" || !reconnect) return 0;
  const attempts = reconnect === true ? undefined : reconnect.maxAttempts;
  return Math.max(0, Math.floor(attempts ?? DEFAULT_RECONNECT_ATTEMPTS));
}

/** The operation as sent when it streams: success bodies handed over unread, Accept the stream's type. */
const streamingCache = new WeakMap<OperationSpec, OperationSpec>();

function streamingOperation(op: OperationSpec, spec: StreamSpec): OperationSpec {
  let streaming = streamingCache.get(op);
  if (!streaming) {
    const success: ResponseSpec = { status: "2XX", kind: "stream", mediaType: spec.mediaType };
    const errors = op.responses.filter((r) => !r.status.startsWith("2"));
    streaming = { ...op, responses: [success, ...errors] };
    streamingCache.set(op, streaming);
  }
  return streaming;
}
