// A streamed response (SSE or NDJSON) as an async iterable of parsed events. Reads the body
// chunk by chunk and keeps only the unfinished line, so memory stays flat however long the
// stream; a break mid-way raises ConnectionError after every complete event was yielded.
import { abortReason } from "./delay.js";
import { ConnectionError, TimeoutError } from "./errors.js";
import type { RequestInfo } from "./errors.js";
import { NdjsonSplitter } from "./ndjson-parser.js";
import { SseParser } from "./sse-parser.js";
import type { ServerSentEvent } from "./sse-parser.js";
import { StreamParseError } from "./stream-errors.js";
import type { StreamSpec } from "./types.js";

export type { ServerSentEvent } from "./sse-parser.js";

/** A response as the transport hands it over: status, headers and the unread body. */
export interface StreamResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: ReadableStream<Uint8Array> | null;
}

/** What an EventStream needs besides the response. */
export interface EventStreamInit {
  readonly info: RequestInfo;
  readonly spec: StreamSpec;
  /** Aborts the stream (the transport links the caller's signal to it). */
  readonly controller: AbortController;
  /** Silence allowed between chunks; Infinity or beyond timers' range: none. */
  readonly idleTimeoutMs: number;
  /** Attempts left for Last-Event-ID reconnection (0: off). */
  readonly reconnectAttempts: number;
  /** Asks again with Last-Event-ID after `delayMs`; the transport's normal request rules apply. */
  readonly reconnect: (lastEventId: string, delayMs: number) => Promise<StreamResponse>;
  /** Called once when the stream is over, however it ended (detaches the caller's signal). */
  readonly onEnd: () => void;
}

/** SSE data that ends an OpenAI-style JSON stream: not JSON, so never a real event. */
const DONE_SENTINEL = "[DONE]";
/** Reconnection delay when the server sent no `retry:` field. */
const DEFAULT_RECONNECT_MS = 1000;
/** Longest delay timers support; a longer idle timeout means none. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * A streamed response: `for await (const event of stream)` yields each event's data, parsed
 * (typed by the spec); `events()` yields whole SSE events (event name, id, data). One pass only.
 */
export class EventStream<T> implements AsyncIterable<T> {
  /** Status of the response (of the latest one after a reconnection). */
  status: number;
  /** Headers of the response (of the latest one after a reconnection). */
  headers: Headers;
  readonly #init: EventStreamInit;
  #body: ReadableStream<Uint8Array> | null;
  #isStarted = false;
  #sse: SseParser | undefined;

  constructor(response: StreamResponse, init: EventStreamInit) {
    this.status = response.status;
    this.headers = response.headers;
    this.#body = response.body;
    this.#init = init;
  }

  /** Aborted when the stream is aborted (by abort() or the caller's signal). */
  get signal(): AbortSignal {
    return this.#init.controller.signal;
  }

  /** The last SSE event id received ("" before any, and for NDJSON). */
  get lastEventId(): string {
    return this.#sse?.lastEventId ?? "";
  }

  /** Stops reading and closes the connection; iteration then rejects with `reason`. */
  abort(reason?: unknown): void {
    this.#init.controller.abort(reason);
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return this.#dataOf(this.events());
  }

  /** Whole events: SSE `event`, `id` and parsed `data`; NDJSON lines as `{ event: "message", data, id: "" }`. */
  async *events(): AsyncGenerator<ServerSentEvent<T>, void, undefined> {
    if (this.#isStarted) throw new TypeError(`${this.#init.info.operationId}: a stream can be iterated only once`);
    this.#isStarted = true;
    try {
      yield* this.#read();
    } finally {
      this.#init.onEnd();
    }
  }

  async *#dataOf(events: AsyncGenerator<ServerSentEvent<T>>): AsyncGenerator<T> {
    for await (const event of events) yield event.data;
  }

