// Streamed responses end to end against a local server: typed events, chunk boundaries anywhere
// (inside UTF-8 characters too), breaks, stalls, aborts, retries before the first byte, reconnection.
import type http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import {
  ConnectionError,
  InternalServerError,
  TimeoutError,
} from "../../templates/runtime/errors.js";
import { encodeJson } from "../../templates/runtime/body.js";
import type { EventStream } from "../../templates/runtime/event-stream.js";
import { StreamParseError } from "../../templates/runtime/stream-errors.js";
import { Transport } from "../../templates/runtime/transport.js";
import { requestStream } from "../../templates/runtime/call-stream.js";
import type { OperationSpec, StreamSpec } from "../../templates/runtime/types.js";
import { fakeTime, op } from "./helpers/fixtures.js";
import { json, startServer } from "./helpers/http-server.js";
import type { Reply, TestServer } from "./helpers/http-server.js";

let server: TestServer;
afterEach(() => server?.close());

const sse: StreamSpec = { format: "sse", mediaType: "text/event-stream", isJson: true };
const ndjson: StreamSpec = { format: "ndjson", mediaType: "application/x-ndjson", isJson: true };

function streamOp(stream: StreamSpec, overrides: Partial<OperationSpec> = {}): OperationSpec {
  return op({
    stream,
    responses: [{ status: "200", kind: "stream", mediaType: stream.mediaType }],
    ...overrides,
  });
}

