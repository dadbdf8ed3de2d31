// Request bodies as the API takes them: readOnly properties removed (a value read from a GET and
// sent back), required constants filled in when left out; nested, recursive, in arrays, maps, allOf
// parts and nullable refs. A union's variants keep their constants; a body with nothing to change
// keeps the plain JSON encoder. The caller's value is never changed.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { compileAlone } from "../types/compile.js";
import { json, startServer, type TestServer } from "../runtime/helpers/http-server.js";

const spec = "test/fixtures/write-plans/widgets.yaml";
const dir = path.resolve("node_modules/.cache/clientgen-write-plans-test", String(process.pid));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Body = Record<string, unknown>;
interface WidgetsClient {
  getWidget(params: { id: string }): Promise<Body>;
  putWidget(params: { id: string; body: Body }): Promise<void>;
  createGadget(params: { body: Body }): Promise<void>;
  createShape(params: { body: Body }): Promise<void>;
  createPet(params: { body: Body }): Promise<void>;
  createNote(params: { body: Body }): Promise<void>;
}

async function generated() {
  return generate({ overlays: [], spec });
}

async function client(baseUrl: string): Promise<WidgetsClient> {
  const out = path.join(dir, "client");
  for (const f of (await generated()).files) {
    mkdirSync(path.dirname(path.join(out, f.path)), { recursive: true });
    writeFileSync(path.join(out, f.path), f.text);
  }
  const mod = (await import(path.join(out, "index.ts"))) as {
    createWidgetsClient(o: object): WidgetsClient;
  };
  return mod.createWidgetsClient({ baseUrl });
}

const sent = (index: number): unknown => JSON.parse(server!.requests[index]!.text);

describe("write plans", () => {
  it("types constants optional and readOnly fields absent in requests; the folder compiles", async () => {
    const files = (await generated()).files;
    const types = files.find((f) => f.path === "types.ts")!.text;
    expect(types).toMatch(/export interface WidgetWritable \{\n(.*\n)*? {2}kind\?: "widget";/);
    expect(types).not.toMatch(/export interface WidgetWritable \{[^}]*\bid:/);
    // Union variants: the constant tells them apart, so it stays required and is not filled.
    expect(types).toMatch(/export interface Circle \{\n {2}kind: "circle";/);
    expect(types).not.toContain("CircleWritable");
    const descriptors = files.find((f) => f.path === "descriptors.ts")!.text;
    expect(descriptors).toMatch(/createNote: OperationSpec = \{[^}]*body: body_1/);
    expect(descriptors).toMatch(/const body_1[^}]*encode: encodeJson,\n\};/);
    const out = path.join(dir, "compile");
    for (const f of files) {
      mkdirSync(path.dirname(path.join(out, f.path)), { recursive: true });
      writeFileSync(path.join(out, f.path), f.text);
    }
    expect((await compileAlone({ client: out })).output).toBe("");
  });

  it("sends back what a GET returned without its readOnly fields, at every depth", async () => {
    const widget = {
      id: "w1",
      kind: "widget",
      name: "top",
      parts: [{ type: "part", serial: "s1", size: 2 }],
      children: [
        { id: "w2", kind: "widget", name: "child", children: [{ id: "w3", name: "deep" }] },
      ],
      labels: { a: { text: "x", createdAt: "2026-11-30" } },
      owner: { id: "p1", name: "Ada" },
      extra: { id: "kept: not in the schema" },
    };
    server = await startServer(json(200, widget), json(204, undefined));
    const widgets = await client(server.url);
    const read = await widgets.getWidget({ id: "w1" });
    const before = JSON.stringify(read);
    await widgets.putWidget({ id: "w1", body: read });
    expect(sent(1)).toEqual({
      kind: "widget",
      name: "top",
      parts: [{ type: "part", size: 2 }],
      children: [{ kind: "widget", name: "child", children: [{ name: "deep", kind: "widget" }] }],
      labels: { a: { text: "x" } },
      owner: { name: "Ada" },
      extra: { id: "kept: not in the schema" },
    });
    expect(JSON.stringify(read)).toBe(before);
  });

  it("fills constants left out, keeps null, applies every allOf part", async () => {
    server = await startServer(json(204, undefined));
    const widgets = await client(server.url);
    await widgets.putWidget({ id: "w", body: { name: "n", owner: null, parts: [{}] } });
    expect(sent(0)).toEqual({ name: "n", owner: null, parts: [{ type: "part" }], kind: "widget" });
    await widgets.createGadget({ body: { id: "g", name: "g", color: "red", revision: 3 } });
    expect(sent(1)).toEqual({ name: "g", color: "red", kind: "widget" });
  });

  it("applies a union's plan when every variant's plan does the same", async () => {
    server = await startServer(json(204, undefined));
    const widgets = await client(server.url);
    await widgets.createPet({ body: { kind: "dog", id: "d1" } });
    expect(sent(0)).toEqual({ kind: "dog" });
  });

  it("sends a union's value and a body without a plan as given", async () => {
    server = await startServer(json(204, undefined));
    const widgets = await client(server.url);
    await widgets.createShape({ body: { kind: "circle", radius: 1 } });
    expect(sent(0)).toEqual({ kind: "circle", radius: 1 });
    await widgets.createNote({ body: { text: "t", id: "not in the schema" } });
    expect(sent(1)).toEqual({ text: "t", id: "not in the schema" });
  });
});

describe("write plans in form bodies", () => {
  async function formsClient(baseUrl: string) {
    const out = path.join(dir, "forms");
    const { files } = await generate({
      overlays: [],
      spec: "test/fixtures/write-plans/forms.yaml",
    });
    for (const f of files) {
      mkdirSync(path.dirname(path.join(out, f.path)), { recursive: true });
      writeFileSync(path.join(out, f.path), f.text);
    }
    const mod = (await import(path.join(out, "index.ts"))) as {
      createFormsClient(o: object): {
        getToken(params: { body: Body }): Promise<void>;
        upload(params: { body: Body }): Promise<void>;
      };
    };
    return mod.createFormsClient({ baseUrl });
  }

  it("fills constants and drops readOnly fields in url-encoded and multipart bodies", async () => {
    server = await startServer(json(204, undefined));
    const forms = await formsClient(server.url);
    const body = { service: "bar", id: "server's" };
    await forms.getToken({ body });
    expect(server.requests[0]!.text).toBe("service=bar&grant_type=access_token");
    await forms.upload({ body });
    const multipart = server.requests[1]!.text;
    expect(multipart).toMatch(/name="grant_type"\r\n\r\naccess_token\r\n/);
    expect(multipart).toMatch(/name="service"\r\n\r\nbar\r\n/);
    expect(multipart).not.toContain("server's");
    expect(body).toEqual({ service: "bar", id: "server's" });
  });
});
