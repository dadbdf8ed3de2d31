// A 50 MB event stream is read with flat memory: the heap is sampled while events are consumed
// (no time is measured). Buffering the body would hold 50 MB of bytes or 100 MB of string.
import * as v8 from "node:v8";
import * as vm from "node:vm";
import { afterEach, expect, it } from "vitest";
import type { EventStream } from "../../templates/runtime/event-stream.js";
import { Transport } from "../../templates/runtime/transport.js";
import { requestStream } from "../../templates/runtime/call-stream.js";
import { op } from "./helpers/fixtures.js";
import { startServer } from "./helpers/http-server.js";
import type { TestServer } from "./helpers/http-server.js";

let server: TestServer;
afterEach(() => server?.close());

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const TOTAL_BYTES = 50 * 1024 * 1024;

it("consumes a 50 MB SSE stream with flat heap", async () => {
  const event = Buffer.from(`data: {"delta":"${"x".repeat(200)}"}\n\n`);
  const chunk = Buffer.concat(Array.from({ length: 256 }, () => event));
  const chunks = Math.ceil(TOTAL_BYTES / chunk.length);
  server = await startServer(async (res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    for (let i = 0; i < chunks; i++) {
      if (!res.write(chunk)) await new Promise((resolve) => res.once("drain", resolve));
    }
    res.end();
  });
  const transport = new Transport({}, { baseUrl: server.url });
  const spec = op({
    stream: { format: "sse", mediaType: "text/event-stream", isJson: true },
    responses: [{ status: "200", kind: "stream" }],
  });
  gc();
  const baseline = process.memoryUsage().heapUsed;
  const stream = (await requestStream(transport, spec, undefined)) as EventStream<{
    delta: string;
  }>;
  let count = 0;
  let peak = 0;
  for await (const data of stream) {
    if (data.delta.length !== 200) throw new Error("bad event");
    if (++count % 20_000 === 0) {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    }
  }
  expect(count).toBe(chunks * 256);
  expect(count * event.length).toBeGreaterThanOrEqual(TOTAL_BYTES);
  // Growth stays a small fraction of the 50 MB that went through.
  expect(peak).toBeLessThan(8 * 1024 * 1024);
});
