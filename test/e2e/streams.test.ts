// Streaming operations of a generated client: SSE, NDJSON, OpenAPI 3.2 itemSchema, text data, and
// an OpenAI-style operation answering JSON or a stream by its `stream` body field, typed by it.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import * as prettier from "prettier";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prettierOptions } from "../../generator/emit/format.js";
import { generate } from "../../generator/pipeline.js";
import { json, startServer, type TestServer } from "../runtime/helpers/http-server.js";
import { compileAlone } from "../types/compile.js";

const spec = "test/fixtures/streams/streams.yaml";
const dir = path.resolve("node_modules/.cache/clientgen-streams-test", String(process.pid));
let files: { path: string; text: string }[] = [];
let server: TestServer | undefined;

beforeAll(async () => {
  files = (await generate({ overlays: [], spec })).files;
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, "client", f.path)), { recursive: true });
    writeFileSync(path.join(dir, "client", f.path), f.text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Stream<T> extends AsyncIterable<T> {
  status: number;
  headers: Headers;
  abort(reason?: unknown): void;
}
interface StreamsClient {
  createChat(params: {
    body: { prompt: string; stream?: boolean | null };
  }): Promise<{ text: string } | Stream<{ delta: string }>>;
  tailLines(params?: { tail?: number }): Promise<Stream<{ line: string }>>;
  watchTicks(): Promise<Stream<{ n: number }>>;
  watchText(): Promise<Stream<string>>;
}

async function client(baseUrl: string): Promise<StreamsClient> {
  const mod = (await import(path.join(dir, "client", "index.ts"))) as {
    createStreamsClient(o: object): StreamsClient;
  };
  return mod.createStreamsClient({ baseUrl });
}

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of stream) out.push(item);
  return out;
}

function sse(text: string, contentType = "text/event-stream") {
  return (res: import("node:http").ServerResponse) => {
    res.writeHead(200, { "content-type": contentType });
    res.end(text);
  };
}

describe("generated streaming methods", () => {
  it("compile under --strict, are laid out as prettier prints them, and type calls by the stream field", async () => {
    const usage = [
      'import { createStreamsClient } from "./client/index.js";',
      'import type { EventStream } from "./client/runtime/event-stream.js";',
      'import type { Chat, ChatChunk } from "./client/types.js";',
      "const client = createStreamsClient();",
      "export async function use(flag: boolean): Promise<void> {",
      '  const streamed: EventStream<ChatChunk> = await client.createChat({ body: { prompt: "a", stream: true } });',
      "  for await (const chunk of streamed) chunk.delta.toUpperCase();",
      '  const whole: Chat = await client.createChat({ body: { prompt: "a" } });',
      '  const either: Chat | EventStream<ChatChunk> = await client.createChat({ body: { prompt: "a", stream: flag } });',
      "  for await (const line of await client.tailLines({ tail: 2 })) line.line.toUpperCase();",
      "  for await (const tick of await client.watchTicks()) tick.n.toFixed();",
      "  for await (const text of await client.watchText()) text.toUpperCase();",
      "  void whole; void either;",
      "}",
      "export async function wrong(): Promise<void> {",
      "  // @ts-expect-error a streamed call is not the whole answer",
      '  const whole: Chat = await client.createChat({ body: { prompt: "a", stream: true } });',
      "  void whole;",
      "}",
    ].join("\n");
    const compiled = await compileAlone(
      { client: path.join(dir, "client") },
      { "usage.ts": usage },
    );
    expect(compiled.output).toBe("");
    for (const f of files.filter((f) => f.path.endsWith(".ts") && !f.path.startsWith("runtime/"))) {
      expect(await prettier.format(f.text, prettierOptions), f.path).toBe(f.text);
    }
  });

  it("stream typed events from a local server (SSE, NDJSON, itemSchema, text)", async () => {
    const byPath: Record<string, ReturnType<typeof sse>> = {
      "/lines?tail=2": sse('{"line":"a"}\n{"line":"b"}\n', "application/x-ndjson"),
      "/ticks": sse('event: tick\ndata: {"n":1}\n\nevent: tick\ndata: {"n":2}\n\n'),
      "/text": sse("data: hello\ndata: world\n\n"),
    };
    server = await startServer((res, req) => byPath[req.url](res));
    const api = await client(server.url);
    expect(await collect(await api.tailLines({ tail: 2 }))).toEqual([{ line: "a" }, { line: "b" }]);
    expect(server.requests[0].headers.accept).toContain("application/x-ndjson");
    expect(await collect(await api.watchTicks())).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await collect(await api.watchText())).toEqual(["hello\nworld"]);
  });

  it("answers JSON or a stream by the body's stream field", async () => {
    server = await startServer((res, req, index) => {
      const body = JSON.parse(req.text) as { stream?: boolean };
      if (body.stream)
        return sse('data: {"delta":"he"}\n\ndata: {"delta":"llo"}\n\ndata: [DONE]\n\n')(res);
      return json(200, { text: "hello" })(res, req, index);
    });
    const api = await client(server.url);
    expect(await api.createChat({ body: { prompt: "p" } })).toEqual({ text: "hello" });
    const stream = (await api.createChat({ body: { prompt: "p", stream: true } })) as Stream<{
      delta: string;
    }>;
    expect(stream.status).toBe(200);
    expect((await collect(stream)).map((c) => c.delta).join("")).toBe("hello");
    expect(server.requests[1].headers.accept).toContain("text/event-stream");
  });
});

