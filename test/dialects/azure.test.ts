// Azure (AutoRest) dialect end to end: x-ms-long-running-operation with each final-state-via, the
// Operation-Location / Azure-AsyncOperation / Location headers, provisioningState in the body,
// case-insensitive statuses, Retry-After, and x-ms-pageable next links (same origin only).
import { beforeAll, describe, expect, it } from "vitest";
import { json, raw, type TestServer } from "../runtime/helpers/http-server.js";
import { generateClient, serverPool, type GeneratedClient } from "./helpers.js";

let azure: GeneratedClient;
let pages: GeneratedClient;
beforeAll(async () => {
  azure = await generateClient("azure.yaml");
  pages = await generateClient("azure-paging.yaml");
});
const serve = serverPool();
const clientFor = (server: TestServer) =>
  azure.mod.createAzureWidgetsClient({
    baseUrl: server.url,
    apiKey: "az-token",
    retry: { initialDelayMs: 1, maxDelayMs: 5 },
  });
const widget = (state: string) => ({
  name: "w1",
  properties: { color: "red", provisioningState: state },
});
const fast = { intervalMs: 1 };

describe("Azure x-ms-long-running-operation", () => {
  it("PUT + Azure-AsyncOperation: polls the monitor (statuses in any case), then GETs the original URI", async () => {
    const server = await serve(
      (res, _req) =>
        json(201, widget("Creating"), {
          "azure-asyncoperation": `${server.url}/ops/1?api-version=1`,
          "retry-after": "0",
        })(res, _req, 0),
      json(200, { status: "InProgress" }, { "retry-after": "0" }),
      json(200, { status: "succeeded" }),
      json(200, widget("Succeeded")),
    );
    const done = await clientFor(server).widgetsCreateOrUpdateAndWait(
      { name: "w1", body: { properties: { color: "red" } } },
      fast,
    );
    expect(done).toEqual(widget("Succeeded"));
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "PUT /widgets/w1",
      "GET /ops/1?api-version=1",
      "GET /ops/1?api-version=1",
      "GET /widgets/w1",
    ]);
    expect(server.requests.every((r) => r.headers.authorization === "Bearer az-token")).toBe(true);
  });

  it("PUT without headers: polls the resource's properties.provisioningState in place", async () => {
    const server = await serve(
      json(200, widget("Creating")),
      json(200, widget("Creating")),
      json(200, widget("Succeeded")),
    );
    const done = await clientFor(server).widgetsCreateOrUpdateAndWait(
      { name: "w1", body: {} },
      fast,
    );
    expect(done.properties.provisioningState).toBe("Succeeded");
    expect(server.requests.map((r) => r.method)).toEqual(["PUT", "GET", "GET"]);
  });

  it("the plain method is unchanged: one request, the first answer", async () => {
    const server = await serve(json(201, widget("Creating"), { "azure-asyncoperation": "/ops/1" }));
    expect(await clientFor(server).widgetsCreateOrUpdate({ name: "w1", body: {} })).toEqual(
      widget("Creating"),
    );
    expect(server.requests).toHaveLength(1);
  });

  it("POST + Location (final-state-via location): 202 while running, then the Location's answer; Retry-After honoured", async () => {
    const server = await serve(
      raw(202, "", { location: "/widgets/w1/restart/result", "retry-after": "0" }),
      raw(202, "", { "retry-after": "1" }),
      json(200, { restarted: true }),
    );
    const started = Date.now();
    expect(await clientFor(server).widgetsRestartAndWait({ name: "w1" }, fast)).toEqual({
      restarted: true,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /widgets/w1/restart",
      "GET /widgets/w1/restart/result",
      "GET /widgets/w1/restart/result",
    ]);
  });

  it("POST + Operation-Location (final-state-via operation-location): resolves with the status monitor", async () => {
    const server = await serve(
      json(202, { status: "NotStarted" }, { "operation-location": "/ops/9" }),
      json(200, { status: "Running" }),
      json(200, { status: "Succeeded", result: 42 }),
    );
    expect(await clientFor(server).widgetsPaintAndWait({ name: "w1" }, fast)).toEqual({
      status: "Succeeded",
      result: 42,
    });
  });

  it("DELETE: a Failed monitor rejects with OperationFailedError carrying the Azure error", async () => {
    const server = await serve(
      raw(202, "", { "azure-asyncoperation": "/ops/2" }),
      json(200, { status: "Failed", error: { code: "Conflict", message: "widget is busy" } }),
    );
    const error = await clientFor(server)
      .widgetsDeleteAndWait({ name: "w1" }, fast)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(azure.mod.OperationFailedError);
    expect(error.code).toBe("Conflict");
    expect(error.message).toContain("widget is busy");
  });

  it("Canceled is a failure too, flagged isCanceled", async () => {
    const server = await serve(
      raw(202, "", { "azure-asyncoperation": "/ops/3" }),
      json(200, { status: "CANCELED" }),
    );
    const error = await clientFor(server)
      .widgetsDeleteAndWait({ name: "w1" }, fast)
      .catch((e: unknown) => e);
    expect(error.isCanceled).toBe(true);
  });

  it("refuses a status URL on another origin: the credential never leaves", async () => {
    const other = await serve(json(200, { status: "Succeeded" }));
    const server = await serve(json(202, {}, { "operation-location": `${other.url}/ops/1` }));
    const error = await clientFor(server)
      .widgetsPaintAndWait({ name: "w1" }, fast)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(azure.mod.SdkError);
    expect(String(error.message)).toMatch(/refusing to follow the status URL/);
    expect(other.requests).toHaveLength(0);
  });

  it("timeoutMs bounds the whole wait", async () => {
    const server = await serve(
      raw(202, "", { "azure-asyncoperation": "/ops/4" }),
      json(200, { status: "Running" }),
    );
    const error = await clientFor(server)
      .widgetsDeleteAndWait({ name: "w1" }, { intervalMs: 5, timeoutMs: 60 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(azure.mod.PollTimeoutError);
  });
});

