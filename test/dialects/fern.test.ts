// Fern dialect end to end: x-fern-pagination (cursor; offset as a page counter with has-next-page)
// and x-fern-retries (disabled at the root, re-enabled per operation).
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { json, startServer, type TestServer } from "../runtime/helpers/http-server.js";
import { generateClient, type GeneratedClient } from "./helpers.js";

let fern: GeneratedClient;
beforeAll(async () => {
  fern = await generateClient("fern.yaml");
});
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const clientFor = (s: TestServer) =>
  fern.mod.createFernNotesClient({ baseUrl: s.url, retry: { initialDelayMs: 1, maxDelayMs: 5 } });
const collect = async (iterable: AsyncIterable<unknown>) => {
  const items: unknown[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};

describe("x-fern-pagination", () => {
  it("cursor: $request.cursor <- $response.next_cursor until null", async () => {
    server = await startServer(
      json(200, { data: [{ id: "1" }], next_cursor: "c2" }),
      json(200, { data: [{ id: "2" }], next_cursor: null }),
    );
    expect(await collect(clientFor(server).listNotes())).toEqual([{ id: "1" }, { id: "2" }]);
    expect(server.requests.map((r) => r.url)).toEqual(["/notes", "/notes?cursor=c2"]);
  });

  it("offset without step counts pages while has-next-page is true", async () => {
    server = await startServer(
      json(200, { tags: ["a"], has_more: true }),
      json(200, { tags: ["b"], has_more: false }),
    );
    expect(await collect(clientFor(server).listTags())).toEqual(["a", "b"]);
    expect(server.requests.map((r) => r.url)).toEqual(["/tags", "/tags?page=2"]);
  });
});

describe("x-fern-retries", () => {
  it("disabled at the root: a 503 is not retried", async () => {
    server = await startServer(json(503, {}));
    await expect(clientFor(server).getStats()).rejects.toBeInstanceOf(fern.mod.ApiError);
    expect(server.requests).toHaveLength(1);
  });

  it("`disabled: false` on an operation restores the default retries", async () => {
    server = await startServer(json(503, {}));
    await expect(clientFor(server).listNotes()).rejects.toBeInstanceOf(fern.mod.ApiError);
    expect(server.requests).toHaveLength(3);
  });
});
