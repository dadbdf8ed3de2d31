// Redirects against two hostile local servers (two ports = two origins): credentials of every kind
// stay on the origin they were given for; same-origin redirects are followed by the runtime's rules.
import { afterEach, describe, expect, it } from "vitest";
import { encodeJson } from "../../templates/runtime/body.js";
import { apiKeyAuth, bearerAuth } from "../../templates/runtime/auth.js";
import { ApiError, UnexpectedStatusError } from "../../templates/runtime/errors.js";
import { MAX_REDIRECTS } from "../../templates/runtime/redirects.js";
import { Transport } from "../../templates/runtime/transport.js";
import { sendUrl } from "../../templates/runtime/send-url.js";
import type { AuthSpec, OperationSpec } from "../../templates/runtime/types.js";
import { op } from "./helpers/fixtures.js";
import { json, startServer } from "./helpers/http-server.js";
import type { Reply, TestServer } from "./helpers/http-server.js";

const KEY = "sk-live-redirect-secret";
let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function start(...replies: Reply[]): Promise<TestServer> {
  const server = await startServer(...replies);
  servers.push(server);
  return server;
}

function redirect(status: number, location: () => string): Reply {
  return (res) => {
    res.writeHead(status, { location: location() });
    res.end();
  };
}

const schemes: [string, AuthSpec][] = [
  ["an api key header", { type: "apiKey", in: "header", name: "X-Api-Key", apply: apiKeyAuth }],
  ["an api key in the query", { type: "apiKey", in: "query", name: "api_key", apply: apiKeyAuth }],
  ["an api key cookie", { type: "apiKey", in: "cookie", name: "session", apply: apiKeyAuth }],
  ["a bearer token", { type: "bearer", apply: bearerAuth }],
];

describe("cross-origin redirects", () => {
  it.each(schemes)("never carry %s (or anything else) to another origin", async (_, scheme) => {
    const other = await start(json(200, { stolen: true }));
    const api = await start(redirect(302, () => `${other.url}/collect?from=api`));
    const transport = new Transport({ apiKey: KEY }, { baseUrl: api.url });
    const error = await transport
      .request(op({ auth: [scheme] }), undefined)
      .catch((caught: unknown) => caught);
    expect(other.requests).toHaveLength(0);
    expect(error).toBeInstanceOf(UnexpectedStatusError);
    expect(error).toMatchObject({ status: 302, location: `${other.url}/collect?from=api` });
    expect((error as Error).message).toContain("another origin");
    expect(JSON.stringify(error)).not.toContain(KEY);
  });

  it("a 307 never re-sends a POST body to another origin", async () => {
    const other = await start(json(200, {}));
    const api = await start(redirect(307, () => `${other.url}/collect`));
    const transport = new Transport({ apiKey: KEY }, { baseUrl: api.url });
    const post = op({
      method: "POST",
      body: { kind: "json", mediaType: "application/json", encode: encodeJson },
      auth: [schemes[0][1]],
    });
    await expect(transport.request(post, { body: { card: "4111" } })).rejects.toBeInstanceOf(
      UnexpectedStatusError,
    );
    expect(other.requests).toHaveLength(0);
    expect(api.requests).toHaveLength(1);
  });

  it("a same-origin status URL that redirects elsewhere is not followed either", async () => {
    const other = await start(json(200, { status: "done" }));
    const api = await start(redirect(303, () => `${other.url}/status`));
    const transport = new Transport({ apiKey: KEY }, { baseUrl: api.url });
    const poll = op({ auth: [schemes[0][1]], responses: [] });
    await expect(sendUrl(transport, poll, "/operations/1", {}, "status URL")).rejects.toMatchObject(
      {
        status: 303,
      },
    );
    expect(api.requests.map((seen) => seen.url)).toEqual(["/operations/1"]);
    expect(other.requests).toHaveLength(0);
  });
});

