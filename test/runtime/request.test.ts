import { afterEach, describe, expect, it } from "vitest";
import { encodeBinary, encodeJson, encodeText } from "../../templates/runtime/body.js";
import { apiKeyAuth, basicAuth, bearerAuth } from "../../templates/runtime/auth.js";
import { encodeForm, encodeMultipart } from "../../templates/runtime/body-forms.js";
import { defaultStyles } from "../../templates/runtime/serialize.js";
import { ResponseParseError } from "../../templates/runtime/errors.js";
import { Transport } from "../../templates/runtime/transport.js";
import type { AuthSpec, RequestContext, ResponseContext } from "../../templates/runtime/types.js";
import { op } from "./helpers/fixtures.js";
import { json, raw, startServer } from "./helpers/http-server.js";
import type { TestServer } from "./helpers/http-server.js";

let server: TestServer;
afterEach(() => server?.close());

describe("request bodies", () => {
  it("sends JSON with its media type", async () => {
    server = await startServer(json(201, { id: 1 }));
    const transport = new Transport({}, { baseUrl: server.url });
    const spec = op({
      method: "POST",
      body: { kind: "json", mediaType: "application/json", encode: encodeJson },
      responses: [{ status: "201", kind: "json" }],
    });
    expect(await transport.request(spec, { body: { name: "x", tags: ["a"] } })).toEqual({ id: 1 });
    expect(server.requests[0].headers["content-type"]).toBe("application/json");
    expect(JSON.parse(server.requests[0].text)).toEqual({ name: "x", tags: ["a"] });
  });

  it("sends form bodies with arrays repeated and objects exploded", async () => {
    server = await startServer(json(200, {}));
    const transport = new Transport({}, { baseUrl: server.url });
    const spec = op({
      method: "POST",
      body: { kind: "form", mediaType: "application/x-www-form-urlencoded", encode: encodeForm },
    });
    await transport.request(spec, {
      body: {
        grant_type: "password",
        scope: ["a", "b"],
        extra: { x: 1 },
        skip: undefined,
        empty: null,
      },
    });
    expect(server.requests[0].headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(server.requests[0].text).toBe("grant_type=password&scope=a&scope=b&x=1");
  });

  it("sends multipart with Blobs as files, arrays repeated, objects as JSON; fetch sets the boundary", async () => {
    server = await startServer(json(200, {}));
    const transport = new Transport({}, { baseUrl: server.url });
    const spec = op({
      method: "POST",
      body: { kind: "multipart", mediaType: "multipart/form-data", encode: encodeMultipart },
    });
    const file = new File(["hello file"], "a.txt", { type: "text/plain" });
    await transport.request(spec, { body: { file, tags: ["x", "y"], meta: { k: 1 }, n: 5 } });
    const seen = server.requests[0];
    expect(seen.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen.text).toContain('name="file"; filename="a.txt"');
    expect(seen.text).toContain("hello file");
    expect(seen.text.match(/name="tags"/g)).toHaveLength(2);
    expect(seen.text).toContain('{"k":1}');
    expect(seen.text).toMatch(/name="n"\r\n\r\n5\r\n/);
  });

  it("sends binary bodies as is, including streams (which are never retried)", async () => {
    server = await startServer(json(200, {}), json(500, {}), json(200, {}));
    const transport = new Transport({ retry: { initialDelayMs: 0 } }, { baseUrl: server.url });
    const spec = op({
      method: "PUT",
      body: { kind: "binary", mediaType: "application/octet-stream", encode: encodeBinary },
    });
    await transport.request(spec, { body: new Uint8Array([0, 1, 2, 255]) });
    expect([...server.requests[0].body]).toEqual([0, 1, 2, 255]);
    expect(server.requests[0].headers["content-type"]).toBe("application/octet-stream");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("streamed"));
        controller.close();
      },
    });
    await expect(transport.request(spec, { body: stream })).rejects.toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].text).toBe("streamed");
  });

  it("sends text bodies with String(value), and honours bodyArg", async () => {
    server = await startServer(json(200, {}));
    const transport = new Transport({}, { baseUrl: server.url });
    const spec = op({
      method: "POST",
      body: { kind: "text", mediaType: "text/plain", bodyArg: "content", encode: encodeText },
    });
    await transport.request(spec, { content: 42 });
    expect(server.requests[0].text).toBe("42");
    expect(server.requests[0].headers["content-type"]).toBe("text/plain");
  });
});

