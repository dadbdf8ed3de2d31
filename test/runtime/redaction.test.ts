// One redaction rule: the caller's key never shows in any error (message, fields, cause chain,
// toJSON, util.inspect), in headers records, or in a poller's failure, whatever the server echoes.
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import {
  CredentialError,
  OperationFailedError,
  ResponseParseError,
} from "../../templates/runtime/errors.js";
import { apiKeyAuth, basicAuth, bearerAuth } from "../../templates/runtime/auth.js";
import { Transport } from "../../templates/runtime/transport.js";
import { waitFor } from "../../templates/runtime/call-lro.js";
import type { AuthSpec, LroSpec } from "../../templates/runtime/types.js";
import { fakeTime, op } from "./helpers/fixtures.js";
import { closedPort, json, raw, startServer } from "./helpers/http-server.js";
import type { TestServer } from "./helpers/http-server.js";

const KEY = "sk-live-echoed-9f8e7d";
const headerKey: AuthSpec = { type: "apiKey", in: "header", name: "X-Api-Key", apply: apiKeyAuth };
const queryKey: AuthSpec = { type: "apiKey", in: "query", name: "api_key", apply: apiKeyAuth };
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Every way an error reaches a log. */
function everything(error: unknown): string {
  const parts = [
    String(error),
    inspect(error, { depth: 10, showHidden: true }),
    JSON.stringify(error),
  ];
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause)
    parts.push(cause.message, cause.stack ?? "");
  return parts.join("\n");
}

describe("errors never carry the key", () => {
  it("ResponseParseError: text, message, cause (JSON.parse quotes the text) and headers", async () => {
    server = await startServer(
      raw(200, `not json, you sent ${KEY}`, {
        "content-type": "application/json",
        "x-echo": `key=${KEY}`,
      }),
    );
    const transport = new Transport({ apiKey: KEY }, { baseUrl: server.url });
    const error = await transport
      .request(op({ auth: [headerKey] }), undefined)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as ResponseParseError).text).toContain("[redacted]");
    expect(everything(error)).not.toContain(KEY);
  });

  it("ApiError: echoed response headers in util.inspect and error.headers", async () => {
    server = await startServer(
      json(
        401,
        { message: `bad key ${KEY}` },
        { "x-api-key": KEY, "www-authenticate": `Key ${KEY}` },
      ),
    );
    const transport = new Transport({ apiKey: KEY }, { baseUrl: server.url });
    const error = await transport
      .request(op({ auth: [headerKey] }), undefined)
      .catch((caught: unknown) => caught);
    expect((error as { headers: Headers }).headers.get("x-api-key")).toBe("[redacted]");
    expect(everything(error)).not.toContain(KEY);
  });

  it("ConnectionError: a query-string key in the cause chain", async () => {
    const port = await closedPort();
    const transport = new Transport(
      { apiKey: KEY, retry: { maxRetries: 0 } },
      { baseUrl: `http://127.0.0.1:${port}` },
    );
    const error = await transport
      .request(op({ auth: [queryKey] }), undefined)
      .catch((caught: unknown) => caught);
    expect((error as Error).name).toBe("ConnectionError");
    expect(everything(error)).not.toContain(KEY);
  });

  it("whatever a fetch implementation throws about the request is scrubbed before it propagates", async () => {
    const fetch = async (url: RequestInfo | URL): Promise<Response> => {
      throw new TypeError(`invalid URL ${String(url)}`, {
        cause: new Error(`while parsing ${String(url)}`),
      });
    };
    const transport = new Transport({ apiKey: KEY, fetch }, { baseUrl: "http://127.0.0.1:9" });
    const error = await transport
      .request(op({ auth: [queryKey] }), undefined)
      .catch((caught: unknown) => caught);
    expect(everything(error)).not.toContain(KEY);
  });

  it("OperationFailedError: the status body, its error and message", async () => {
    server = await startServer(
      json(200, { status: "FAILED", error: { message: `key ${KEY} revoked`, key: KEY } }),
    );
    const time = fakeTime();
    const transport = new Transport(
      { apiKey: KEY },
      { baseUrl: server.url, sleep: time.sleep, now: time.now },
    );
    const lro: LroSpec = {
      poll: op({
        id: "getJob",
        path: "/jobs/{id}",
        params: [{ name: "id", in: "path" }],
        auth: [headerKey],
      }),
      idParam: "id",
      statusPath: ["status"],
      successValues: ["DONE"],
      failureValues: ["FAILED"],
      errorPath: ["error"],
      defaultIntervalMs: 10,
    };
    const error = await waitFor(transport, "job", lro, ["j1"]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OperationFailedError);
    expect((error as OperationFailedError).message).toContain("[redacted]");
    expect(everything(error)).not.toContain(KEY);
  });

  it("hooks see echoed response headers redacted", async () => {
    server = await startServer(json(200, {}, { "x-echo": KEY }));
    let seen: string | null = "";
    const transport = new Transport(
      { apiKey: KEY, onResponse: (context) => void (seen = context.responseHeaders.get("x-echo")) },
      { baseUrl: server.url },
    );
    await transport.request(op({ auth: [headerKey] }), undefined);
    expect(seen).toBe("[redacted]");
  });
});

describe("keys no request can carry are refused before sending", () => {
  const bad = ["sk-abc\r\nX-Injected: 1", "sk-abc\u0000def", "sk-abc\n"];
  it.each(bad)("%j: CredentialError, nothing sent, the key not quoted", async (key) => {
    server = await startServer(json(200, {}));
    for (const apiKey of [key, async () => key]) {
      const transport = new Transport({ apiKey }, { baseUrl: server.url });
      const error = await transport
        .request(op({ auth: [headerKey] }), undefined)
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CredentialError);
      expect(everything(error)).not.toContain("sk-abc");
    }
    const query = new Transport({ apiKey: key }, { baseUrl: server.url });
    await expect(query.request(op({ auth: [queryKey] }), undefined)).rejects.toBeInstanceOf(
      CredentialError,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("a header key beyond Latin-1 is refused; Basic and query keys are encoded and sent", async () => {
    server = await startServer(json(200, {}));
    const header = new Transport({ apiKey: "sk-ключ-1234" }, { baseUrl: server.url });
    const error = await header
      .request(op({ auth: [{ type: "bearer", apply: bearerAuth }] }), undefined)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CredentialError);
    expect(everything(error)).not.toContain("ключ");
    await header.request(op({ auth: [queryKey] }), undefined);
    await new Transport({ apiKey: "юзер:пароль" }, { baseUrl: server.url }).request(
      op({ auth: [{ type: "basic", apply: basicAuth }] }),
      undefined,
    );
    expect(server.requests).toHaveLength(2);
  });
});