  async *#read(): AsyncGenerator<ServerSentEvent<T>> {
    const { spec } = this.#init;
    let attemptsLeft = this.#init.reconnectAttempts;
    let index = 0;
    for (;;) {
      const parse = spec.format === "sse" ? this.#sseChunks() : ndjsonChunks();
      let isBroken = false;
      try {
        for await (const raw of this.#chunks(parse)) {
          for (const event of raw) {
            index++;
            if (spec.isJson && spec.format === "sse" && event.data === DONE_SENTINEL) return;
            yield { event: event.event, id: event.id, data: this.#parseData(event, index) };
            // A complete event after a reconnection restores the allowance.
            attemptsLeft = this.#init.reconnectAttempts;
          }
        }
        return;
      } catch (error) {
        if (!(error instanceof StreamBreak) || attemptsLeft <= 0 || this.lastEventId === "") throw unwrap(error);
        isBroken = true;
      }
      if (isBroken) {
        attemptsLeft--;
        const response = await this.#init.reconnect(
          this.lastEventId,
          this.#sse?.retryMs ?? DEFAULT_RECONNECT_MS,
        );
        this.status = response.status;
        this.headers = response.headers;
        this.#body = response.body;
      }
    }
  }

  #sseChunks(): (text: string | undefined) => ServerSentEvent[] {
    // One parser for the whole stream: the last event id survives a reconnection.
    const parser = (this.#sse ??= new SseParser());
    return (text) => {
      const out: ServerSentEvent[] = [];
      // An event not finished by a blank line when the body ends is dropped (as the standard says).
      if (text !== undefined) parser.feed(text, out);
      return out;
    };
  }

  #parseData(event: ServerSentEvent, index: number): T {
    const { spec, info } = this.#init;
    if (!spec.isJson) return event.data as T;
    try {
      return JSON.parse(event.data) as T;
    } catch (cause) {
      throw new StreamParseError({
        operationId: info.operationId,
        index,
        event: spec.format === "sse" ? event.event : undefined,
        id: spec.format === "sse" ? event.id : undefined,
        text: event.data,
        cause,
      });
    }
  }

  /** Decoded chunks of the body through `parse`; ends with parse(undefined) at the body's end. */
  async *#chunks(
    parse: (text: string | undefined) => ServerSentEvent[],
  ): AsyncGenerator<ServerSentEvent[]> {
    const body = this.#body;
    this.#body = null;
    if (body === null) return;
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const watch = new IdleWatch(this.#init.idleTimeoutMs, () => void reader.cancel().catch(() => undefined));
    const signal = this.signal;
    const onAbort = (): void => void reader.cancel().catch(() => undefined);
    signal.addEventListener("abort", onAbort, { once: true });
    let isFinished = false;
    try {
      for (;;) {
        let result: ReadableStreamReadResult<Uint8Array>;
        try {
          if (signal.aborted) throw abortReason(signal);
          result = await reader.read();
        } catch (error) {
          throw this.#failure(error, watch);
        }
        if (signal.aborted) throw abortReason(signal);
        if (watch.isTimedOut) throw this.#failure(undefined, watch);
        if (result.done) break;
        watch.touch();
        const events = parse(decoder.decode(result.value, { stream: true }));
        if (events.length > 0) yield events;
      }
      const tail = decoder.decode();
      const events = tail === "" ? parse(undefined) : [...parse(tail), ...parse(undefined)];
      isFinished = true;
      if (events.length > 0) yield events;
    } finally {
      watch.stop();
      signal.removeEventListener("abort", onAbort);
      // Left early (break, an error, a parse failure): close the connection.
      if (!isFinished) await reader.cancel().catch(() => undefined);
      reader.releaseLock();
    }
  }

  /** The error a failed read becomes: the caller's abort, a timeout, or a broken connection. */
  #failure(error: unknown, watch: IdleWatch): unknown {
    const signal = this.signal;
    if (signal.aborted) return abortReason(signal);
    const { info } = this.#init;
    if (watch.isTimedOut) return new TimeoutErrorAfterSilence(info, this.#init.idleTimeoutMs);
    return new StreamBreak(
      new ConnectionError(info, "Connection lost while reading the stream", { cause: error }),
    );
  }
}

/** The stream's idle timeout: nothing arrived for idleTimeoutMs. */
class TimeoutErrorAfterSilence extends TimeoutError {
  constructor(info: RequestInfo, idleTimeoutMs: number) {
    super(info, idleTimeoutMs);
    this.message = `Stream stalled: nothing arrived for ${idleTimeoutMs} ms (idleTimeoutMs) (${info.method} ${info.url})`;
  }
}

/** A broken connection, which a reconnection may mend; carries the ConnectionError to throw. */
class StreamBreak {
  constructor(readonly error: ConnectionError) {}
}

function unwrap(error: unknown): unknown {
  return error instanceof StreamBreak ? error.error : error;
}

function ndjsonChunks(): (text: string | undefined) => ServerSentEvent[] {
  const splitter = new NdjsonSplitter();
  const lines: string[] = [];
  return (text) => {
    lines.length = 0;
    if (text === undefined) splitter.end(lines);
    else splitter.feed(text, lines);
    return lines.map((data) => ({ event: "message", data, id: "" }));
  };
}

/**
 * One timer per silence, not per chunk: when it fires it checks whether anything arrived
 * meanwhile and sleeps again for the rest, so a fast stream costs a timestamp per chunk.
 */
class IdleWatch {
  isTimedOut = false;
  #lastActivity = Date.now();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly idleTimeoutMs: number,
    readonly onTimeout: () => void,
  ) {
    if (idleTimeoutMs <= MAX_TIMER_MS) this.#schedule(Math.max(0, idleTimeoutMs));
  }

  touch(): void {
    this.#lastActivity = Date.now();
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(ms: number): void {
    this.#timer = setTimeout(() => this.#check(), ms);
  }

  #check(): void {
    const silentMs = Date.now() - this.#lastActivity;
    if (silentMs < this.idleTimeoutMs) return this.#schedule(this.idleTimeoutMs - silentMs);
    this.isTimedOut = true;
    this.onTimeout();
  }
}
