// Heuristics are off by default; on (generate({ heuristics: true })) a status enum makes a poller
// and a paging parameter makes an iterator, each reported naming the operation.
import { afterEach, describe, expect, it } from "vitest";
import { json, startServer, type TestServer } from "../runtime/helpers/http-server.js";
import { generateClient } from "./helpers.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("heuristics", () => {
  it("off by default: no guesses, no reports", async () => {
    const plain = await generateClient("heuristics.yaml", { folder: "heuristics-off" });
    expect(plain.diagnostics).toEqual([]);
    expect(plain.client).not.toContain("waitForTask");
    expect(plain.client).not.toContain("PagePromise");
  });

  it("on: reports each guess and the guessed poller and iterator work", async () => {
    const guessed = await generateClient("heuristics.yaml", {
      heuristics: true,
      folder: "heuristics-on",
    });
    expect(guessed.diagnostics).toEqual([
      "test/fixtures/dialects/heuristics.yaml:6:5 #/paths/~1tasks~1{task_id}/get warning HEU001 heuristics: GET /tasks/{task_id} (getTask) looks like a status endpoint (status: completed, failed); added waitForTask. Confirm it with x-clientgen-pollers in an overlay",
      "test/fixtures/dialects/heuristics.yaml:20:5 #/paths/~1records/get warning HEU002 heuristics: GET /records (listRecords) looks paginated (cursor style); its method now iterates pages. Confirm it with x-clientgen-pagination in an overlay",
    ]);
    server = await startServer(
      json(200, { id: "t1", status: "running" }),
      json(200, { id: "t1", status: "completed" }),
      json(200, { records: [1, 2], next_cursor: "n2" }),
      json(200, { records: [3] }),
    );
    const client = guessed.mod.createPlainTasksClient({ baseUrl: server.url });
    expect(await client.waitForTask("t1", { intervalMs: 1 })).toEqual({
      id: "t1",
      status: "completed",
    });
    const records: number[] = [];
    for await (const record of client.listRecords()) records.push(record);
    expect(records).toEqual([1, 2, 3]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/tasks/t1",
      "/tasks/t1",
      "/records",
      "/records?cursor=n2",
    ]);
  });
});