describe("auth", () => {
  const cases: [
    string,
    AuthSpec[],
    string,
    (seen: TestServer["requests"][number]) => unknown,
    unknown,
  ][] = [
    [
      "bearer",
      [{ type: "bearer", apply: bearerAuth }],
      "sk-secret-1",
      (seen) => seen.headers.authorization,
      "Bearer sk-secret-1",
    ],
    [
      "basic (UTF-8)",
      [{ type: "basic", apply: basicAuth }],
      "zoë:pässword",
      (seen) => seen.headers.authorization,
      `Basic ${Buffer.from("zoë:pässword").toString("base64")}`,
    ],
    [
      "apiKey header",
      [{ type: "apiKey", in: "header", name: "X-Api-Key", apply: apiKeyAuth }],
      "k-123456",
      (seen) => seen.headers["x-api-key"],
      "k-123456",
    ],
    [
      "apiKey query",
      [{ type: "apiKey", in: "query", name: "api_key", apply: apiKeyAuth }],
      "k 1&2",
      (seen) => seen.url,
      "/things?page=2&api_key=k%201%262",
    ],
    [
      "apiKey cookie",
      [{ type: "apiKey", in: "cookie", name: "sid", apply: apiKeyAuth }],
      "c-123456",
      (seen) => seen.headers.cookie,
      "sid=c-123456",
    ],
    [
      "first satisfiable: basic skipped for a key without ':'",
      [
        { type: "basic", apply: basicAuth },
        { type: "bearer", apply: bearerAuth },
      ],
      "tok-1234",
      (seen) => seen.headers.authorization,
      "Bearer tok-1234",
    ],
  ];
  it.each(cases)("%s", async (_, auth, apiKey, read, want) => {
    server = await startServer(json(200, {}));
    const transport = new Transport({ apiKey }, { baseUrl: server.url });
    await transport.request(
      op({ auth, params: [{ name: "page", in: "query", styles: defaultStyles }] }),
      { page: 2 },
    );
    expect(read(server.requests[0])).toBe(want);
  });

  it("calls an async key function per attempt and sends nothing without a key", async () => {
    server = await startServer(json(503, {}), json(200, {}), json(200, {}));
    let calls = 0;
    const transport = new Transport(
      { apiKey: async () => `tok-${++calls}`, retry: { initialDelayMs: 0 } },
      { baseUrl: server.url },
    );
    await transport.request(op({ auth: [{ type: "bearer", apply: bearerAuth }] }), undefined);
    expect(server.requests.map((seen) => seen.headers.authorization)).toEqual([
      "Bearer tok-1",
      "Bearer tok-2",
    ]);
    await new Transport({}, { baseUrl: server.url }).request(
      op({ auth: [{ type: "bearer", apply: bearerAuth }] }),
      undefined,
    );
    expect(server.requests[2].headers.authorization).toBeUndefined();
  });

  it("an operation without auth uses the API's security (TransportDefaults.auth); auth: [] sends none", async () => {
    server = await startServer(json(200, {}), json(200, {}));
    const headerKey: AuthSpec = {
      type: "apiKey",
      in: "header",
      name: "X-Api-Key",
      apply: apiKeyAuth,
    };
    const seen: RequestContext[] = [];
    const transport = new Transport(
      { apiKey: "k-123456", onRequest: (context) => void seen.push(context) },
      { baseUrl: server.url, auth: [headerKey] },
    );
    await transport.request(op({ auth: undefined }), undefined, {
      headers: { "X-Api-Key": "mine" },
    });
    await transport.request(op({ auth: [] }), undefined);
    expect(server.requests.map((request) => request.headers["x-api-key"])).toEqual([
      "mine",
      undefined,
    ]);
    // The hook sees the API's key header redacted, the caller's value included.
    expect(seen[0].headers["x-api-key"]).toBe("[redacted]");
  });

  it("a descriptor pairing a scheme with another type's placer fails loudly, sending nothing", async () => {
    server = await startServer(json(200, {}));
    const transport = new Transport({ apiKey: "tok-1234" }, { baseUrl: server.url });
    const mismatched = op({ auth: [{ type: "bearer", apply: apiKeyAuth }] });
    const error = await transport.request(mismatched, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe("apiKeyAuth got a bearer scheme");
    expect(server.requests).toHaveLength(0);
  });
});

describe("hooks", () => {
  it("see each attempt with credentials redacted in headers and URL", async () => {
    server = await startServer(json(500, {}), json(200, { ok: 1 }, { "x-request-id": "r1" }));
    const requests: RequestContext[] = [];
    const responses: ResponseContext[] = [];
    const transport = new Transport(
      {
        apiKey: "sk-very-secret",
        retry: { initialDelayMs: 0 },
        onRequest: (context) => void requests.push(context),
        onResponse: (context) => void responses.push(context),
      },
      { baseUrl: server.url },
    );
    const auth: AuthSpec[] = [{ type: "bearer", apply: bearerAuth }];
    await transport.request(
      op({ auth, params: [{ name: "s", in: "cookie", styles: defaultStyles }] }),
      { s: "1" },
      { headers: { "X-Custom": "c" } },
    );
    expect(requests.map((context) => context.attempt)).toEqual([1, 2]);
    expect(requests[0]).toMatchObject({
      operationId: "getThings",
      method: "GET",
      url: `${server.url}/things`,
    });
    expect(requests[0].headers).toEqual({
      accept: "application/json",
      authorization: "[redacted]",
      cookie: "s=1",
      "x-custom": "c",
    });
    expect(responses.map((context) => context.status)).toEqual([500, 200]);
    expect(responses[1].responseHeaders.get("x-request-id")).toBe("r1");
    expect(responses[1].durationMs).toBeGreaterThanOrEqual(0);
    // The response context carries the request's fields too (listed one by one in attempt.ts).
    expect(responses[1]).toMatchObject({ ...requests[1], attempt: 2 });
    expect(JSON.stringify([requests, responses])).not.toContain("sk-very-secret");
  });

  it("redact apiKey cookies and query keys", async () => {
    server = await startServer(json(200, {}));
    const seen: RequestContext[] = [];
    const auth: AuthSpec[] = [{ type: "apiKey", in: "cookie", name: "sid", apply: apiKeyAuth }];
    const transport = new Transport(
      { apiKey: "cookie-secret", onRequest: (context) => void seen.push(context) },
      { baseUrl: server.url },
    );
    await transport.request(op({ auth }), undefined);
    expect(seen[0].headers.cookie).toBe("sid=[redacted]");
    const queryAuth: AuthSpec[] = [{ type: "apiKey", in: "query", name: "key", apply: apiKeyAuth }];
    await new Transport(
      { apiKey: "query-secret", onRequest: (context) => void seen.push(context) },
      { baseUrl: server.url },
    ).request(op({ auth: queryAuth }), undefined);
    expect(seen[1].url).toBe(`${server.url}/things`);
    expect(server.requests[1].url).toBe("/things?key=query-secret");
  });
});

describe("responses", () => {
  it("parses per declared kind: text, binary, empty, empty JSON", async () => {
    server = await startServer(
      raw(200, "plain"),
      raw(200, "\x00\x01", { "content-type": "application/octet-stream" }),
      raw(204, ""),
      raw(200, ""),
    );
    const transport = new Transport({}, { baseUrl: server.url });
    expect(
      await transport.request(op({ responses: [{ status: "2XX", kind: "text" }] }), undefined),
    ).toBe("plain");
    const blob = await transport.request<Blob>(
      op({ responses: [{ status: "default", kind: "binary" }] }),
      undefined,
    );
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.size).toBe(2);
    expect(
      await transport.request(op({ responses: [{ status: "204", kind: "empty" }] }), undefined),
    ).toBeUndefined();
    expect(await transport.request(op(), undefined)).toBeUndefined();
  });

  it("prefers the exact status over the range over default", async () => {
    server = await startServer(raw(201, '{"a":1}', { "content-type": "application/json" }));
    const transport = new Transport({}, { baseUrl: server.url });
    const spec = op({
      responses: [
        { status: "default", kind: "text" },
        { status: "2XX", kind: "text" },
        { status: "201", kind: "json" },
      ],
    });
    expect(await transport.request(spec, undefined)).toEqual({ a: 1 });
  });

  it("parses 2xx statuses by content type when the operation declares no result", async () => {
    server = await startServer(
      json(202, { queued: true }),
      raw(203, "hi", { "content-type": "text/plain" }),
    );
    const transport = new Transport({}, { baseUrl: server.url });
    const spec = op({ responses: [{ status: "default", kind: "json" }] });
    expect(await transport.request(spec, undefined)).toEqual({ queued: true });
    expect(await transport.request(op({ responses: [] }), undefined)).toBe("hi");
  });

  it("throws ResponseParseError for malformed JSON on a 2xx, with status and a snippet; never retried", async () => {
    server = await startServer(raw(200, '{"oops": ', { "content-type": "application/json" }));
    const transport = new Transport({}, { baseUrl: server.url });
    const error = await transport.request(op(), undefined).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toMatchObject({ status: 200, text: '{"oops": ', operationId: "getThings" });
    expect((error as Error).message).toContain("not valid JSON");
    expect(server.requests).toHaveLength(1);
  });

  it("send() returns status and headers", async () => {
    server = await startServer(json(200, { a: 1 }, { "retry-after": "3" }));
    const result = await new Transport({}, { baseUrl: server.url }).send(op(), undefined);
    expect(result.status).toBe(200);
    expect(result.headers.get("retry-after")).toBe("3");
    expect(result.body).toEqual({ a: 1 });
  });
});

