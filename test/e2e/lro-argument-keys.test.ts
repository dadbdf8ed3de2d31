// A poller's id parameter and a start's idArg name parameters by their wire names; when PAR005
// gives such a parameter another argument key (`bodyInQuery`), the waits fill that key, so the id
// reaches the wire where the spec declared it.
import { beforeAll, describe, expect, it } from "vitest";
import { json } from "../runtime/helpers/http-server.js";
import { generateClient, serverPool, type GeneratedClient } from "../dialects/helpers.js";

let generated: GeneratedClient;
beforeAll(async () => {
  generated = await generateClient("renamed-lro-id.yaml");
});
const serve = serverPool();

describe("LRO ids under renamed argument keys", () => {
  it("the renames are reported", () => {
    expect(generated.diagnostics.filter((line) => line.includes("PAR005"))).toHaveLength(2);
  });

  it("waitForJob sends the id as the renamed query parameter", async () => {
    const server = await serve(json(200, { state: "running" }), json(200, { state: "done" }));
    const client = generated.mod.createRenamedIdsClient({ baseUrl: server.url });
    expect(await client.waitForJob("j 1", { intervalMs: 1 })).toEqual({ state: "done" });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /jobs/lookup?body=j%201",
      "POST /jobs/lookup?body=j%201",
    ]);
  });

  it("createJobAndWait polls the id it was given", async () => {
    const server = await serve(json(202, { job_id: "j2" }), json(200, { state: "done" }));
    const client = generated.mod.createRenamedIdsClient({ baseUrl: server.url });
    expect(await client.createJobAndWait({}, { intervalMs: 1 })).toEqual({ state: "done" });
    expect(server.requests.map((r) => r.url)).toEqual(["/jobs", "/jobs/lookup?body=j2"]);
  });

  it("rerunJobAndWait waits on its own renamed path argument (idArg)", async () => {
    const server = await serve(json(202, {}), json(200, { state: "done" }));
    const client = generated.mod.createRenamedIdsClient({ baseUrl: server.url });
    expect(
      await client.rerunJobAndWait(
        { bodyInPath: "j3", body: { reason: "flaky" } },
        { intervalMs: 1 },
      ),
    ).toEqual({ state: "done" });
    expect(server.requests.map((r) => `${r.method} ${r.url} ${r.text}`)).toEqual([
      'POST /jobs/j3/rerun {"reason":"flaky"}',
      "POST /jobs/lookup?body=j3 ",
    ]);
  });
});
