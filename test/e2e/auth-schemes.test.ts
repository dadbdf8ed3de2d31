// Each auth scheme is placed by its own runtime function (auth.ts), and each request body kind is
// encoded by its own encoder (body.ts), named by the descriptors that need them: a generated
// client imports exactly those, sends the credential where its scheme says, and a page that
// calls one operation bundles only that operation's placer and encoder.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { bundledModuleBytes } from "../helpers/bundled-modules.js";
import { json, startServer, type TestServer } from "../runtime/helpers/http-server.js";

const dir = path.resolve("node_modules/.cache/clientgen-auth-test", String(process.pid));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface SchemesClient {
  viaBearer(params: object): Promise<unknown>;
  viaBasic(params: object): Promise<unknown>;
  viaKey(params: { body?: string }): Promise<unknown>;
}

let descriptors = "";

async function generated(): Promise<void> {
  const result = await generate({ overlays: [], spec: "test/fixtures/auth/schemes.yaml" });
  for (const f of result.files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.text);
  }
  descriptors = result.files.find((f) => f.path === "descriptors.ts")!.text;
}

async function client(apiKey: string, baseUrl: string): Promise<SchemesClient> {
  const mod = (await import(path.join(dir, "index.ts"))) as {
    createSchemesClient(o: object): SchemesClient;
  };
  return mod.createSchemesClient({ apiKey, baseUrl, retry: { maxRetries: 0 } });
}

/** Minified bytes each module leaves in a page that calls `fn` only, by module name. */
function keptModules(fn: string): Promise<Record<string, number>> {
  return bundledModuleBytes(
    `import { createSchemesCore } from "./core.js";
        import { ${fn} } from "./functions.js";
        ${fn}(createSchemesCore(), {}).then(console.log);`,
    dir,
  );
}

describe("auth schemes and body encoders named by descriptors", () => {
  it("imports the placer of every declared scheme and the encoder of every body kind, and no other", async () => {
    await generated();
    expect(descriptors).toContain(
      'import { apiKeyAuth, basicAuth, bearerAuth } from "./runtime/auth.js";',
    );
    expect(descriptors).toContain('import { encodeText } from "./runtime/body.js";');
    expect(descriptors).not.toContain("encodeJson");
    expect(descriptors).not.toContain("body-forms");
  });

  it("places each credential as its scheme says", async () => {
    server = await startServer(json(200, {}), json(200, {}), json(200, {}));
    const schemes = await client("user:secret-pass", server.url);
    await schemes.viaBearer({});
    await schemes.viaBasic({});
    await schemes.viaKey({ body: "hello" });
    const [bearer, basic, key] = server.requests;
    expect(bearer.headers.authorization).toBe("Bearer user:secret-pass");
    expect(basic.headers.authorization).toBe(
      `Basic ${Buffer.from("user:secret-pass").toString("base64")}`,
    );
    expect(key.headers["x-api-key"]).toBe("user:secret-pass");
    expect(key.headers.authorization).toBeUndefined();
    expect(key.headers["content-type"]).toBe("text/plain");
    expect(key.text).toBe("hello");
  });

  it("a page calling one operation bundles its own scheme's placer and body encoder only", async () => {
    const bearer = await keptModules("viaBearer");
    const basic = await keptModules("viaBasic");
    const key = await keptModules("viaKey");
    // Basic's placer (and its base64) comes only with a Basic call.
    expect(bearer.base64).toBeUndefined();
    expect(basic.base64).toBeGreaterThan(0);
    expect(key.base64).toBeUndefined();
    // body.ts (the text encoder) comes only with the call that sends a body.
    expect(bearer.body).toBeUndefined();
    expect(key.body).toBeGreaterThan(0);
  });
});
