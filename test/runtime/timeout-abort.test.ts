import { afterEach, describe, expect, it } from "vitest";
import { ConnectionError, TimeoutError } from "../../templates/runtime/errors.js";
import { Transport } from "../../templates/runtime/transport.js";
import { fakeTime, op } from "./helpers/fixtures.js";
import { json, slow, startServer } from "./helpers/http-server.js";
import type { TestServer } from "./helpers/http-server.js";

let server: TestServer;
afterEach(() => server?.close());

const get = op();
const post = op({ method: "POST" });

describe("timeouts", () => {
  it("a slow server past timeoutMs gives TimeoutError naming the timeout; retried for GET", async () => {
    server = await startServer(slow(2000, json(200, {})));
    const time = fakeTime();
    const attempts: number[] = [];
    const transport = new Transport(
      {
        timeoutMs: 50,
        retry: { maxRetries: 1 },
        onRequest: (context) => void attempts.push(context.attempt),
      },
      { baseUrl: server.url, sleep: time.sleep },
    );
    const error = await transport.request(get, undefined).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as TimeoutError).timeoutMs).toBe(50);
    expect((error as Error).message).toContain("timed out after 50 ms");
    // Counted on the client: on a busy machine a 50 ms attempt may end before it reaches the server.
    expect(attempts).toEqual([1, 2]);
  });

  it("timeouts are not retried for POST; per-call timeoutMs overrides the client's", async () => {
    server = await startServer(slow(2000, json(200, {})));
    const attempts: number[] = [];
    const transport = new Transport(
      { timeoutMs: 10_000, onRequest: (context) => void attempts.push(context.attempt) },
      { baseUrl: server.url, sleep: fakeTime().sleep },
    );
    await expect(transport.request(post, undefined, { timeoutMs: 40 })).rejects.toThrow(
      /timed out after 40 ms/,
    );
    // Counted on the client, as above: a 40 ms attempt may end before it reaches the server.
    expect(attempts).toEqual([1]);
  });

  it("covers a body that trickles in too slowly", async () => {
    server = await startServer((res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"a":');
      const timer = setTimeout(() => res.end("1}"), 2000);
      res.on("close", () => clearTimeout(timer));
    });
    const transport = new Transport(
      { timeoutMs: 60, retry: { maxRetries: 0 } },
      { baseUrl: server.url },
    );
    await expect(transport.request(get, undefined)).rejects.toBeInstanceOf(TimeoutError);
  });
});

describe("abort", () => {
  it("rejects at once with the signal's reason during a request", async () => {
    server = await startServer(slow(5000, json(200, {})));
    const transport = new Transport({}, { baseUrl: server.url });
    const controller = new AbortController();
    const reason = new Error("user navigated away");
    setTimeout(() => controller.abort(reason), 30);
    const startedAt = Date.now();
    await expect(transport.request(get, undefined, { signal: controller.signal })).rejects.toBe(
      reason,
    );
    expect(Date.now() - startedAt).toBeLessThan(1000);
  });

  it("rejects with a DOMException AbortError when aborted without a reason, and never retries", async () => {
    const controller = new AbortController();
    // Aborted once the server has the request (a fixed delay raced the connection on a busy machine).
    const abortOnArrival = slow(5000, json(200, {}));
    server = await startServer((res, req, index) => {
      setTimeout(() => controller.abort(), 10);
      return abortOnArrival(res, req, index);
    });
    const transport = new Transport({}, { baseUrl: server.url });
    const error = await transport
      .request(get, undefined, { signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe("AbortError");
    expect(server.requests).toHaveLength(1);
  });

  it("rejects at once during a retry wait, with the real delay", async () => {
    server = await startServer(json(503, {}, { "retry-after": "5" }));
    const transport = new Transport({ retry: { maxDelayMs: 10_000 } }, { baseUrl: server.url });
    const controller = new AbortController();
    const startedAt = Date.now();
    const pending = transport.request(get, undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("stop")), 100);
    await expect(pending).rejects.toThrow("stop");
    expect(Date.now() - startedAt).toBeLessThan(2000);
    expect(server.requests).toHaveLength(1);
  });

  it("rejects at once during a wait even when an injected sleep ignores the signal", async () => {
    server = await startServer(json(500, {}));
    const never = () => new Promise<void>(() => undefined);
    const transport = new Transport({}, { baseUrl: server.url, sleep: never });
    const controller = new AbortController();
    const pending = transport.request(get, undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("stop")), 50);
    await expect(pending).rejects.toThrow("stop");
  });

  it("an already-aborted signal sends nothing", async () => {
    server = await startServer(json(200, {}));
    const transport = new Transport({}, { baseUrl: server.url });
    await expect(
      transport.request(get, undefined, { signal: AbortSignal.abort(new Error("early")) }),
    ).rejects.toThrow("early");
    expect(server.requests).toHaveLength(0);
  });
});