describe("Azure x-ms-pageable", () => {
  it("follows nextLink (absolute, then relative) with the same auth until it is absent", async () => {
    const server = await serve(
      (res, req, i) =>
        json(200, { value: [widget("Succeeded")], nextLink: `${server.url}/widgets?$skiptoken=2` })(
          res,
          req,
          i,
        ),
      json(200, { value: [{ name: "w2" }], nextLink: "/widgets?$skiptoken=3" }),
      json(200, { value: [{ name: "w3" }] }),
    );
    const names: string[] = [];
    for await (const item of clientFor(server).widgetsList()) names.push(item.name);
    expect(names).toEqual(["w1", "w2", "w3"]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/widgets",
      "/widgets?$skiptoken=2",
      "/widgets?$skiptoken=3",
    ]);
    expect(server.requests.every((r) => r.headers.authorization === "Bearer az-token")).toBe(true);
  });

  it("refuses a cross-origin nextLink instead of sending it the credential", async () => {
    const other = await serve(json(200, { value: [] }));
    const server = await serve(
      json(200, {
        value: [{ name: "w1" }],
        nextLink: `${other.url.replace("127.0.0.1", "localhost")}/steal`,
      }),
    );
    const names: string[] = [];
    const error = await (async () => {
      for await (const item of clientFor(server).widgetsList()) names.push(item.name);
    })().catch((e: unknown) => e);
    expect(names).toEqual(["w1"]);
    expect(String((error as Error).message)).toMatch(
      /refusing to follow the next page link to http:\/\/localhost/,
    );
    expect(other.requests).toHaveLength(0);
  });
});

describe("Azure x-ms-pageable: nextLinkName null, api-version, operationName, x-ms-paths", () => {
  const pagesFor = (server: TestServer) =>
    pages.mod.createAzurePagesClient({ baseUrl: server.url });
  const ids = async (iterable: AsyncIterable<{ id?: number }>) => {
    const seen: (number | undefined)[] = [];
    for await (const item of iterable) seen.push(item.id);
    return seen;
  };

  it("nextLinkName: null (kept through Swagger 2.0 conversion) is one page: a nextLink is not followed", async () => {
    const server = await serve(json(200, { values: [{ id: 1 }], nextLink: "/elsewhere" }));
    expect(await ids(pagesFor(server).pagesSingle())).toEqual([1]);
    expect(server.requests.map((r) => r.url)).toEqual(["/single"]);
  });

  it("keeps the call's api-version on every next link, replacing the link's own", async () => {
    const server = await serve(
      json(200, { values: [{ id: 1 }], nextLink: "/versioned/2?api-version=2.0" }),
      json(200, { values: [{ id: 2 }], nextLink: "/versioned/3" }),
      json(200, { values: [{ id: 3 }] }),
    );
    expect(await ids(pagesFor(server).pagesVersioned({ "api-version": "1.0" }))).toEqual([1, 2, 3]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/versioned?api-version=1.0",
      "/versioned/2?api-version=1.0",
      "/versioned/3?api-version=1.0",
    ]);
  });

  it("operationName: a relative fragment goes, unencoded, into the next operation's path, with its query", async () => {
    const server = await serve(
      json(200, { values: [{ id: 1 }], "odata.nextLink": "next?page=2" }),
      json(200, { values: [{ id: 2 }] }),
    );
    expect(
      await ids(pagesFor(server).pagesFragment({ tenant: "t 1", api_version: "1.6" })),
    ).toEqual([1, 2]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/fragment/t%201?api_version=1.6",
      "/fragment/t%201/next?page=2&api_version=1.6",
    ]);
  });

  it("x-ms-paths are operations: a query in the key is a fixed query parameter", async () => {
    const server = await serve(json(200, { values: [{ id: 7 }] }));
    expect(await ids(pagesFor(server).pagesBlueThings({ kind: "blue" }))).toEqual([7]);
    expect(server.requests.map((r) => r.url)).toEqual(["/things?kind=blue"]);
  });
});
