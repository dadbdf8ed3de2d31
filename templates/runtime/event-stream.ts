// A streamed response (SSE or NDJSON) as an async iterable of parsed events. Reads the body
// chunk by chunk and keeps only the unfinished line, so memory stays flat however long the
// stream; a break mid-way raises ConnectionError after every complete event was yielded.
import { ChunkDecoder } from "./chunk-decoder.js";
import { abortReason } from "./delay.js";
import { ConnectionError, TimeoutError } from "./errors.js";
import type { RequestInfo } from "./errors.js";
import { NdjsonSplitter } from "./ndjson-parser.js";
import { SseParser } from "./sse-parser.js";
import type { ServerSentEvent } from "./sse-parser.js";
import { StreamParseError } from "./stream-errors.js";
import type { DateTable, StreamSpec } from "./types.js";

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
  /** The client's date plans and reviver, for StreamSpec.dates. */
  readonly dateTable?: DateTable;
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
 * The iterator is hand-written, not an async generator: events parsed from one chunk are handed
 * out without a generator hop each, which is most of the cost of a fast stream.
 */
export class EventStream<T> implements AsyncIterable<T> {
  /** Status of the response (of the latest one after a reconnection). */
  status: number;
  /** Headers of the response (of the latest one after a reconnection). */
  headers: Headers;
  readonly #init: EventStreamInit;
  #body: ReadableStream<Uint8Array> | null;
  #isStarted = false;
  #isEnded = false;
  #sse: SseParser | undefined;
  #ndjson: NdjsonSplitter | undefined;
  /** Raw events parsed from the chunks read so far, handed out from #next. */
  #queue: ServerSentEvent[] = [];
  #next = 0;
  #index = 0;
  #attemptsLeft: number;
  #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  #decoder = new ChunkDecoder();
  #watch: IdleWatch | undefined;
  readonly #onAbort = (): void => void this.#reader?.cancel().catch(() => undefined);

  constructor(response: StreamResponse, init: EventStreamInit) {
    this.status = response.status;
    this.headers = response.headers;
    this.#body = response.body;
    this.#init = init;
    this.#attemptsLeft = init.reconnectAttempts;
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
    // Only the data is handed out: no event object per event.
    return this.#iterator((event) => this.#parseData(event, this.#index));
  }

