// Bugs found by the robustness work, each as the smallest case; all fixed, kept as regression tests.
import { createServer } from "node:http";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { DiagnosticsError, formatDiagnostic } from "../../generator/diagnostics/diagnostic.js";
import { generate } from "../../generator/pipeline.js";
import { compileAlone } from "../types/compile.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "clientgen-known-bugs-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Write a spec (JSON text is valid YAML) under the temp dir; returns its path. */
function specFile(name: string, document: object): string {
  const file = path.join(tmp, name, "openapi.json");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(document, null, 2));
  return file;
}

async function diagnosticsOf(spec: string): Promise<string[]> {
  try {
    return (await generate({ overlays: [], spec })).diagnostics.map(formatDiagnostic);
  } catch (error) {
    if (error instanceof DiagnosticsError) return error.diagnostics.map(formatDiagnostic);
    throw error;
  }
}

const info = { title: "Bug", version: "1" };

describe("known bugs", () => {
  // templates/runtime: parameters are read as `params[name]`, which finds Object.prototype members.
  it("runtime: an optional parameter named `constructor` that the caller omits is not sent", async () => {
    const spec = specFile("inherited-param", {
      openapi: "3.1.0",
      info,
      paths: {
        "/a": {
          get: {
            operationId: "getA",
            parameters: [{ name: "constructor", in: "query", schema: { type: "string" } }],
            responses: { "204": { description: "ok" } },
          },
        },
      },
    });
    const result = await generate({ overlays: [], spec });
    const dir = path.join(tmp, "inherited-param-client");
    for (const f of result.files) {
      mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
      writeFileSync(path.join(dir, f.path), f.text);
    }
    await build({
      bundle: true,
      entryPoints: [path.join(dir, "index.ts")],
      format: "esm",
      logLevel: "silent",
      outfile: path.join(dir, "bundle.mjs"),
      platform: "neutral",
    });
    const urls: string[] = [];
    const server = createServer((req, res) => {
      urls.push(req.url ?? "");
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const mod = (await import(pathToFileURL(path.join(dir, "bundle.mjs")).href)) as {
        createBugClient(o: object): { getA(p?: object): Promise<void> };
      };
      const client = mod.createBugClient({
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      });
      await client.getA({});
      // Today: "/a?constructor=function%20Object()%20%7B%20%5Bnative%20code%5D%20%7D"
      expect(urls).toEqual(["/a"]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  // normalize/passes/link-pollers.ts: the pointer is built from the PascalCased poller name, not its key.
  it("LRO003/LRO004 point at the poller's key as written (`job_status`), not at its PascalCase name", async () => {
    const spec = specFile("poller-pointer", {
      openapi: "3.1.0",
      info,
      "x-clientgen-pollers": { job_status: { operation: "nope", idParam: "id", status: "status" } },
      paths: {},
    });
    const lines = await diagnosticsOf(spec);
    expect(lines).toHaveLength(1);
    // Today: "#/x-clientgen-pollers/JobStatus", a pointer that does not exist in the file.
    expect(lines[0]).toContain(" #/x-clientgen-pollers/job_status error LRO003 ");
  });

  // diagnostics/diagnostic.ts formatDiagnostic: pointers (and messages) are printed raw.
  it("a diagnostic stays one line when the spec puts a line break in a name", async () => {
    const spec = specFile("newline-pointer", {
      openapi: "3.1.0",
      info,
      paths: {},
      components: {
        schemas: { Thing: { type: "object", properties: { "a\nb": { type: "strange" } } } },
      },
    });
    const lines = await diagnosticsOf(spec);
    expect(lines.some((l) => l.includes("SCH003"))).toBe(true);
    // Today: "#/components/schemas/Thing/properties/a\nb/type" with a real line break.
    for (const line of lines) expect(line).not.toMatch(/[\r\n\u2028\u2029]/);
  });

  // pipeline.ts / cli.ts / config.ts: REF003's hint says "or set allowOutsideRefs", nothing can set it.
  it("allowOutsideRefs (named by REF003's hint) can be set through generate()", async () => {
    const root = specFile("outside/spec", {
      openapi: "3.1.0",
      info,
      paths: {},
      components: { schemas: { Shared: { $ref: "../shared.json#/Shared" } } },
    });
    writeFileSync(
      path.join(tmp, "outside/shared.json"),
      JSON.stringify({ Shared: { type: "string" } }),
    );
    const result = await generate({ overlays: [], spec: root, allowOutsideRefs: true });
    expect(result.files.length).toBeGreaterThan(0);
  });

  // normalize (schema-object/composition.ts, ref.ts): a discriminated oneOf whose variants `allOf`
  // the parent is a common pattern; emitted as `type Cat = Pet & {...}; type Pet = (Cat & ...) | ...`
  // it cannot compile, so validate now rejects it (REF004). It could be generated by dropping the
  // parent from the variants' allOf (the union already carries the discriminator).
  it("a oneOf parent whose variants allOf the parent generates and compiles", async () => {
    const spec = specFile("discriminator-cycle", {
      openapi: "3.1.0",
      info,
      paths: {},
      components: {
        schemas: {
          Pet: {
            oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }],
            discriminator: { propertyName: "kind" },
          },
          Cat: {
            allOf: [
              { $ref: "#/components/schemas/Pet" },
              {
                type: "object",
                properties: { kind: { type: "string" }, meow: { type: "boolean" } },
              },
            ],
          },
          Dog: { type: "object", required: ["kind"], properties: { kind: { type: "string" } } },
        },
      },
    });
    const result = await generate({ overlays: [], spec });
    const dir = path.join(tmp, "discriminator-cycle-client");
    for (const f of result.files) {
      mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
      writeFileSync(path.join(dir, f.path), f.text);
    }
    expect((await compileAlone({ client: dir })).output).toBe("");
  });
});
