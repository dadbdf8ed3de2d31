// A WebSocket channel (ChannelSpec): opens the socket, sends the credential as the first message
// (never in the URL), then the call's opening message; yields typed server messages, hands the
// server's requests to the caller's handler (the client never acts on them itself) and ends with
// a typed result or a typed error, whatever the close code.
//
// One closure rather than a class: its state is a handful of local variables, which a minifier
// shortens to a letter each (a class's fields keep `this.#field` at every use).
import { resolveCredential } from "./auth.js";
import { abortReason } from "./delay.js";
import {
  ChannelError,
  ChannelFailedError,
  ChannelRefusedError,
  closeError,
} from "./channel-errors.js";
import { redact } from "./error-details.js";
import { serializePathParam } from "./serialize.js";
import type {
  ChannelOptions,
  ChannelSpec,
  ClientOptions,
  CloseCodeSpec,
  WebSocketConstructor,
  WebSocketLike,
} from "./types.js";

/** Close codes every channel knows (RFC 6455): 1000 normal closure, 1006 connection lost. */
const DEFAULT_CLOSE_CODES: readonly CloseCodeSpec[] = [
  { code: 1000, outcome: "normal", meaning: "closed normally" },
  { code: 1006, outcome: "lost", meaning: "connection lost; the work may still be running" },
];
/** WebSocket.OPEN. */
const OPEN = 1;
/** Keepalive where the socket can ping (ChannelSpec); descriptors spell only other values. */
export const DEFAULT_PING_INTERVAL_MS = 5000;
export const DEFAULT_PING_TIMEOUT_MS = 10_000;

/** The ws package's extras beyond the browser API: pings, pongs and a hard close. */
interface PingingSocket extends WebSocketLike {
  ping?(): void;
  on?(event: "pong", listener: () => void): void;
  terminate?(): void;
}

/** Options a channel call takes: ChannelOptions plus the handler named by ChannelSpec.request. */
export type ChannelCallOptions = ChannelOptions & Record<string, unknown>;

/**
 * One open channel: `for await` over server messages, `send()` client messages, `close()` or
 * `abort()`; awaiting it gives the result (ChannelSpec.result). Messages are kept for iteration
 * until it is awaited without iterating, from then on only onMessage sees them.
 */