  /** Whole events: SSE `event`, `id` and parsed `data`; NDJSON lines as `{ event: "message", data, id: "" }`. */
  events(): AsyncIterableIterator<ServerSentEvent<T>> {
    return this.#iterator((event) => ({
      event: event.event,
      id: event.id,
      data: this.#parseData(event, this.#index),
    }));
  }

  /** Hands out `parse(event)` for each raw event, right after #take counted it. */
  #iterator<R>(parse: (event: ServerSentEvent) => R): AsyncIterableIterator<R> {
    if (this.#isStarted)
      throw new TypeError(`${this.#init.info.operationId}: a stream can be iterated only once`);
    this.#isStarted = true;
    const done: IteratorResult<R> = { value: undefined, done: true };
    const fail = (error: unknown): Promise<never> =>
      this.#end(true).then(() => Promise.reject(error));
    const iterator: AsyncIterableIterator<R> = {
      next: () => {
        try {
          const ready = this.#take();
          if (ready !== undefined) return Promise.resolve({ value: parse(ready), done: false });
        } catch (error) {
          return fail(error);
        }
        return this.#pull()
          .then((event) => (event === undefined ? done : { value: parse(event), done: false }))
          .catch(fail);
      },
      // break / return in a for-await loop: close the connection.
      return: () => this.#end(true).then(() => done),
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /** The next queued raw event (counted in #index); undefined when none is queued or the stream ended. */
  #take(): ServerSentEvent | undefined {
    if (this.#isEnded || this.#next >= this.#queue.length) return undefined;
    const event = this.#queue[this.#next++];
    const { spec } = this.#init;
    this.#index++;
    if (spec.isJson && spec.format === "sse" && event.data === DONE_SENTINEL) {
      void this.#end(true);
      return undefined;
    }
    // A complete event after a reconnection restores the allowance.
    this.#attemptsLeft = this.#init.reconnectAttempts;
    return event;
  }

  /** Reads chunks until an event is ready or the body ends (then undefined). */
  async #pull(): Promise<ServerSentEvent | undefined> {
    for (;;) {
      const ready = this.#take();
      if (ready !== undefined || this.#isEnded) return ready;
      const reader = this.#reader ?? this.#open();
      if (reader === undefined) {
        await this.#end(false);
        return undefined;
      }
      let text: string | undefined;
      try {
        text = await this.#read(reader);
      } catch (error) {
        if (!(error instanceof StreamBreak) || this.#attemptsLeft <= 0 || this.lastEventId === "")
          throw unwrap(error);
        await this.#reconnect();
        continue;
      }
      this.#queue = [];
      this.#next = 0;
      if (text === undefined) {
        // The body ended: an unfinished SSE event is dropped (as the standard says), a last NDJSON line kept.
        this.#parse(this.#decoder.end(), true);
        this.#releaseReader(false);
        this.#body = null;
      } else this.#parse(text, false);
    }
  }

  #open(): ReadableStreamDefaultReader<Uint8Array> | undefined {
    if (this.#body === null) return undefined;
    const reader = this.#body.getReader();
    this.#body = null;
    this.#reader = reader;
    this.#decoder = new ChunkDecoder();
    this.#watch = new IdleWatch(this.#init.idleTimeoutMs, this.#onAbort);
    this.signal.addEventListener("abort", this.#onAbort, { once: true });
    return reader;
  }

  /** One chunk as text; undefined at the end of the body. Throws the abort reason, a timeout or a StreamBreak. */
  async #read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string | undefined> {
    const signal = this.signal;
    const watch = this.#watch as IdleWatch;
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      if (signal.aborted) throw abortReason(signal);
      result = await reader.read();
    } catch (error) {
      throw this.#failure(error, watch);
    }
    if (signal.aborted) throw abortReason(signal);
    if (watch.isTimedOut) throw this.#failure(undefined, watch);
    if (result.done) return undefined;
    watch.touch();
    return this.#decoder.decode(result.value);
  }

  #parse(text: string, isLast: boolean): void {
    if (this.#init.spec.format === "sse") {
      const parser = (this.#sse ??= new SseParser());
      if (text !== "") parser.feed(text, this.#queue);
      return;
    }
    const splitter = (this.#ndjson ??= new NdjsonSplitter());
    const lines: string[] = [];
    splitter.feed(text, lines);
    if (isLast) splitter.end(lines);
    for (const data of lines) this.#queue.push({ event: "message", data, id: "" });
  }

  async #reconnect(): Promise<void> {
    this.#attemptsLeft--;
    this.#releaseReader(true);
    this.#queue = [];
    this.#next = 0;
    const response = await this.#init.reconnect(
      this.lastEventId,
      this.#sse?.retryMs ?? DEFAULT_RECONNECT_MS,
    );
    this.status = response.status;
    this.headers = response.headers;
    this.#body = response.body;
  }

  /** Ends the stream once: stops reading (closing the connection when `isCancel`), detaches the signal. */
  async #end(isCancel: boolean): Promise<void> {
    if (this.#isEnded) return;
    this.#isEnded = true;
    const reader = this.#reader;
    this.#releaseReader(false);
    if (isCancel && reader) await reader.cancel().catch(() => undefined);
    if (isCancel && this.#body) await this.#body.cancel().catch(() => undefined);
    this.#init.onEnd();
  }

  #releaseReader(isCancel: boolean): void {
    const reader = this.#reader;
    if (!reader) return;
    this.#reader = undefined;
    this.#watch?.stop();
    this.signal.removeEventListener("abort", this.#onAbort);
    if (isCancel) void reader.cancel().catch(() => undefined);
  }

  #parseData(event: ServerSentEvent, index: number): T {
    const { spec, info } = this.#init;
    if (!spec.isJson) return event.data as T;
    let data: unknown;
    try {
      data = JSON.parse(event.data);
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
    const dates = this.#init.dateTable;
    return (spec.dates && dates ? dates.revive(data, spec.dates, dates) : data) as T;
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
  readonly error: ConnectionError;
  constructor(error: ConnectionError) {
    this.error = error;
  }
}

function unwrap(error: unknown): unknown {
  return error instanceof StreamBreak ? error.error : error;
}

/**
 * One timer per silence, not per chunk: when it fires it checks whether anything arrived
 * meanwhile and sleeps again for the rest, so a fast stream costs a timestamp per chunk.
 */
class IdleWatch {
  isTimedOut = false;
  #lastActivity = Date.now();
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly idleTimeoutMs: number;
  readonly onTimeout: () => void;

  constructor(idleTimeoutMs: number, onTimeout: () => void) {
    this.idleTimeoutMs = idleTimeoutMs;
    this.onTimeout = onTimeout;
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
