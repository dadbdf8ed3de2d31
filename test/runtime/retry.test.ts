import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import {
  ApiError,
  ConnectionError,
  InternalServerError,
  RateLimitError,
} from "../../templates/runtime/errors.js";
import {
  isIdempotent,
  parseRetryAfterMs,
  resolveRetryOptions,
  retryDelayMs,
} from "../../templates/runtime/retry.js";
import { encodeJson } from "../../templates/runtime/body.js";
import type { AttemptFailure } from "../../templates/runtime/retry.js";
import { Transport } from "../../templates/runtime/transport.js";
import { fakeTime, op } from "./helpers/fixtures.js";
import { closedPort, cutOff, json, startServer } from "./helpers/http-server.js";
import type { TestServer } from "./helpers/http-server.js";

let server: TestServer;
afterEach(() => server?.close());

const get = op();
const post = op({
  id: "createThing",
  method: "POST",
  body: { kind: "json", mediaType: "application/json", encode: encodeJson },
  responses: [{ status: "2XX", kind: "json" }],
});

function transportFor(url: string, retry?: object) {
  const time = fakeTime();
  const transport = new Transport(
    { retry },
    { baseUrl: url, sleep: time.sleep, now: time.now, random: () => 0.5 },
  );
  return { transport, time };
}

describe("retry policy (unit)", () => {
  const now = () => Date.parse("2030-01-01T00:00:00Z");
  it.each([
    [{ "retry-after": "2" }, 2000],
    [{ "retry-after": "0" }, 0],
    [{ "retry-after": "1.5" }, 1500],
    [{ "retry-after-ms": "250", "retry-after": "9" }, 250],
    [{ "retry-after": "Tue, 01 Jan 2030 00:00:04 GMT" }, 4000],
    [{ "retry-after": "Mon, 31 Dec 2029 23:00:00 GMT" }, 0],
    [{ "retry-after": "soon" }, undefined],
    [{ "retry-after": "-3" }, undefined],
    [{ "retry-after": "12abc" }, undefined],
    [{ "retry-after": "2030-01-01" }, undefined],
    [{}, undefined],
  ])("parseRetryAfterMs(%o) = %s", (headers, want) => {
    expect(parseRetryAfterMs(new Headers(headers as Record<string, string>), now)).toBe(want);
  });

  it("backs off exponentially with equal jitter, capped", () => {
    const policy = resolveRetryOptions({ initialDelayMs: 100, maxDelayMs: 1000, maxRetries: 9 });
    const backoffMs = (n: number, random: () => number) =>
      retryDelayMs(get, undefined, { status: 500 }, n, policy, random);
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, () => 0.999999))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
  });

  it("merges defaults, client and call options", () => {
    expect(resolveRetryOptions()).toEqual({ maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8000 });
    expect(resolveRetryOptions({ maxRetries: 5 }, { initialDelayMs: 1 })).toEqual({
      maxRetries: 5,
      initialDelayMs: 1,
      maxDelayMs: 8000,
    });
  });

  const failures: [string, AttemptFailure, boolean, boolean][] = [
    ["500", { status: 500 }, true, false],
    ["502", { status: 502 }, true, false],
    ["503 no hint", { status: 503 }, true, false],
    ["503 with hint", { status: 503, retryAfterMs: 10 }, true, true],
    ["504", { status: 504 }, true, false],
    ["408", { status: 408 }, true, false],
    ["429", { status: 429 }, true, true],
    ["400", { status: 400 }, false, false],
    ["404", { status: 404, retryAfterMs: 10 }, false, false],
    ["refused", { isNotSent: true }, true, true],
    ["reset", {}, true, false],
    ["timeout", {}, true, false],
  ];
  it.each(failures)("%s (retryable for GET / POST as tabled)", (_, failure, forGet, forPost) => {
    const policy = resolveRetryOptions();
    expect(retryDelayMs(get, undefined, failure, 1, policy, () => 0) !== undefined).toBe(forGet);
    expect(retryDelayMs(post, undefined, failure, 1, policy, () => 0) !== undefined).toBe(forPost);
  });

  // Descriptors spell isIdempotent only where the method does not say it (a marked POST/PATCH).
  it.each([
    ["GET", undefined, true],
    ["HEAD", undefined, true],
    ["PUT", undefined, true],
    ["DELETE", undefined, true],
    ["OPTIONS", undefined, true],
    ["POST", undefined, false],
    ["PATCH", undefined, false],
    ["POST", true, true],
    ["PATCH", true, true],
    ["GET", false, false],
  ] as const)("%s with isIdempotent %s is idempotent: %s", (method, mark, want) => {
    expect(isIdempotent(op({ method, isIdempotent: mark }))).toBe(want);
  });
});

