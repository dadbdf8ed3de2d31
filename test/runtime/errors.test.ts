import { afterEach, describe, expect, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  OperationFailedError,
  PermissionDeniedError,
  RateLimitError,
  SdkError,
  TimeoutError,
  UnprocessableEntityError,
} from "../../templates/runtime/errors.js";
import { apiKeyAuth, basicAuth, bearerAuth } from "../../templates/runtime/auth.js";
import { Transport } from "../../templates/runtime/transport.js";
import type { AuthSpec } from "../../templates/runtime/types.js";
import { defaultStyles } from "../../templates/runtime/serialize.js";
import { op } from "./helpers/fixtures.js";
import { json, raw, startServer } from "./helpers/http-server.js";
import type { TestServer } from "./helpers/http-server.js";

let server: TestServer;
afterEach(() => server?.close());

const noRetry = { retry: { maxRetries: 0 } };

async function failWith(
  reply: Parameters<typeof startServer>[0],
  apiKey?: string,
  auth: AuthSpec[] = [],
): Promise<ApiError> {
  server = await startServer(reply);
  const transport = new Transport({ ...noRetry, apiKey }, { baseUrl: server.url });
  const error = await transport
    .request(op({ auth, params: [{ name: "q", in: "query", styles: defaultStyles }] }), { q: "1" })
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("ApiError classes", () => {
  const table: [number, typeof ApiError, string][] = [
    [400, BadRequestError, "400 Bad Request: name is required"],
    [401, AuthenticationError, "401 Unauthorized: name is required"],
    [403, PermissionDeniedError, "403 Forbidden: name is required"],
    [404, NotFoundError, "404 Not Found: name is required"],
    [409, ConflictError, "409 Conflict: name is required"],
    [422, UnprocessableEntityError, "422 Unprocessable Entity: name is required"],
    [429, RateLimitError, "429 Too Many Requests: name is required"],
    [500, InternalServerError, "500 Internal Server Error: name is required"],
    [503, InternalServerError, "503 Service Unavailable: name is required"],
    [418, ApiError, "418 I'm a Teapot: name is required"],
  ];
  it.each(table)("%i -> %o", async (status, ErrorClass, message) => {
    const error = await failWith(
      json(
        status,
        { error: { message: "name is required", code: "E1" } },
        { "x-request-id": "req-9" },
      ),
    );
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(SdkError);
    expect(error.message).toBe(message);
    expect(error.status).toBe(status);
    expect(error.body).toEqual({ error: { message: "name is required", code: "E1" } });
    expect(error.requestId).toBe("req-9");
    expect(error).toMatchObject({
      operationId: "getThings",
      method: "GET",
      url: `${server.url}/things?q=1`,
    });
    expect(error.name).toBe(ErrorClass.name);
  });

  const messages: [string, unknown, string][] = [
    ["message", { message: "m1" }, "400 Bad Request: m1"],
    [
      "TensorPool external_message",
      { external_message: "Cluster quota exceeded" },
      "400 Bad Request: Cluster quota exceeded",
    ],
    [
      "FastAPI detail list",
      { detail: [{ loc: ["body"], msg: "field required" }] },
      "400 Bad Request: field required",
    ],
    [
      "OAuth error_description",
      { error: "invalid_grant", error_description: "expired" },
      "400 Bad Request: expired",
    ],
    ["plain text", "bad things happened\nmore", "400 Bad Request: bad things happened"],
    ["HTML page", "<html>502</html>", "400 Bad Request"],
    ["no body", undefined, "400 Bad Request"],
  ];
  it.each(messages)("message from %s", async (_, body, want) => {
    const reply = typeof body === "string" ? raw(400, body) : json(400, body);
    expect((await failWith(reply)).message).toBe(want);
  });

  it("finds request ids in other headers and in the body", async () => {
    expect((await failWith(json(400, {}, { "x-amzn-requestid": "amz-1" }))).requestId).toBe(
      "amz-1",
    );
    await server.close();
    expect((await failWith(json(400, { meta: { request_id: "m-1" } }))).requestId).toBe("m-1");
    await server.close();
    expect(
      (await failWith(json(400, { error: { details: { requestId: "d-1" } } }))).requestId,
    ).toBe("d-1");
    await server.close();
    expect((await failWith(json(400, {}))).requestId).toBeUndefined();
  });

  it("reads rate-limit headers (X-RateLimit-* and RateLimit-*)", async () => {
    const error = await failWith(
      json(
        429,
        {},
        {
          "x-ratelimit-limit": "100",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": "30",
          "retry-after": "20",
        },
      ),
    );
    expect(error.rateLimit).toEqual({ limit: 100, remaining: 0, reset: 30, retryAfterMs: 20_000 });
    await server.close();
    const ietf = await failWith(
      json(
        429,
        {},
        {
          "ratelimit-limit": "50",
          "ratelimit-remaining": "3",
          "ratelimit-reset": "7",
          "ratelimit-policy": "50;w=60",
        },
      ),
    );
    expect(ietf.rateLimit).toEqual({ limit: 50, remaining: 3, reset: 7, window: 60 });
    await server.close();
    expect((await failWith(json(400, {}))).rateLimit).toBeUndefined();
  });
});

describe("credentials never leak into errors", () => {
  const secret = "sk-live-0123456789abcdef";
  const schemes: [string, AuthSpec][] = [
    ["bearer", { type: "bearer", apply: bearerAuth }],
    ["query key", { type: "apiKey", in: "query", name: "api_key", apply: apiKeyAuth }],
    ["header key", { type: "apiKey", in: "header", name: "X-Api-Key", apply: apiKeyAuth }],
  ];
  it.each(schemes)("%s, even when the server echoes the key", async (_, scheme) => {
    const error = await failWith(
      json(401, { message: `Invalid key ${secret}`, echo: { key: secret } }),
      secret,
      [scheme],
    );
    for (const text of [
      error.message,
      String(error),
      error.stack ?? "",
      JSON.stringify(error),
      error.url,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(error.message).toBe("401 Unauthorized: Invalid key [redacted]");
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: "AuthenticationError",
      status: 401,
      url: `${server.url}/things?q=1`,
    });
    expect(
      server.requests[0].url.includes("api_key") ||
        server.requests[0].headers.authorization ||
        server.requests[0].headers["x-api-key"],
    ).toBeTruthy();
  });

  it("basic auth: neither the password nor its base64 appear", async () => {
    const error = await failWith(json(401, { message: "bad" }), "alice:hunter2-pass", [
      { type: "basic", apply: basicAuth },
    ]);
    const serialized = JSON.stringify(error) + String(error) + error.stack;
    expect(serialized).not.toContain("hunter2-pass");
    expect(serialized).not.toContain(btoa("alice:hunter2-pass"));
    expect(Object.keys(error)).not.toContain("requestHeaders");
  });
});

describe("toJSON: one list of fields for every class (never headers, nor a poller's state)", () => {
  const info = {
    operationId: "getThing",
    method: "GET" as const,
    url: "https://api.test/things/1",
  };
  const cases: [string, SdkError, Record<string, unknown>][] = [
    [
      "ApiError keeps the body, never the headers",
      new NotFoundError({ ...info, status: 404, headers: new Headers({ a: "b" }), body: { x: 1 } }),
      { name: "NotFoundError", message: "404", status: 404, body: { x: 1 }, ...info },
    ],
    [
      "TimeoutError says how long it waited",
      new TimeoutError(info, 250),
      { name: "TimeoutError", timeoutMs: 250, ...info },
    ],
    [
      "OperationFailedError leaves the whole last state to code",
      new OperationFailedError({
        pollerName: "job",
        id: "j-1",
        status: "FAILED",
        state: { big: true },
        error: { code: "E1", message: "boom" },
        statusMessage: undefined,
        isCanceled: false,
      }),
      { name: "OperationFailedError", message: "job j-1 failed (status FAILED): boom", code: "E1" },
    ],
  ];
  it.each(cases)("%s", (_, error, want) => {
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject(want);
    expect(json).not.toHaveProperty("headers");
    expect(json).not.toHaveProperty("state");
  });

  it("writes only the listed fields: one added later is not logged until it is listed", () => {
    const error = new TimeoutError(info, 250);
    Object.assign(error, { requestHeaders: { authorization: "Bearer sk-live-1234" } });
    expect(Object.keys(error.toJSON()).sort()).toEqual(
      ["message", "method", "name", "operationId", "timeoutMs", "url"].sort(),
    );
  });
});

const info404 = {
  operationId: "getThing",
  method: "GET" as const,
  url: "https://api.test/things/1",
};

describe("the summary is the status and the server's reason phrase", () => {
  it("a response without one (HTTP/2 has none) says the status alone; the class names it", () => {
    const headers = new Headers();
    const bare = new NotFoundError({
      ...info404,
      status: 404,
      headers,
      body: { message: "no c-1" },
    });
    expect(`${bare}`).toBe("NotFoundError: 404: no c-1");
    const phrased = new NotFoundError({
      ...info404,
      status: 404,
      statusText: "Not Found",
      headers,
      body: undefined,
    });
    expect(phrased.message).toBe("404 Not Found");
  });
});
