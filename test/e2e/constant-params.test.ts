// Parameters the spec requires that can take one value (AutoRest's constants): optional in the
// params type, sent by the client when the caller leaves them out, in the path, the query, a header
// and a cookie; the caller may still pass the value. A client whose operations have none does not
// bundle the code that fills them in.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { compileAlone } from "../types/compile.js";
import { json, startServer, type TestServer } from "../runtime/helpers/http-server.js";

const spec = "test/fixtures/constant-params/things.yaml";
const dir = path.resolve("node_modules/.cache/clientgen-constant-params-test", String(process.pid));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface ThingsClient {
  putThing(params: Record<string, unknown>): Promise<void>;
}

async function written(out: string): Promise<{ path: string; text: string }[]> {
  const { files } = await generate({ overlays: [], spec });
  for (const f of files) {
    mkdirSync(path.dirname(path.join(out, f.path)), { recursive: true });
    writeFileSync(path.join(out, f.path), f.text);
  }
  return files;
}

async function client(baseUrl: string): Promise<ThingsClient> {
  const out = path.join(dir, "client");
  await written(out);
  const mod = (await import(path.join(out, "index.ts"))) as {
    createThingsClient(o: object): ThingsClient;
  };
  return mod.createThingsClient({ baseUrl });
}

describe("constant parameters", () => {
  it("types constants optional, other parameters as before; the folder compiles", async () => {
    const out = path.join(dir, "compile");
    const files = await written(out);
    const operations = files.find((f) => f.path === "operations.ts")!.text;
    const params = operations.slice(operations.indexOf("export interface PutThingParams"));
    expect(params).toMatch(/\n {2}kind\?: "gadget";/);
    expect(params).toMatch(/\n {2}"api-version"\?: "2026-12-01";/);
    expect(params).toMatch(/\n {2}"x-flag"\?: true;/);
    expect(params).toMatch(/\n {2}session\?: T\.Session;/);
    expect(params).toMatch(/\n {2}limit\?: 10;/);
    expect(params).toMatch(/\n {2}mode: "fast" \| "slow";/);
    const descriptors = files.find((f) => f.path === "descriptors.ts")!.text;
    expect(descriptors).toContain('import { withConstants } from "./runtime/constant-params.js";');
    expect(descriptors).toMatch(/getPlain: OperationSpec = \{(?![^}]*constants)/);
    expect((await compileAlone({ client: out })).output).toBe("");
  });

  it("sends every constant the caller left out", async () => {
    server = await startServer(json(204, undefined));
    await (await client(server.url)).putThing({ mode: "fast" });
    const [request] = server.requests;
    expect(request!.url).toBe("/things/gadget?api-version=2026-12-01&mode=fast");
    expect(request!.headers["x-flag"]).toBe("true");
    expect(request!.headers.cookie).toBe("session=s1");
  });

  it("sends the value the caller passes, and leaves an optional one-value enum out", async () => {
    server = await startServer(json(204, undefined));
    const args = { kind: "gadget", "api-version": "2026-12-01", mode: "slow" };
    await (await client(server.url)).putThing(args);
    expect(server.requests[0]!.url).toBe("/things/gadget?api-version=2026-12-01&mode=slow");
    expect(args).toEqual({ kind: "gadget", "api-version": "2026-12-01", mode: "slow" });
  });
});

describe("a client without constant parameters", () => {
  it("neither imports nor ships constant-params.ts", async () => {
    const { files } = await generate({
      overlays: [],
      spec: "test/fixtures/write-plans/widgets.yaml",
    });
    expect(files.some((f) => f.path === "runtime/constant-params.ts")).toBe(false);
    expect(files.find((f) => f.path === "descriptors.ts")!.text).not.toContain("withConstants");
  });
});