describe("same-origin redirects", () => {
  it("are followed for GET, keeping the credential", async () => {
    const api = await start(
      redirect(301, () => "/v2/things"),
      json(200, { moved: true }),
    );
    const transport = new Transport({ apiKey: KEY }, { baseUrl: api.url });
    expect(await transport.request(op({ auth: [schemes[0][1]] }), undefined)).toEqual({
      moved: true,
    });
    expect(api.requests.map((seen) => [seen.url, seen.headers["x-api-key"]])).toEqual([
      ["/things", KEY],
      ["/v2/things", KEY],
    ]);
  });

  it("307/308 keep method and body; 301/302/303 after a POST are not followed", async () => {
    const post = op({
      method: "POST",
      body: { kind: "json", mediaType: "application/json", encode: encodeJson },
    });
    const api = await start(
      redirect(307, () => "/retry-here"),
      json(200, { ok: 1 }),
    );
    const transport = new Transport({}, { baseUrl: api.url });
    expect(await transport.request(post, { body: { n: 1 } })).toEqual({ ok: 1 });
    expect(api.requests.map((seen) => [seen.method, seen.url, seen.text])).toEqual([
      ["POST", "/things", '{"n":1}'],
      ["POST", "/retry-here", '{"n":1}'],
    ]);

    const api2 = await start(
      redirect(303, () => "/result"),
      json(200, {}),
    );
    const transport2 = new Transport({}, { baseUrl: api2.url });
    const error = await transport2
      .request(post, { body: { n: 1 } })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 303, location: "/result" });
    expect((error as Error).message).toContain("only 307/308");
    expect(api2.requests).toHaveLength(1);
  });

  it("a declared 3xx is a result, handed to the caller unfollowed", async () => {
    const api = await start(redirect(302, () => "/elsewhere"));
    const transport = new Transport({}, { baseUrl: api.url });
    const spec: OperationSpec = op({
      responses: [
        { status: "200", kind: "json" },
        { status: "302", kind: "empty" },
      ],
    });
    const result = await transport.send(spec, undefined);
    expect(result).toMatchObject({ status: 302, body: undefined });
    expect(result.headers.get("location")).toBe("/elsewhere");
    expect(api.requests).toHaveLength(1);
  });

  it(`stops after ${MAX_REDIRECTS} hops with an error naming the status`, async () => {
    let hop = 0;
    const api = await start(redirect(302, () => `/loop/${++hop}`));
    const transport = new Transport({}, { baseUrl: api.url });
    const error = await transport.request(op(), undefined).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toContain(`more than ${MAX_REDIRECTS} redirects`);
    expect(api.requests).toHaveLength(MAX_REDIRECTS + 1);
  });
});

describe("browsers (opaque redirects)", () => {
  const opaque = (): Response => {
    const response = new Response(null, { status: 200 });
    Object.defineProperty(response, "type", { value: "opaqueredirect" });
    Object.defineProperty(response, "status", { value: 0 });
    return response;
  };

  it("re-sends a GET with redirect: follow when only Authorization carries the credential", async () => {
    const calls: RequestRedirect[] = [];
    const fetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      calls.push(init?.redirect ?? "follow");
      return init?.redirect === "manual" ? opaque() : Response.json({ followed: true });
    };
    const transport = new Transport({ apiKey: KEY, fetch }, { baseUrl: "https://api.example" });
    expect(
      await transport.request(op({ auth: [{ type: "bearer", apply: bearerAuth }] }), undefined),
    ).toEqual({
      followed: true,
    });
    expect(calls).toEqual(["manual", "follow"]);
  });

  it("refuses when a custom header carries the key, or the method is not safe", async () => {
    const calls: RequestRedirect[] = [];
    const fetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      calls.push(init?.redirect ?? "follow");
      return opaque();
    };
    const transport = new Transport({ apiKey: KEY, fetch }, { baseUrl: "https://api.example" });
    const error = await transport
      .request(op({ auth: [schemes[0][1]] }), undefined)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnexpectedStatusError);
    expect((error as Error).message).toContain("browser hides its target");
    const post = op({ method: "POST" });
    await expect(transport.request(post, undefined)).rejects.toThrow(/never sent twice/);
    expect(calls).toEqual(["manual", "manual"]);
  });
});
