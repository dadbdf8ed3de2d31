// AEP dialect end to end: x-aep-long-running-operation; the Operation's `path` is polled (relative
// to the base URL) until `done`, then `response` is the result and `error` a failure.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { json, startServer, type TestServer } from "../runtime/helpers/http-server.js";
import { generateClient, type GeneratedClient } from "./helpers.js";

let aep: GeneratedClient;
beforeAll(async () => {
  aep = await generateClient("aep.yaml");
});
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const clientFor = (s: TestServer) => aep.mod.createAEPLibraryClient({ baseUrl: `${s.url}/v1` });

describe("x-aep-long-running-operation", () => {
  it("polls the operation path until done, resolves with its response", async () => {
    server = await startServer(
      json(202, { path: "operations/op1", done: false }),
      json(200, { path: "operations/op1", done: false }),
      json(200, { path: "operations/op1", done: true, response: { archived_path: "/cold/b1" } }),
    );
    const result = await clientFor(server).archiveBookAndWait({ book: "b1" }, { intervalMs: 1 });
    expect(result).toEqual({ archived_path: "/cold/b1" });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /v1/books/b1:archive",
      "GET /v1/operations/op1",
      "GET /v1/operations/op1",
    ]);
  });

  it("an operation done with an error rejects with OperationFailedError", async () => {
    server = await startServer(
      json(202, { path: "operations/op2", done: false }),
      json(200, {
        path: "operations/op2",
        done: true,
        error: { code: 9, message: "book is on loan" },
      }),
    );
    const error = await clientFor(server)
      .archiveBookAndWait({ book: "b1" }, { intervalMs: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(aep.mod.OperationFailedError);
    expect(error.message).toContain("book is on loan");
  });

  it("an operation already done in the first answer needs no poll", async () => {
    server = await startServer(
      json(202, { path: "operations/op3", done: true, response: { archived_path: "/x" } }),
    );
    expect(await clientFor(server).archiveBookAndWait({ book: "b1" })).toEqual({
      archived_path: "/x",
    });
    expect(server.requests).toHaveLength(1);
  });

  it("types the result from the extension's response schema", () => {
    expect(aep.client).toMatch(
      /archiveBookAndWait\([^)]*PollOptions<T\.ArchiveResult>[^)]*\): Promise<T\.ArchiveResult>/,
    );
  });
});