describe("retries on the wire", () => {
  it("503 with Retry-After then 200: waits the hint", async () => {
    server = await startServer(json(503, {}, { "retry-after": "2" }), json(200, { ok: true }));
    const { transport, time } = transportFor(server.url);
    expect(await transport.request(get, undefined)).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
    expect(time.waits).toEqual([2000]);
  });

  it("429 with Retry-After on POST is retried once, same body", async () => {
    server = await startServer(
      json(429, { message: "slow down" }, { "retry-after": "1" }),
      json(201, { id: 7 }),
    );
    const { transport, time } = transportFor(server.url);
    expect(await transport.request(post, { body: { n: 1 } })).toEqual({ id: 7 });
    expect(server.requests.map((seen) => [seen.method, seen.text])).toEqual([
      ["POST", '{"n":1}'],
      ["POST", '{"n":1}'],
    ]);
    expect(time.waits).toEqual([1000]);
  });

  it("500 on POST is NOT retried", async () => {
    server = await startServer(json(500, { message: "boom" }), json(201, {}));
    const { transport, time } = transportFor(server.url);
    await expect(transport.request(post, { body: {} })).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
    expect(time.waits).toEqual([]);
  });

  it("503 on POST is retried only with a Retry-After", async () => {
    server = await startServer(json(503, {}));
    const { transport } = transportFor(server.url);
    await expect(transport.request(post, { body: {} })).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it("500 on GET is retried maxRetries times with growing backoff, then thrown", async () => {
    server = await startServer(json(500, { message: "boom" }));
    const { transport, time } = transportFor(server.url);
    await expect(transport.request(get, undefined)).rejects.toThrow(
      "500 Internal Server Error: boom",
    );
    expect(server.requests).toHaveLength(3);
    expect(time.waits).toEqual([375, 750]);
  });

  it("per-call retry options override the client's; maxRetries 0 turns retrying off", async () => {
    server = await startServer(json(502, {}));
    const { transport } = transportFor(server.url, { maxRetries: 4 });
    await expect(
      transport.request(get, undefined, { retry: { maxRetries: 0 } }),
    ).rejects.toBeInstanceOf(ApiError);
    expect(server.requests).toHaveLength(1);
    await expect(
      transport.request(get, undefined, { retry: { maxRetries: 1 } }),
    ).rejects.toBeInstanceOf(ApiError);
    expect(server.requests).toHaveLength(3);
  });

  it("Retry-After as an HTTP date is waited until that time; garbage falls back to backoff", async () => {
    const time = fakeTime(Date.parse("2030-01-01T00:00:00Z"));
    server = await startServer(
      json(503, {}, { "retry-after": new Date(time.now() + 3000).toUTCString() }),
      json(503, {}, { "retry-after": "later, maybe" }),
      json(200, {}),
    );
    const transport = new Transport(
      {},
      { baseUrl: server.url, sleep: time.sleep, now: time.now, random: () => 0.5 },
    );
    await transport.request(get, undefined);
    expect(time.waits).toEqual([3000, 750]);
  });

  it("honours retry-after-ms", async () => {
    server = await startServer(json(429, {}, { "retry-after-ms": "120" }), json(200, {}));
    const { transport, time } = transportFor(server.url);
    await transport.request(get, undefined);
    expect(time.waits).toEqual([120]);
  });

  it("a hint above maxDelayMs is not waited: thrown at once with retryAfterMs", async () => {
    server = await startServer(
      json(429, { message: "quota" }, { "retry-after": "60", "x-ratelimit-remaining": "0" }),
      json(200, {}),
    );
    const { transport, time } = transportFor(server.url);
    const error = await transport.request(get, undefined).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({
      retryAfterMs: 60_000,
      rateLimit: { remaining: 0, retryAfterMs: 60_000 },
    });
    expect(server.requests).toHaveLength(1);
    expect(time.waits).toEqual([]);
  });

  it("connection refused is retried (even for POST: nothing was sent) and ends in ConnectionError", async () => {
    const port = await closedPort();
    const { transport, time } = transportFor(`http://127.0.0.1:${port}`);
    const error = await transport.request(post, { body: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain("ECONNREFUSED");
    expect((error as Error).message).toContain(`POST http://127.0.0.1:${port}/things`);
    expect(time.waits).toHaveLength(2);
  });

  it("connection refused then the server comes up: succeeds", async () => {
    const port = await closedPort();
    const late = http.createServer((_, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end('{"up":true}'),
    );
    const time = fakeTime();
    const sleep = async (ms: number) => {
      await time.sleep(ms);
      if (!late.listening)
        await new Promise<void>((resolve) => late.listen(port, "127.0.0.1", resolve));
    };
    try {
      const transport = new Transport(
        {},
        { baseUrl: `http://127.0.0.1:${port}`, sleep, random: () => 0 },
      );
      expect(await transport.request(get, undefined)).toEqual({ up: true });
      expect(time.waits).toHaveLength(1);
    } finally {
      late.closeAllConnections();
      await new Promise((resolve) => late.close(resolve));
    }
  });

  // What undici, Node's per-address attempts and Bun throw: the code hides in a cause or an AggregateError.
  const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), {
    code: "ECONNREFUSED",
  });
  it.each([
    ["undici's cause", new TypeError("fetch failed", { cause: refused }), 3, refused.message],
    [
      "an AggregateError's errors",
      new TypeError("fetch failed", { cause: new AggregateError([refused], "") }),
      3,
      "fetch failed",
    ],
    [
      "a cause of a cause",
      new TypeError("fetch failed", { cause: new Error("outer", { cause: refused }) }),
      3,
      refused.message,
    ],
    [
      "a code that may have been sent",
      new TypeError("fetch failed", {
        cause: Object.assign(new Error("reset"), { code: "ECONNRESET" }),
      }),
      1,
      "reset",
    ],
    ["no code at all (a browser)", new TypeError("Failed to fetch"), 1, "Failed to fetch"],
  ])(
    "POST failing in fetch with %s: tries %i, says the innermost message",
    async (_, thrown, tries, message) => {
      const time = fakeTime();
      let calls = 0;
      const fetch = async () => {
        calls++;
        throw thrown;
      };
      const transport = new Transport(
        { fetch },
        { baseUrl: "http://127.0.0.1:9", sleep: time.sleep, random: () => 0.5 },
      );
      const error = await transport.request(post, { body: {} }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as Error).message).toContain(`Connection failed: ${message}`);
      expect(calls).toBe(tries);
    },
  );

  it("a descriptor without retry follows the API's policy (TransportDefaults.retry); its own wins", async () => {
    const apiRetry = { statusCodes: ["5XX"], maxRetries: 1 };
    const own = op({ id: "ownPolicy", retry: {} });
    server = await startServer(json(501, {}), json(200, {}), json(501, {}));
    const time = fakeTime();
    const transport = new Transport(
      {},
      { baseUrl: server.url, retry: apiRetry, sleep: time.sleep, random: () => 0.5 },
    );
    // 501 is not in the runtime's default set, but in the API's "5XX".
    expect(await transport.request(get, undefined)).toEqual({});
    // `retry: {}` is the descriptor's own (empty) policy: the default set, no retry of a 501.
    await expect(transport.request(own, undefined)).rejects.toBeInstanceOf(ApiError);
    expect(server.requests).toHaveLength(3);
  });

  it("a connection reset mid-body is a ConnectionError; retried for GET, not for POST", async () => {
    server = await startServer(cutOff());
    const { transport } = transportFor(server.url);
    const error = await transport.request(get, undefined).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain("Connection lost while reading the response");
    expect(server.requests).toHaveLength(3);
    await expect(transport.request(post, { body: {} })).rejects.toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(4);
  });
});