/** Writes `parts` one by one, each flushed before the next; then ends (or not). */
function parts(
  contentType: string,
  pieces: (string | Buffer)[],
  options: { isEnded?: boolean; headers?: Record<string, string> } = {},
): Reply {
  return async (res) => {
    res.writeHead(200, { "content-type": contentType, ...options.headers });
    res.flushHeaders();
    for (const piece of pieces) {
      await new Promise<void>((resolve) => res.write(piece, () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    if (options.isEnded !== false) res.end();
  };
}

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of stream) out.push(item);
  return out;
}

function transportFor(url: string): Transport {
  return new Transport({ retry: { initialDelayMs: 1 } }, { baseUrl: url });
}

describe("SSE responses", () => {
  const body = Buffer.from(
    'event: delta\nid: 1\ndata: {"text":"héllo €"}\n\n: ping\r\ndata: {"text":\ndata: "two"}\r\n\r\ndata: [DONE]\n\n',
  );

  it("yields typed events with status and headers, and asks for text/event-stream", async () => {
    server = await startServer(
      parts("text/event-stream", [body], { headers: { "x-request-id": "r1" } }),
    );
    const stream = (await requestStream(
      transportFor(server.url),
      streamOp(sse),
      undefined,
    )) as EventStream<{ text: string }>;
    expect(stream.status).toBe(200);
    expect(stream.headers.get("x-request-id")).toBe("r1");
    expect(await collect(stream)).toEqual([{ text: "héllo €" }, { text: "two" }]);
    expect(stream.lastEventId).toBe("1");
    expect(server.requests[0].headers.accept).toBe("text/event-stream");
  });

  it("gives the same events whatever byte boundary the server splits at, including inside UTF-8 characters", async () => {
    let cut = 0;
    server = await startServer((res, req, index) =>
      parts("text/event-stream", [body.subarray(0, index + 1), body.subarray(index + 1)])(
        res,
        req,
        index,
      ),
    );
    const transport = transportFor(server.url);
    for (cut = 1; cut < body.length; cut++) {
      const stream = (await requestStream(
        transport,
        streamOp(sse),
        undefined,
      )) as EventStream<unknown>;
      expect(await collect(stream), `split at byte ${cut}`).toEqual([
        { text: "héllo €" },
        { text: "two" },
      ]);
    }
  });

  it("gives the same events when every byte arrives alone", async () => {
    server = await startServer(
      parts(
        "text/event-stream",
        [...body].map((b) => Buffer.from([b])),
      ),
    );
    const stream = (await requestStream(
      transportFor(server.url),
      streamOp(sse),
      undefined,
    )) as EventStream<unknown>;
    expect(await collect(stream.events())).toEqual([
      { event: "delta", id: "1", data: { text: "héllo €" } },
      { event: "message", id: "1", data: { text: "two" } },
    ]);
  });

  it("yields text data when the schema is a string", async () => {
    server = await startServer(parts("text/event-stream", ["data: plain\n\ndata: [DONE]\n\n"]));
    const stream = (await requestStream(
      transportFor(server.url),
      streamOp({ ...sse, isJson: false }),
      undefined,
    )) as EventStream<string>;
    expect(await collect(stream)).toEqual(["plain", "[DONE]"]);
  });

  it("raises a parse error naming the event after yielding the ones before", async () => {
    server = await startServer(
      parts("text/event-stream", ['data: {"n":1}\n\nevent: delta\nid: 9\ndata: {oops\n\n']),
    );
    const stream = (await requestStream(
      transportFor(server.url),
      streamOp(sse),
      undefined,
    )) as EventStream<unknown>;
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const event of stream) seen.push(event);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([{ n: 1 }]);
    expect(error).toBeInstanceOf(StreamParseError);
    expect((error as Error).message).toContain('event 2 ("delta", id "9")');
  });

  it("raises ConnectionError after yielding what arrived when the connection breaks mid-stream", async () => {
    server = await startServer(async (res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('data: {"n":1}\n\ndata: {"n":');
      await new Promise((resolve) => setTimeout(resolve, 20));
      res.socket?.destroy();
    });
    const stream = (await requestStream(
      transportFor(server.url),
      streamOp(sse),
      undefined,
    )) as EventStream<unknown>;
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const event of stream) seen.push(event);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([{ n: 1 }]);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  it("retries the request before the first byte by the normal rules, never after", async () => {
    server = await startServer(
      json(503, { message: "busy" }),
      parts("text/event-stream", ['data: {"n":1}\n\n']),
    );
    const stream = (await requestStream(
      transportFor(server.url),
      streamOp(sse),
      undefined,
    )) as EventStream<unknown>;
    expect(await collect(stream)).toEqual([{ n: 1 }]);
    expect(server.requests).toHaveLength(2);
  });

  it("rejects with the typed API error when the server refuses", async () => {
    server = await startServer(json(500, { message: "down" }));
    const transport = new Transport({ retry: { maxRetries: 0 } }, { baseUrl: server.url });
    await expect(requestStream(transport, streamOp(sse), undefined)).rejects.toBeInstanceOf(
      InternalServerError,
    );
  });

  it("aborts mid-stream with abort() and with the caller's signal, closing the connection", async () => {
    server = await startServer(
      parts("text/event-stream", ['data: {"n":1}\n\n'], { isEnded: false }),
    );
    const stream = (await requestStream(
      transportFor(server.url),
      streamOp(sse),
      undefined,
    )) as EventStream<unknown>;
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const event of stream) {
        seen.push(event);
        stream.abort(new Error("enough"));
      }
    })().catch((e: unknown) => e);
    expect(seen).toEqual([{ n: 1 }]);
    expect((error as Error).message).toBe("enough");
    expect(stream.signal.aborted).toBe(true);

    const controller = new AbortController();
    const second = (await requestStream(transportFor(server.url), streamOp(sse), undefined, {
      signal: controller.signal,
    })) as EventStream<unknown>;
    const pending = collect(second);
    setTimeout(() => controller.abort(new Error("caller")), 20);
    await expect(pending).rejects.toThrow("caller");
  });

  it("fails with TimeoutError when the server stalls longer than idleTimeoutMs", async () => {
    server = await startServer(
      parts("text/event-stream", ['data: {"n":1}\n\n'], { isEnded: false }),
    );
    const stream = (await requestStream(transportFor(server.url), streamOp(sse), undefined, {
      idleTimeoutMs: 100,
    })) as EventStream<unknown>;
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const event of stream) seen.push(event);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([{ n: 1 }]);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain("idleTimeoutMs");
  });

  it("reconnects with Last-Event-ID after a break when asked to, after the server's retry time", async () => {
    const time = fakeTime();
    server = await startServer(
      async (res) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write('retry: 1500\nid: a1\ndata: {"n":1}\n\n');
        await new Promise((resolve) => setTimeout(resolve, 20));
        res.socket?.destroy();
      },
      parts("text/event-stream", ['id: a2\ndata: {"n":2}\n\n']),
    );
    const transport = new Transport({}, { baseUrl: server.url, sleep: time.sleep });
    const stream = (await requestStream(transport, streamOp(sse), undefined, {
      reconnect: true,
    })) as EventStream<unknown>;
    expect(await collect(stream)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(server.requests[1].headers["last-event-id"]).toBe("a1");
    expect(time.waits).toEqual([1500]);
  });

  it("does not reconnect unless asked", async () => {
    server = await startServer(async (res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('id: a1\ndata: {"n":1}\n\n');
      await new Promise((resolve) => setTimeout(resolve, 20));
      res.socket?.destroy();
    });
    const stream = (await requestStream(
      transportFor(server.url),
      streamOp(sse),
      undefined,
    )) as EventStream<unknown>;
    await expect(collect(stream)).rejects.toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("NDJSON responses", () => {
  it("yields one parsed value per line across chunk boundaries", async () => {
    const text = '{"n":1}\n{"n":"é"}\r\n\n{"n":3}';
    server = await startServer(
      parts(
        "application/x-ndjson",
        [...Buffer.from(text)].map((b) => Buffer.from([b])),
      ),
    );
    const stream = (await requestStream(
      transportFor(server.url),
      streamOp(ndjson),
      undefined,
    )) as EventStream<unknown>;
    expect(await collect(stream)).toEqual([{ n: 1 }, { n: "é" }, { n: 3 }]);
    expect(server.requests[0].headers.accept).toBe("application/x-ndjson");
  });

  it("names the line that does not parse", async () => {
    server = await startServer(parts("application/x-ndjson", ['{"n":1}\nnope\n']));
    const stream = (await requestStream(
      transportFor(server.url),
      streamOp(ndjson),
      undefined,
    )) as EventStream<unknown>;
    await expect(collect(stream)).rejects.toThrow(/line 2 of the stream is not valid JSON/);
  });
});

describe("streaming on request (StreamSpec.field)", () => {
  const chat = streamOp(
    { ...sse, field: "stream" },
    {
      method: "POST",
      body: { kind: "json", mediaType: "application/json", encode: encodeJson },
      responses: [{ status: "200", kind: "json" }],
    },
  );

  it("streams when the body field is true and answers JSON otherwise", async () => {
    server = await startServer((res: http.ServerResponse, req) => {
      if (JSON.parse(req.text).stream === true)
        return parts("text/event-stream", ['data: {"delta":"a"}\n\ndata: [DONE]\n\n'])(res, req, 0);
      return json(200, { whole: "a" })(res, req, 0);
    });
    const transport = transportFor(server.url);
    const stream = (await requestStream(transport, chat, {
      body: { stream: true },
    })) as EventStream<unknown>;
    expect(await collect(stream)).toEqual([{ delta: "a" }]);
    expect(server.requests[0].headers.accept).toContain("text/event-stream");
    expect(await requestStream(transport, chat, { body: { stream: false } })).toEqual({
      whole: "a",
    });
    expect(await requestStream(transport, chat, { body: {} })).toEqual({ whole: "a" });
    expect(server.requests[2].headers.accept).toBe("application/json");
  });
});