describe("requests fetch refuses", () => {
  it("a TypeError about the request itself is thrown as it is, not retried as a connection error", async () => {
    let calls = 0;
    const transport = new Transport(
      {
        fetch: async () => {
          calls++;
          throw new TypeError("Request with GET/HEAD method cannot have body.");
        },
      },
      { baseUrl: "http://127.0.0.1:9" },
    );
    const error = await transport.request(op(), undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(calls).toBe(1);
  });

  it("sends Accept for what the responses declare, success types first", async () => {
    let accept: string | null = null;
    const transport = new Transport(
      {
        fetch: async (_url, init) => {
          accept = new Headers(init?.headers).get("accept");
          return new Response("data: x\n\n", { headers: { "content-type": "text/event-stream" } });
        },
      },
      { baseUrl: "http://127.0.0.1:9" },
    );
    await transport.request(
      op({
        responses: [
          { status: "400", kind: "json" },
          { status: "200", kind: "text", mediaType: "text/event-stream" },
        ],
      }),
      undefined,
    );
    expect(accept).toBe("text/event-stream, application/json");
  });
});

describe("request headers", () => {
  it("merge defaults, auth and caller headers case-insensitively, caller last", async () => {
    server = await startServer(json(200, {}));
    const transport = new Transport(
      { apiKey: "k-123", headers: { ACCEPT: "application/x-custom", "X-Client": "c" } },
      { baseUrl: server.url },
    );
    const spec = op({
      auth: [{ type: "bearer", apply: bearerAuth }],
      params: [
        { name: "X-Trace", in: "header", styles: defaultStyles },
        { name: "session", in: "cookie", styles: defaultStyles },
      ],
    });
    await transport.request(
      spec,
      { "X-Trace": "t1", session: "s 1" },
      {
        headers: { authorization: "Bearer override", Cookie: "a=b" },
      },
    );
    const seen = server.requests[0].headers;
    expect(seen.accept).toBe("application/x-custom");
    expect(seen.authorization).toBe("Bearer override");
    expect(seen["x-client"]).toBe("c");
    expect(seen["x-trace"]).toBe("t1");
    expect(seen.cookie).toBe("a=b; session=s%201");
  });

  it("a header value that cannot be sent is a TypeError at once: nothing sent, nothing retried", async () => {
    server = await startServer(json(200, {}));
    const transport = new Transport({}, { baseUrl: server.url });
    const error = await transport
      .request(op(), undefined, { headers: { "X-Bad": "a\r\nInjected: 1" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("text bodies", () => {
  it("send a structured value as JSON text, not [object Object]", async () => {
    let sent: unknown;
    const transport = new Transport(
      {
        fetch: async (_url, init) => {
          sent = init?.body;
          return new Response(null, { status: 204 });
        },
      },
      { baseUrl: "http://127.0.0.1:9" },
    );
    const spec = op({
      method: "POST",
      body: { kind: "text", mediaType: "text/plain", encode: encodeText },
      responses: [{ status: "204", kind: "empty" }],
    });
    await transport.request(spec, { body: { a: 1 } });
    expect(sent).toBe('{"a":1}');
    await transport.request(spec, { body: "plain" });
    expect(sent).toBe("plain");
  });
});