export interface Channel<TServer, TClient, TResult>
  extends AsyncIterable<TServer>, PromiseLike<TResult> {
  /** The id learned so far (ChannelSpec.idField), e.g. the job id. */
  readonly id: string | undefined;
  /** The result as a plain promise (awaiting the channel itself is the same). */
  readonly result: Promise<TResult>;
  then<A = TResult, B = never>(
    onFulfilled?: ((value: TResult) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B>;
  /** Sends a client message as JSON; throws when the channel is not open. */
  send(message: TClient): void;
  /** Closes the channel (code 1000). Iteration ends; the result rejects if the channel had not ended. */
  close(reason?: string): void;
  /** Closes the channel; iteration and the result reject with `reason`. */
  abort(reason?: unknown): void;
}

/** Opens the channel at `url` (see Channel). */
export function createChannel<TServer, TClient, TResult>(
  spec: ChannelSpec,
  url: string,
  client: ClientOptions,
  body: unknown,
  options: ChannelCallOptions = {},
): Channel<TServer, TClient, TResult> {
  const { signal } = options;
  const { request, authField } = spec;
  const queue: TServer[] = [];
  let id: string | undefined;
  let socket: WebSocketLike | undefined;
  let secrets: string[] = [];
  let isIterated = false;
  let isDraining = false;
  let isOpen = false;
  /** Set once the channel ended; `error` is what iteration throws (undefined: it ends quietly). */
  let ended: { error: unknown } | undefined;
  /** Wakes the iteration waiting for a message (a no-op once called). */
  let wake = (): void => undefined;
  /** Handlers of received messages, in order: a close is handled after them. */
  let work = Promise.resolve();
  let stopKeepalive = (): void => undefined;
  let settle!: (isOk: boolean, value: unknown) => void;
  const result = new Promise<TResult>((resolve, reject) => {
    settle = (isOk, value) => (isOk ? resolve(value as TResult) : reject(value));
  });
  // Awaited or not, a failure must not surface as an unhandled rejection.
  result.catch(() => undefined);
  const details = <T extends object = object>(more?: T) =>
    ({ channel: spec.id, id, ...more }) as { channel: string; id?: string } & T;
  const onAbort = (): void => fail(abortReason(signal as AbortSignal));

  /** Ends the channel once: resolves or rejects the result, closes the socket, wakes iteration. */
  const end = (isOk: boolean, value: unknown, thrown?: unknown): void => {
    if (ended) return;
    ended = { error: thrown };
    stopKeepalive();
    signal?.removeEventListener("abort", onAbort);
    if (socket && socket.readyState <= OPEN) socket.close(1000);
    wake();
    settle(isOk, value);
  };
  /** Rejects with `error`; `isThrown` false (close()): iteration ends quietly. */
  const fail = (error: unknown, isThrown = true): void =>
    end(false, error, isThrown ? error : undefined);
  const succeed = (endMessage?: unknown): void => end(true, spec.result === "id" ? id : endMessage);

  const send = (message: TClient): void => {
    if (socket?.readyState !== OPEN || ended)
      throw new ChannelError("cannot send: the channel is not open", details());
    socket.send(JSON.stringify(message));
  };

  const open = async (): Promise<void> => {
    const Socket: WebSocketConstructor | undefined =
      client.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (!Socket)
      throw new TypeError(
        `${spec.id}: no WebSocket in this runtime; pass one as the WebSocket client option (Node 20: the ws package's)`,
      );
    const key = authField === undefined ? undefined : await resolveCredential(client.apiKey);
    if (authField !== undefined) {
      if (key === undefined)
        throw new ChannelRefusedError("needs an apiKey (sent as the first message)", details());
      secrets = [key];
    }
    if (ended) return;
    const opened = (socket = new Socket(url)) as PingingSocket;
    opened.binaryType = "arraybuffer";
    opened.addEventListener("open", () => {
      isOpen = true;
      if (authField !== undefined) opened.send(JSON.stringify({ [authField]: key }));
      if (spec.hasOpenMessage) opened.send(JSON.stringify(body ?? {}));
      keepAlive(opened);
    });
    opened.addEventListener("message", (event) => receive(event.data));
    opened.addEventListener(
      "close",
      // After messages already received are handled (their handlers may still be running).
      (event) => void work.then(() => closed(event.code, event.reason)),
    );
    // An error event is always followed by a close event, which decides the outcome (and ws
    // throws an error event nobody listens to).
    opened.addEventListener("error", () => undefined);
  };

  const receive = (data: unknown): void => {
    if (ended) return;
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(
        typeof data === "string" ? data : new TextDecoder().decode(data as ArrayBuffer),
      );
      if (!message || typeof message !== "object") throw new TypeError("not an object");
    } catch (cause) {
      return fail(new ChannelError("a server message is not a JSON object", details({ cause })));
    }
    const value = spec.idField === undefined ? undefined : message[spec.idField];
    if (
      id === undefined &&
      (typeof value === "string" || typeof value === "number") &&
      value !== ""
    )
      id = String(value);
    options.onMessage?.(message);
    if (!isDraining) {
      queue.push(message as TServer);
      wake();
    }
    const asked = request && message[request.field];
    if (request && asked !== undefined && asked !== null && asked !== "")
      work = work.then(() => answer(request.handler, request.field, message));
    work = work.then(() => checkEnd(message));
  };

  /** The caller's handler answers the server's request; the client itself never acts on it. */
  const answer = async (handler: string, field: string, message: object): Promise<void> => {
    if (ended) return;
    const run = options[handler];
    if (typeof run !== "function")
      return fail(
        new ChannelError(
          `the server sent a ${field} to run but no ${handler} handler was given (the client never runs anything itself)`,
          details(),
        ),
      );
    try {
      const reply = await run(message);
      if (!ended) send(reply as TClient);
    } catch (error) {
      fail(error);
    }
  };

  const checkEnd = (message: Record<string, unknown>): void => {
    const rule = spec.end;
    if (!rule || ended) return;
    const value = String(message[rule.field]);
    if (rule.success.includes(value)) return succeed(message);
    if (rule.failure.includes(value)) {
      const text = typeof message.message === "string" ? `: ${message.message}` : "";
      fail(
        new ChannelFailedError(
          `ended with ${rule.field} ${JSON.stringify(value)}${redact(text, secrets)}`,
          details({ data: message }),
        ),
      );
    }
  };

  const closed = (code: number, reason: string): void => {
    stopKeepalive();
    if (ended) return;
    const init = details({ code, reason: redact(reason, secrets) });
    if (!isOpen) return fail(new ChannelError("could not connect", init));
    const meaning = [...(spec.closeCodes ?? []), ...DEFAULT_CLOSE_CODES].find(
      (c) => c.code === code,
    );
    if (meaning?.outcome !== "normal") return fail(closeError(meaning, init));
    if (spec.result === "id" && id !== undefined) return succeed();
    const missing =
      spec.result === "id"
        ? `no ${spec.idField ?? "id"} was received`
        : "the ending message never came";
    fail(new ChannelError(`the server closed the channel but ${missing}`, init));
  };

  /** ws can ping: one every pingIntervalMs; no pong within pingTimeoutMs counts as a lost connection. */
  const keepAlive = (pinging: PingingSocket): void => {
    if (typeof pinging.ping !== "function" || typeof pinging.on !== "function") return;
    const intervalMs = spec.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS;
    const timeoutMs = spec.pingTimeoutMs ?? DEFAULT_PING_TIMEOUT_MS;
    let lastPong = Date.now();
    pinging.on("pong", () => (lastPong = Date.now()));
    const timer = setInterval(() => {
      // terminate() closes at once with 1006, as a dropped connection does.
      if (Date.now() - lastPong > timeoutMs + intervalMs)
        pinging.terminate ? pinging.terminate() : pinging.close();
      else pinging.ping!();
    }, intervalMs);
    stopKeepalive = () => clearInterval(timer);
  };

  const channel: Channel<TServer, TClient, TResult> = {
    get id() {
      return id;
    },
    get result() {
      return channel.then();
    },
    then(onFulfilled, onRejected) {
      if (!isIterated) {
        // Nobody will read the messages: stop keeping them.
        isDraining = true;
        queue.length = 0;
      }
      return result.then(onFulfilled, onRejected);
    },
    send,
    close: (reason = "closed by the client") =>
      fail(new ChannelError(`${reason} before the channel ended`, details()), false),
    abort: (reason = new DOMException("The channel was aborted", "AbortError")) => fail(reason),
    async *[Symbol.asyncIterator]() {
      if (isIterated) throw new TypeError(`${spec.id}: a channel can be iterated only once`);
      isIterated = true;
      isDraining = false;
      try {
        for (;;) {
          if (queue.length > 0) yield queue.shift() as TServer;
          else if (ended) {
            // A close by the caller (close()) ends the iteration quietly; failures are thrown.
            if (ended.error !== undefined) throw ended.error;
            return;
          } else await new Promise<void>((resolve) => (wake = resolve));
        }
      } finally {
        // Leaving the loop early (break) closes the channel.
        if (!ended) channel.close("iteration stopped");
      }
    },
  };

  const handler = request && options[request.handler];
  if (handler !== undefined && typeof handler !== "function")
    fail(new TypeError(`${spec.id}: ${request?.handler} must be a function`));
  else if (signal?.aborted) fail(abortReason(signal));
  else {
    signal?.addEventListener("abort", onAbort, { once: true });
    open().catch(fail);
  }
  return channel;
}

/** The channel's URL: the base URL with ws(s) for http(s), and the path parameters filled in. */
export function channelUrl(spec: ChannelSpec, baseUrl: string, args: object | undefined): string {
  const values = (args ?? {}) as Record<string, unknown>;
  let path = spec.path;
  for (const param of spec.params) {
    const value = values[param.name];
    if (value === undefined || value === null || value === "")
      throw new TypeError(`${spec.id}: missing required path parameter ${param.name}`);
    path = path.split(`{${param.name}}`).join(serializePathParam(param, value));
  }
  // http: -> ws:, https: -> wss:
  return new URL(baseUrl.replace(/\/+$/, "") + path).href.replace(/^http/, "ws");
}

/**
 * The call's arguments from its first parameter: a channel with one path parameter and no opening
 * message takes that value (`listenJob(jobId)`), one with an opening message and no path
 * parameters takes the message (`pushJob(message)`); otherwise an object of path parameters and `body`.
 */
export function channelArgs(
  spec: ChannelSpec,
  first: unknown,
): { body?: unknown } & Record<string, unknown> {
  if (spec.params.length === 1 && !spec.hasOpenMessage) return { [spec.params[0].name]: first };
  if (spec.params.length === 0 && spec.hasOpenMessage) return { body: first };
  return (first ?? {}) as Record<string, unknown>;
}
