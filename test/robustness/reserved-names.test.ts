// Every word that is reserved in strict-mode ES modules or in TypeScript, used as an operation id,
// a schema name, a parameter, a property and an enum value: the client must compile under
// tsc --strict, load (no SyntaxError: `export const arguments` used to break it) and call.
import { createServer, type Server } from "node:http";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reservedWords } from "../../generator/normalize/names.js";
import { generate, type GenerateResult } from "../../generator/pipeline.js";
import { compileAlone } from "../types/compile.js";

/** The lists the test holds the generator to, written out here rather than read from it. */
const words = [
  ..."break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with".split(
    " ",
  ),
  ..."implements interface let package private protected public static yield await arguments eval".split(
    " ",
  ),
  ..."abstract accessor any as assert asserts async bigint boolean constructor declare from get global infer intrinsic is keyof module namespace never number object of out override readonly require satisfies set string symbol type undefined unique unknown using".split(
    " ",
  ),
  // globals and names generated code relies on
  ..."Object Array Promise Error Record Date Blob JSON globalThis then toString valueOf hasOwnProperty __proto__".split(
    " ",
  ),
];

const tmp = mkdtempSync(path.join(os.tmpdir(), "clientgen-reserved-"));
const dir = path.join(tmp, "client");
let result: GenerateResult;
let server: Server;
const urls: string[] = [];

beforeAll(async () => {
  // fromEntries: own entries even for `__proto__`.
  const schemas = Object.fromEntries(
    words.map((word) => [
      word,
      {
        type: "object",
        properties: Object.fromEntries([[word, { type: "string", enum: [word] }]]),
      },
    ]),
  );
  const paths = Object.fromEntries(
    words.map((word) => [
      `/w/${encodeURIComponent(word)}`,
      {
        get: {
          operationId: word,
          tags: [word],
          parameters: [{ name: word, in: "query", schema: { type: "string" } }],
          responses: {
            "200": {
              description: "ok",
              content: { "application/json": { schema: { $ref: `#/components/schemas/${word}` } } },
            },
          },
        },
      },
    ]),
  );
  const file = path.join(tmp, "openapi.json");
  writeFileSync(
    file,
    JSON.stringify({
      openapi: "3.1.0",
      info: { title: "Reserved", version: "1" },
      paths,
      components: { schemas },
    }),
  );
  result = await generate({ overlays: [], spec: file });
  for (const f of result.files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.text);
  }
  server = createServer((req, res) => {
    urls.push(req.url ?? "");
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(tmp, { recursive: true, force: true });
});

describe("reserved words as names", () => {
  it("the generator's list covers every reserved word", () => {
    for (const word of words.filter(
      (w) =>
        /^[a-z]/.test(w) &&
        !["then", "toString", "valueOf", "hasOwnProperty", "globalThis"].includes(w),
    )) {
      expect(reservedWords.has(word), word).toBe(true);
    }
  });

  it("compiles alone under tsc --strict", async () => {
    const compiled = await compileAlone({ client: dir });
    expect(compiled.output).toBe("");
    expect(compiled.ok).toBe(true);
  }, 120_000);

  it("loads as an ES module and calls every operation", async () => {
    await build({
      bundle: true,
      entryPoints: [path.join(dir, "index.ts")],
      format: "esm",
      logLevel: "silent",
      outfile: path.join(tmp, "bundle.mjs"),
      platform: "neutral",
    });
    const mod = (await import(pathToFileURL(path.join(tmp, "bundle.mjs")).href)) as Record<
      string,
      (o: object) => Record<string, (p: object) => Promise<unknown>>
    >;
    const client = mod.createReservedClient({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    });
    const methods =
      Object.keys(Object.getPrototypeOf(client)).length > 0
        ? Object.keys(Object.getPrototypeOf(client))
        : Object.keys(client);
    expect(methods).toContain("arguments_");
    expect(methods).toContain("eval_");
    await client.arguments_({ arguments: "a" });
    expect(urls).toContain("/w/arguments?arguments=a");
  });
});
