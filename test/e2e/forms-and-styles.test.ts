// Form and multipart bodies and the non-default parameter styles go through encoders that only
// the descriptors needing them name (body-forms.ts, param-styles.ts): a generated client that
// uses them ships those files and puts its requests on the wire as OpenAPI says.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { json, raw, startServer, type TestServer } from "../runtime/helpers/http-server.js";

const dir = path.resolve("node_modules/.cache/clientgen-forms-test", String(process.pid));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface UploadsClient {
  createToken(params: { body: { grant_type: string; scope?: string[] } }): Promise<unknown>;
  uploadFile(params: { body: { file: Blob; tags?: string[] } }): Promise<unknown>;
  getItem(params: { id: string; ids?: string[]; filter?: { status?: string } }): Promise<unknown>;
  putBlob(params: { name: string; body: Blob }): Promise<unknown>;
}

let files: { path: string; text: string }[] = [];

async function client(baseUrl: string): Promise<UploadsClient> {
  const result = await generate({ overlays: [], spec: "test/fixtures/bodies/uploads.yaml" });
  files = result.files;
  for (const f of result.files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.text);
  }
  const mod = (await import(path.join(dir, "index.ts"))) as {
    createUploadsClient(o: object): UploadsClient;
  };
  return mod.createUploadsClient({ baseUrl });
}

describe("form bodies and parameter styles in a generated client", () => {
  it("ships the encoders its descriptors name", async () => {
    await client("http://127.0.0.1:9");
    const shipped = files.map((f) => f.path);
    expect(shipped).toEqual(
      expect.arrayContaining(["runtime/body-forms.ts", "runtime/param-styles.ts"]),
    );
    const descriptors = files.find((f) => f.path === "descriptors.ts")!.text;
    expect(descriptors).toContain("encode: encodeForm");
    expect(descriptors).toContain("encode: encodeMultipart");
    expect(descriptors).toContain("styles: paramStyles");
  });

  it("sends urlencoded, multipart and binary bodies, matrix, pipe-delimited and deepObject parameters", async () => {
    server = await startServer(
      json(200, { ok: true }),
      json(200, { ok: true }),
      json(200, { ok: true }),
      raw(204, ""),
    );
    const uploads = await client(server.url);
    await uploads.createToken({ body: { grant_type: "password", scope: ["a", "b"] } });
    await uploads.uploadFile({
      body: { file: new File(["hello"], "a.txt", { type: "text/plain" }), tags: ["x", "y"] },
    });
    await uploads.getItem({ id: "i 1", ids: ["a", "b"], filter: { status: "open" } });
    const bytes = new Uint8Array([0, 255, 10, 13]);
    await uploads.putBlob({ name: "b", body: new Blob([bytes]) });
    const [token, upload, item, blob] = server.requests;
    expect(token.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(token.text).toBe("grant_type=password&scope=a&scope=b");
    expect(upload.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload.text).toContain('name="file"; filename="a.txt"');
    expect(upload.text.match(/name="tags"/g)).toHaveLength(2);
    expect(item.url).toBe("/items/;id=i%201?ids=a|b&filter[status]=open");
    expect(blob.headers["content-type"]).toBe("application/octet-stream");
    expect([...blob.body]).toEqual([...bytes]);
  });
});
