// One name in the path, the query and a header, and a query parameter named `body` beside a
// request body: each is its own argument (README "Names" gives the rule), reported as PAR005,
// compiles under tsc --strict and reaches the server where it was declared.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/diagnostics/diagnostic.js";
import { generate, type GenerateResult } from "../../generator/pipeline.js";
import { compileAlone } from "../types/compile.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "clientgen-param-collisions-"));
const dir = path.join(tmp, "client");
let result: GenerateResult;
let server: Server;
const seen: { body: string; headers: IncomingHttpHeaders; url: string }[] = [];

const param = (name: string, location: string, required = false) => ({
  name,
  in: location,
  required,
  schema: { type: "string" },
});

beforeAll(async () => {
  const spec = {
    openapi: "3.1.0",
    info: { title: "Clash", version: "1" },
    paths: {
      "/items/{id}": {
        post: {
          operationId: "saveItem",
          // Declared header first: the order of declaration must not decide the keys.
          parameters: [
            param("id", "header"),
            param("body", "query"),
            param("id", "query"),
            param("id", "path", true),
          ],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: { type: "object", properties: { x: { type: "integer" } } },
              },
            },
          },
          responses: { "204": { description: "ok" } },
        },
      },
    },
  };
  const file = path.join(tmp, "openapi.json");
  writeFileSync(file, JSON.stringify(spec));
  result = await generate({ overlays: [], spec: file });
  for (const f of result.files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.text);
  }
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      seen.push({ body, headers: req.headers, url: req.url ?? "" });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(tmp, { recursive: true, force: true });
});

describe("parameter names that collide across locations", () => {
  it("each renamed argument is a PAR005 warning at the operation", () => {
    const lines = result.diagnostics
      .map(formatDiagnostic)
      .map((line) => line.replace(/^.*?openapi\.json:\d+:\d+ /, ""));
    expect(lines).toEqual([
      '#/paths/~1items~1{id}/post warning PAR005 query parameter "body" has the same name as the request body; it is passed as "bodyInQuery" in the call\'s arguments',
      '#/paths/~1items~1{id}/post warning PAR005 query parameter "id" has the same name as another parameter; it is passed as "idInQuery" in the call\'s arguments',
      '#/paths/~1items~1{id}/post warning PAR005 header parameter "id" has the same name as another parameter; it is passed as "idInHeader" in the call\'s arguments',
    ]);
  });

  it("the argument type has one member per parameter and the body", () => {
    const operations = result.files.find((f) => f.path === "operations.ts")!.text;
    const params = /export interface SaveItemParams \{[\s\S]*?\n\}/.exec(operations)![0];
    expect(params.match(/^  (\w+)\??:/gm)!.map((m) => m.trim())).toEqual([
      "idInHeader?:",
      "bodyInQuery?:",
      "idInQuery?:",
      "id:",
      "body:",
    ]);
  });

  it("compiles alone under tsc --strict", async () => {
    const compiled = await compileAlone({ client: dir });
    expect(compiled.output).toBe("");
    expect(compiled.ok).toBe(true);
  }, 120_000);

  it("sends each argument to its own location and the body as the body", async () => {
    await build({
      bundle: true,
      entryPoints: [path.join(dir, "index.ts")],
      format: "esm",
      logLevel: "silent",
      outfile: path.join(tmp, "bundle.mjs"),
      platform: "neutral",
    });
    const mod = (await import(pathToFileURL(path.join(tmp, "bundle.mjs")).href)) as {
      createClashClient(o: object): { saveItem(p: object): Promise<void> };
    };
    const client = mod.createClashClient({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    });
    await client.saveItem({
      body: { x: 1 },
      bodyInQuery: "b",
      id: "p",
      idInHeader: "h",
      idInQuery: "q",
    });
    expect(seen).toHaveLength(1);
    const url = new URL(seen[0].url, "http://x");
    expect(url.pathname).toBe("/items/p");
    expect([...url.searchParams]).toEqual([
      ["body", "b"],
      ["id", "q"],
    ]);
    expect(seen[0].headers.id).toBe("h");
    expect(JSON.parse(seen[0].body)).toEqual({ x: 1 });
  });
});
