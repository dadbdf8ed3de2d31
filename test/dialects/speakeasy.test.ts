// Speakeasy dialect end to end: x-speakeasy-polling (criteria, interval, limit), x-speakeasy-pagination
// (offsetLimit, cursor with `[-1]`, url) and x-speakeasy-retries (root policy, per-operation `none`).
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { json, startServer, type TestServer } from "../runtime/helpers/http-server.js";
import { generateClient, type GeneratedClient } from "./helpers.js";

let speakeasy: GeneratedClient;
beforeAll(async () => {
  speakeasy = await generateClient("speakeasy.yaml");
});
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const clientFor = (s: TestServer) => speakeasy.mod.createSpeakeasyJobsClient({ baseUrl: s.url });
const collect = async (iterable: AsyncIterable<unknown>) => {
  const items: unknown[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};

describe("x-speakeasy-polling", () => {
  it("waits until the success criterion holds", async () => {
    server = await startServer(
      json(200, { id: "j1", status: "pending" }),
      json(200, { id: "j1", status: "running" }),
      json(200, { id: "j1", status: "completed" }),
    );
    const done = await clientFor(server).waitForGetJobCompleted("j1", { intervalMs: 1 });
    expect(done).toEqual({ id: "j1", status: "completed" });
    expect(server.requests.map((r) => r.url)).toEqual(["/jobs/j1", "/jobs/j1", "/jobs/j1"]);
  });

  it("rejects on the failure criterion", async () => {
    server = await startServer(json(200, { id: "j1", status: "errored" }));
    await expect(
      clientFor(server).waitForGetJobCompleted("j1", { intervalMs: 1 }),
    ).rejects.toBeInstanceOf(speakeasy.mod.OperationFailedError);
  });

  it("gives up after limitCount polls", async () => {
    server = await startServer(json(200, { id: "j1", status: "running" }));
    await expect(
      clientFor(server).waitForGetJobCompleted("j1", { intervalMs: 1 }),
    ).rejects.toBeInstanceOf(speakeasy.mod.PollTimeoutError);
    expect(server.requests).toHaveLength(5);
  });

  it("maps delaySeconds, intervalSeconds and limitCount into the descriptor", () => {
    expect(speakeasy.operations).toMatch(/defaultIntervalMs: 1000,\n\s+maxPolls: 5,/);
  });
});

describe("x-speakeasy-pagination", () => {
  it("offsetLimit: offset moves by the items received; a short page ends", async () => {
    server = await startServer((res, req) => {
      const query = new URL(req.url, "http://x").searchParams;
      const offset = Number(query.get("offset") ?? 0);
      json(200, { data: [1, 2, 3, 4, 5].slice(offset, offset + 2) })(res, req, 0);
    });
    expect(await collect(clientFor(server).listItems({ limit: 2 }))).toEqual([1, 2, 3, 4, 5]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/items?limit=2",
      "/items?offset=2&limit=2",
      "/items?offset=4&limit=2",
    ]);
  });

  it("cursor: nextCursor `$.data.events[-1].id` is the last item's id", async () => {
    server = await startServer(
      json(200, { data: { events: [{ id: "a" }, { id: "b" }] } }),
      json(200, { data: { events: [{ id: "c" }] } }),
      json(200, { data: { events: [] } }),
    );
    expect(await collect(clientFor(server).listEvents())).toEqual([
      { id: "a" },
      { id: "b" },
      { id: "c" },
    ]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/events",
      "/events?since=b",
      "/events?since=c",
    ]);
  });

  it("url: follows outputs.nextUrl", async () => {
    server = await startServer(
      json(200, { items: ["x"], links: { next: "/pages?p=2" } }),
      json(200, { items: ["y"], links: {} }),
    );
    expect(await collect(clientFor(server).listPages())).toEqual(["x", "y"]);
  });
});

describe("x-speakeasy-retries", () => {
  it("the root policy retries the listed statuses only, as many times as fit in maxElapsedTime", async () => {
    server = await startServer(json(503, {}));
    await expect(clientFor(server).getJob({ id: "j" })).rejects.toBeInstanceOf(
      speakeasy.mod.ApiError,
    );
    expect(server.requests).toHaveLength(5);
    await server.close();
    server = await startServer(json(500, {}));
    await expect(clientFor(server).getJob({ id: "j" })).rejects.toBeInstanceOf(
      speakeasy.mod.InternalServerError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it("`strategy: none` on an operation turns retries off; client options still win", async () => {
    server = await startServer(json(503, {}));
    await expect(clientFor(server).listItems()).rejects.toBeInstanceOf(speakeasy.mod.ApiError);
    expect(server.requests).toHaveLength(1);
    const patient = speakeasy.mod.createSpeakeasyJobsClient({
      baseUrl: server.url,
      retry: { maxRetries: 1, initialDelayMs: 1 },
    });
    await expect(patient.listItems()).rejects.toBeInstanceOf(speakeasy.mod.ApiError);
    expect(server.requests).toHaveLength(3);
  });
});
