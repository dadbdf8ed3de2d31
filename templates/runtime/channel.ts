// A WebSocket channel (ChannelSpec): opens the socket, sends the credential as the first message
// (never in the URL), then the call's opening message; yields typed server messages, hands the
// server's requests to the caller's handler (the client never acts on them itself) and ends with
// a typed result or a typed error, whatever the close code.
import { resolveCredential } from "./auth.js";
import { abortReason } from "./delay.js";
import {
  ChannelError,
  ChannelFailedError,
  ChannelLostError,
  ChannelRefusedError,
} from "./channel-errors.js";
import { redactText } from "./error-details.js";
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
const DEFAULT_PING_INTERVAL_MS = 5000;
const DEFAULT_PING_TIMEOUT_MS = 10000;
/** WebSocket.OPEN. */
const OPEN = 1;

/** The ws package's extras beyond the browser API: pings, pongs and a hard close. */
interface PingingSocket {
  ping(): void;
  on(event: "pong", listener: () => void): void;
  terminate?(): void;
}

/** Options a channel call takes: ChannelOptions plus the handler named by ChannelSpec.request. */
export type ChannelCallOptions = ChannelOptions & Record<string, unknown>;

/**
 * One open channel: `for await` over server messages, `send()` client messages, `close()` or
 * `abort()`; awaiting it gives the result (ChannelSpec.result). Messages are kept for iteration
 * until it is awaited without iterating, from then on only onMessage sees them.
 */
