// OpenAI's document, as published in the corpus: createChatCompletion answers JSON or a stream of
// chunks by its `stream` field. The generated client types both, and streams against a local server.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { startServer } from "../runtime/helpers/http-server.js";
import { compileAlone } from "../types/compile.js";
import { corpusDir } from "./corpus.js";

const out = mkdtempSync(path.join(os.tmpdir(), "clientgen-openai-stream-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Chunk {
  id: string;
  choices: { delta: { content?: string } }[];
}
interface OpenAIClient {
  createChatCompletion(params: {
    body: Record<string, unknown>;
  }): Promise<AsyncIterable<Chunk> | { choices: unknown[] }>;
}

it("generates a typed stream for createChatCompletion and streams it", async () => {
  const result = await generate({ overlays: [], spec: path.join(corpusDir, "openai.yaml") });
  for (const f of result.files) {
    mkdirSync(path.dirname(path.join(out, "client", f.path)), { recursive: true });
    writeFileSync(path.join(out, "client", f.path), f.text);
  }
  const client = result.files.find((f) => f.path === "client.ts")!.text;
  expect(client).toContain("): Promise<EventStream<T.CreateChatCompletionStreamResponse>>;");
  const usage = [
    'import { createOpenAiClient } from "./client/index.js";',
    'import type { CreateChatCompletionResponse } from "./client/types.js";',
    "export async function run(): Promise<string> {",
    "  const client = createOpenAiClient();",
    '  const whole: CreateChatCompletionResponse = await client.createChatCompletion({ body: { model: "m", messages: [] } });',
    '  const stream = await client.createChatCompletion({ body: { model: "m", messages: [], stream: true } });',
    '  let text = "";',
    '  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";',
    "  return text + whole.id;",
    "}",
  ].join("\n");
  const factory = /export function (create\w+Client)/.exec(client)![1];
  const compiled = await compileAlone(
    { client: path.join(out, "client") },
    { "usage.ts": usage.replace(/createOpenAiClient/g, factory) },
  );
  expect(compiled.output).toBe("");

  const chunk = (content: string) =>
    JSON.stringify({
      id: "c1",
      object: "chat.completion.chunk",
      created: 1,
      model: "m",
      choices: [{ index: 0, delta: { content }, finish_reason: null }],
    });
  const server = await startServer((res: http.ServerResponse) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.end(`data: ${chunk("Hel")}\n\ndata: ${chunk("lo")}\n\ndata: [DONE]\n\n`);
  });
  try {
    const mod = (await import(path.join(out, "client", "index.ts"))) as Record<
      string,
      (o: object) => OpenAIClient
    >;
    const api = mod[factory]({ baseUrl: server.url, apiKey: "sk-test" });
    const stream = (await api.createChatCompletion({
      body: { model: "m", messages: [], stream: true },
    })) as AsyncIterable<Chunk>;
    let text = "";
    for await (const c of stream) text += c.choices[0].delta.content ?? "";
    expect(text).toBe("Hello");
    expect(server.requests[0].headers.accept).toContain("text/event-stream");
    expect(server.requests[0].headers.authorization).toBe("Bearer sk-test");
  } finally {
    await server.close();
  }
});