describe("the dates option", () => {
  it("revives date-time fields of stream events as Date, as the types say", async () => {
    const out = path.join(dir, "dated");
    for (const f of (await generate({ dates: true, overlays: [], spec })).files) {
      mkdirSync(path.dirname(path.join(out, f.path)), { recursive: true });
      writeFileSync(path.join(out, f.path), f.text);
    }
    server = await startServer(sse('data: {"kind":"a","at":"2026-11-29T10:00:00.000Z"}\n\n'));
    const mod = (await import(path.join(out, "index.ts"))) as {
      createStreamsClient(o: object): { watchEvents(): Promise<AsyncIterable<{ at?: Date }>> };
    };
    const events = await collect(
      await mod.createStreamsClient({ baseUrl: server.url }).watchEvents(),
    );
    expect(events[0].at).toBeInstanceOf(Date);
    expect(events[0].at?.toISOString()).toBe("2026-11-29T10:00:00.000Z");
  });
});

describe("which requests stream", () => {
  it("reports an operation answering JSON or a stream with nothing naming the field, and a bad x-clientgen-stream", async () => {
    const { DiagnosticsError } = await import("../../generator/diagnostics/diagnostic.js");
    const error = await generate({
      overlays: [],
      spec: "test/fixtures/streams/ambiguous.yaml",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiagnosticsError);
    const found = (error as InstanceType<typeof DiagnosticsError>).diagnostics.map(
      (d) => `${d.severity} ${d.code} ${d.pointer}`,
    );
    expect(found).toContain("error STR001 #/paths/~1c/get/x-clientgen-stream");
    expect(found).toContain("warning STR003 #/paths/~1a/post");
  });

  it("takes a field named by x-clientgen-stream, NDJSON under application/jsonl, and reads error statuses whole", async () => {
    const fixed = (await import("node:fs"))
      .readFileSync("test/fixtures/streams/ambiguous.yaml", "utf8")
      .replace("x-clientgen-stream: yes", "x-clientgen-idempotent: true");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "ambiguous.yaml"), fixed);
    const result = await generate({ overlays: [], spec: path.join(dir, "ambiguous.yaml") });
    const descriptors = result.files.find((f) => f.path === "descriptors.ts")!.text;
    expect(descriptors).toContain(
      'stream: { format: "ndjson", mediaType: "application/jsonl", isJson: true, field: "live" }',
    );
    expect(descriptors).toContain(
      '{ status: "500", kind: "text", mediaType: "text/event-stream" }',
    );
    // The client's methods are declared by the standalone functions (client.ts derives them).
    const functions = result.files.find((f) => f.path === "functions.ts")!.text;
    expect(functions).toMatch(
      /export function noField\(\s*core: \w+,\s*params\?: op\.NoFieldParams,\s*options\?: RequestOptions,?\s*\): ApiPromise<Record<string, unknown>>/,
    );
    expect(result.diagnostics.map((d) => d.code)).toEqual(["STR003"]);
  });
});

describe("x-clientgen-channels that cannot work", () => {
  it("reports each at its own pointer", async () => {
    const { DiagnosticsError } = await import("../../generator/diagnostics/diagnostic.js");
    const error = await generate({
      overlays: [],
      spec: "test/fixtures/streams/channels.yaml",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiagnosticsError);
    const found = (error as InstanceType<typeof DiagnosticsError>).diagnostics
      .map((d) => `${d.code} ${d.pointer} ${d.message}`)
      .sort();
    expect(found).toEqual([
      "CHN002 #/x-clientgen-channels/idWithoutField a channel resolving to an id (`result: id`) needs `id`: the server message field holding it",
      "CHN002 #/x-clientgen-channels/noEnd a channel resolving to its ending message (`result: end`) needs `end`",
      "CHN002 #/x-clientgen-channels/noPath a channel needs `path`, starting with /",
      "CHN002 #/x-clientgen-channels/requestWithoutAnswer a channel with `request` needs `clientMessage`: the schema of the handler's answer",
      "CHN003 #/x-clientgen-channels/badCode/closeCodes/1006 a close code maps to { outcome: normal | lost | refused | error, meaning: text }",
      "CHN004 #/x-clientgen-channels/listThings channel listThings takes the name of another client method or a reserved one; rename it",
      // a client with a `then` member would be a thenable: awaiting it would call the channel
      "CHN004 #/x-clientgen-channels/then channel then takes the name of another client method or a reserved one; rename it",
    ]);
  });
});

describe("TensorOne's log stream (generated/tensorone)", () => {
  it("streams log lines as server-sent events with the key as bearer and the filters in the query", async () => {
    const { createTensorOneClient } = await import("../../generated/tensorone/index.js");
    server = await startServer(sse("data: boot ok\n\n: keepalive\n\ndata: gpu 0 ready\n\n"));
    const logs = createTensorOneClient({ baseUrl: server.url, apiKey: "t1-key-123456" });
    const stream = await logs.streamClusterLogs({ cluster_id: "cl-1", level: "info" });
    expect(await collect(stream)).toEqual(["boot ok", "gpu 0 ready"]);
    expect(server.requests[0].url).toBe("/v1/clusters/cl-1/logs/stream?level=info");
    expect(server.requests[0].headers.accept).toContain("text/event-stream");
    expect(server.requests[0].headers.authorization).toBe("Bearer t1-key-123456");
  });
});