export class Channel<TServer, TClient, TResult>
  implements AsyncIterable<TServer>, PromiseLike<TResult>
{
  /** The id learned so far (ChannelSpec.idField), e.g. the job id. */
  id: string | undefined;
  readonly #spec: ChannelSpec;
  readonly #options: ChannelCallOptions;
  readonly #result: Promise<TResult>;
  #resolve!: (value: TResult) => void;
  #reject!: (error: unknown) => void;
  #socket: WebSocketLike | undefined;
  #secrets: string[] = [];
  readonly #queue: TServer[] = [];
  #waiting: (() => void) | undefined;
  #isIterated = false;
  #isDraining = false;
  #isSettled = false;
  #isOpen = false;
  #outcome: { error: unknown } | undefined;
  #work: Promise<void> = Promise.resolve();
  #stopKeepalive: () => void = () => undefined;
  readonly #onAbort = (): void => this.abort(abortReason(this.#options.signal as AbortSignal));

  constructor(
    spec: ChannelSpec,
    url: string,
    client: ClientOptions,
    body: unknown,
    options: ChannelCallOptions = {},
  ) {
    this.#spec = spec;
    this.#options = options;
    this.#result = new Promise<TResult>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // Awaited or not, a failure must not surface as an unhandled rejection.
    this.#result.catch(() => undefined);
    if (
      spec.request &&
      options[spec.request.handler] !== undefined &&
      typeof options[spec.request.handler] !== "function"
    ) {
      this.#fail(new TypeError(`${spec.id}: ${spec.request.handler} must be a function`));
      return;
    }
    const signal = options.signal;
    if (signal?.aborted) {
      this.#fail(abortReason(signal));
      return;
    }
    signal?.addEventListener("abort", this.#onAbort, { once: true });
    void this.#open(url, client, body).catch((error: unknown) => this.#fail(error));
  }

  then<TFulfilled = TResult, TRejected = never>(
    onFulfilled?: ((value: TResult) => TFulfilled | PromiseLike<TFulfilled>) | null,
    onRejected?: ((reason: unknown) => TRejected | PromiseLike<TRejected>) | null,
  ): Promise<TFulfilled | TRejected> {
    if (!this.#isIterated) {
      // Nobody will read the messages: stop keeping them.
      this.#isDraining = true;
      this.#queue.length = 0;
    }
    return this.#result.then(onFulfilled, onRejected);
  }

  /** The result as a plain promise (awaiting the channel itself is the same). */
  get result(): Promise<TResult> {
    return this.then();
  }

  /** Sends a client message as JSON; throws when the channel is not open. */
  send(message: TClient): void {
    const socket = this.#socket;
    if (!socket || socket.readyState !== OPEN || this.#isSettled) {
      throw new ChannelError("cannot send: the channel is not open", this.#errorInit());
    }
    socket.send(JSON.stringify(message));
  }

  /** Closes the channel (code 1000). Iteration ends; the result rejects if the channel had not ended. */
  close(reason = "closed by the client"): void {
    this.#fail(new ChannelError(`${reason} before the channel ended`, this.#errorInit()), false);
  }

  /** Closes the channel; iteration and the result reject with `reason`. */
  abort(reason: unknown = new DOMException("The channel was aborted", "AbortError")): void {
    this.#fail(reason);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<TServer> {
    if (this.#isIterated)
      throw new TypeError(`${this.#spec.id}: a channel can be iterated only once`);
    this.#isIterated = true;
    this.#isDraining = false;
    try {
      for (;;) {
        const next = this.#queue.shift();
        if (next !== undefined) {
          yield next;
          continue;
        }
        if (this.#outcome) {
          // A close by the caller (close()) ends the iteration quietly; failures are thrown.
          if (this.#outcome.error !== undefined) throw this.#outcome.error;
          return;
        }
        await new Promise<void>((resolve) => (this.#waiting = resolve));
      }
    } finally {
      // Leaving the loop early (break) closes the channel.
      if (!this.#isSettled) this.close("iteration stopped");
    }
  }

  async #open(url: string, client: ClientOptions, body: unknown): Promise<void> {
    const Socket: WebSocketConstructor | undefined =
      client.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (!Socket) {
      throw new TypeError(
        `${this.#spec.id}: no WebSocket in this runtime; pass one as the WebSocket client option (on Node 20: WebSocket from the ws package)`,
      );
    }
    const key =
      this.#spec.authField === undefined ? undefined : await resolveCredential(client.apiKey);
    if (this.#spec.authField !== undefined && key === undefined) {
      throw new ChannelRefusedError(
        "needs an apiKey: the channel sends it as its first message",
        this.#errorInit(),
      );
    }
    if (key !== undefined) this.#secrets = [key];
    if (this.#isSettled) return;
    const socket = new Socket(url);
    this.#socket = socket;
    socket.binaryType = "arraybuffer";
    socket.addEventListener("open", () => {
      this.#isOpen = true;
      if (this.#spec.authField !== undefined)
        socket.send(JSON.stringify({ [this.#spec.authField]: key }));
      if (this.#spec.hasOpenMessage) socket.send(JSON.stringify(body ?? {}));
      this.#startKeepalive(socket);
    });
    socket.addEventListener("message", (event: { data: unknown }) => this.#receive(event.data));
    socket.addEventListener(
      "close",
      (event: { code: number; reason: string }) =>
        // After messages already received are handled (their handlers may still be running).
        void this.#work.then(() => this.#closed(event.code, event.reason)),
    );
    // An error event is always followed by a close event, which decides the outcome.
    socket.addEventListener("error", () => undefined);
  }

  #receive(data: unknown): void {
    if (this.#isSettled) return;
    let message: Record<string, unknown>;
    try {
      const text = typeof data === "string" ? data : new TextDecoder().decode(data as ArrayBuffer);
      message = JSON.parse(text) as Record<string, unknown>;
      if (message === null || typeof message !== "object") throw new TypeError("not an object");
    } catch (cause) {
      return this.#fail(
        new ChannelError("the server sent a message that is not a JSON object", {
          ...this.#errorInit(),
          cause,
        }),
      );
    }
    const { idField } = this.#spec;
    const id = idField === undefined ? undefined : message[idField];
    if (this.id === undefined && (typeof id === "string" || typeof id === "number") && id !== "")
      this.id = String(id);
    this.#options.onMessage?.(message);
    if (!this.#isDraining) {
      this.#queue.push(message as TServer);
      this.#wake();
    }
    const request = this.#spec.request;
    const asked = request === undefined ? undefined : message[request.field];
    if (request && asked !== undefined && asked !== null && asked !== "") {
      this.#work = this.#work.then(() => this.#answer(request.handler, message));
    }
    this.#work = this.#work.then(() => this.#checkEnd(message));
  }

  /** The caller's handler answers the server's request; the client itself never acts on it. */
  async #answer(handlerName: string, message: Record<string, unknown>): Promise<void> {
    if (this.#isSettled) return;
    const handler = this.#options[handlerName] as ((m: unknown) => unknown) | undefined;
    if (typeof handler !== "function") {
      const field = this.#spec.request?.field ?? "request";
      return this.#fail(
        new ChannelError(
          `the server sent a ${field} to run, but no ${handlerName} handler was given (the client never runs anything itself); pass { ${handlerName} } in the options`,
          this.#errorInit(),
        ),
      );
    }
    try {
      const reply = await handler(message);
      if (!this.#isSettled) this.send(reply as TClient);
    } catch (error) {
      this.#fail(error);
    }
  }

  #checkEnd(message: Record<string, unknown>): void {
    const end = this.#spec.end;
    if (!end || this.#isSettled) return;
    const value = String(message[end.field]);
    if (end.success.includes(value)) return this.#succeed(message);
    if (end.failure.includes(value)) {
      const text = typeof message.message === "string" ? `: ${message.message}` : "";
      this.#fail(
        new ChannelFailedError(
          `ended with ${end.field} ${JSON.stringify(value)}${this.#redact(text)}`,
          { ...this.#errorInit(), data: message },
        ),
      );
    }
  }

  #closed(code: number, reason: string): void {
    this.#stopKeepalive();
    if (this.#isSettled) return;
    const init = { ...this.#errorInit(), code, reason: this.#redact(reason) };
    if (!this.#isOpen) return this.#fail(new ChannelError("could not connect", init));
    const byCode = (c: CloseCodeSpec): boolean => c.code === code;
    const meaning = this.#spec.closeCodes?.find(byCode) ?? DEFAULT_CLOSE_CODES.find(byCode);
    const outcome = meaning?.outcome ?? "error";
    if (outcome === "normal") {
      if (this.#spec.result === "id" && this.id !== undefined) return this.#succeed(undefined);
      const missing =
        this.#spec.result === "id"
          ? `no ${this.#spec.idField ?? "id"} was received`
          : "the ending message never came";
      return this.#fail(new ChannelError(`the server closed the channel but ${missing}`, init));
    }
    const text = meaning?.meaning ?? "closed with an error";
    if (outcome === "lost") return this.#fail(new ChannelLostError(text, init));
    if (outcome === "refused") return this.#fail(new ChannelRefusedError(text, init));
    this.#fail(new ChannelError(text, init));
  }

  #succeed(endMessage: Record<string, unknown> | undefined): void {
    if (this.#isSettled) return;
    this.#settle(undefined);
    this.#resolve((this.#spec.result === "id" ? this.id : endMessage) as TResult);
  }

  /** Ends the channel with `error` (rejecting the result); `isThrown` false: iteration ends quietly. */
  #fail(error: unknown, isThrown = true): void {
    if (this.#isSettled) return;
    this.#settle(isThrown ? error : undefined);
    this.#reject(error);
  }

  #settle(error: unknown): void {
    this.#isSettled = true;
    this.#outcome = { error };
    this.#stopKeepalive();
    this.#options.signal?.removeEventListener("abort", this.#onAbort);
    const socket = this.#socket;
    if (socket && socket.readyState <= OPEN) socket.close(1000);
    this.#wake();
  }

  #wake(): void {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.();
  }

  /** ws can ping: one every pingIntervalMs; no pong within pingTimeoutMs counts as a lost connection. */
  #startKeepalive(socket: WebSocketLike): void {
    const pinging = socket as unknown as Partial<PingingSocket>;
    if (typeof pinging.ping !== "function" || typeof pinging.on !== "function") return;
    const intervalMs = this.#spec.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS;
    const timeoutMs = this.#spec.pingTimeoutMs ?? DEFAULT_PING_TIMEOUT_MS;
    let lastPong = Date.now();
    pinging.on("pong", () => (lastPong = Date.now()));
    const timer = setInterval(() => {
      if (Date.now() - lastPong > timeoutMs + intervalMs) {
        // terminate() closes at once with 1006, as a dropped connection does.
        if (typeof pinging.terminate === "function") pinging.terminate();
        else socket.close();
        return;
      }
      pinging.ping?.();
    }, intervalMs);
    this.#stopKeepalive = () => clearInterval(timer);
  }

  #errorInit(): { channel: string; id?: string } {
    return { channel: this.#spec.id, id: this.id };
  }

  #redact(text: string): string {
    return redactText(text, this.#secrets);
  }
}

/** The channel's URL: the base URL with ws(s) for http(s), and the path parameters filled in. */
export function channelUrl(spec: ChannelSpec, baseUrl: string, args: object | undefined): string {
  const values = (args ?? {}) as Record<string, unknown>;
  let path = spec.path;
  for (const param of spec.params) {
    const value = values[param.name];
    if (value === undefined || value === null || value === "") {
      throw new TypeError(`${spec.id}: missing required path parameter ${param.name}`);
    }
    path = path.split(`{${param.name}}`).join(serializePathParam(param, value));
  }
  const url = new URL(baseUrl.replace(/\/+$/, "") + path);
  if (url.protocol === "https:") url.protocol = "wss:";
  else if (url.protocol === "http:") url.protocol = "ws:";
  return url.href;
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
