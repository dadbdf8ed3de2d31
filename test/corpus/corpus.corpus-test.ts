// Every OpenAPI document of the public corpus generates, and its client compiles alone under
// tsc --strict. Slow (big specs, a compiler per spec): `npm run test:corpus`, run by CI.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DiagnosticsError, formatDiagnostic } from "../../generator/diagnostics/diagnostic.js";
import { generate } from "../../generator/pipeline.js";
import { compileAlone } from "../types/compile.js";
import { prettierOptions } from "../../generator/emit/format.js";
import * as prettier from "prettier";
import { corpusDir, corpusSpecs } from "./corpus.js";

const specs = corpusSpecs();
const outRoot = mkdtempSync(path.join(os.tmpdir(), "clientgen-corpus-"));
const summary: string[] = [];
afterAll(() => {
  rmSync(outRoot, { recursive: true, force: true });
  console.log(`corpus: ${summary.length} specs\n${summary.join("\n")}`);
});

/** Swagger 2.0 documents: converted to OpenAPI 3.0 on load (warning LOAD006), then generated like the rest. */
const swagger2 = new Set(["hey-api-features/2.0.x/full.yaml", "oai-examples/uber-swagger2.yaml"]);

/** The first differing line of two texts, with its neighbours, for a readable failure. */
function firstDifference(want: string, got: string): string {
  const a = want.split("\n");
  const b = got.split("\n");
  const i = a.findIndex((line, n) => line !== b[n]);
  return `line ${i + 1}:\n--- prettier\n${a.slice(Math.max(0, i - 3), i + 6).join("\n")}\n--- emitted\n${b.slice(Math.max(0, i - 3), i + 6).join("\n")}`;
}

describe("corpus", () => {
  it("has specs to run", () => expect(specs.length).toBeGreaterThan(10));

  it.each(specs)("%s", async (spec) => {
    const file = path.join(corpusDir, spec);
    let result;
    try {
      result = await generate({ overlays: [], spec: file });
    } catch (error) {
      if (error instanceof DiagnosticsError)
        throw new Error(error.diagnostics.map(formatDiagnostic).join("\n"));
      throw error;
    }
    const dir = path.join(outRoot, spec.replace(/[^A-Za-z0-9]+/g, "_"));
    for (const f of result.files) {
      mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
      writeFileSync(path.join(dir, f.path), f.text);
    }
    const compiled = await compileAlone({ client: dir });
    expect(compiled.output).toBe("");
    // The emitter lays code out as prettier would; prettier must find nothing to change.
    for (const f of result.files) {
      if (f.path.startsWith("runtime/") || !f.path.endsWith(".ts")) continue;
      const formatted = await prettier.format(f.text, prettierOptions);
      if (formatted !== f.text)
        expect(firstDifference(formatted, f.text), `${spec} ${f.path}`).toBe("");
    }
    if (swagger2.has(spec))
      expect(result.diagnostics.filter((d) => d.code === "LOAD006")).toHaveLength(1);
    summary.push(
      `  ${spec}: ${result.files.length} files, ${result.diagnostics.length} warnings, compiles`,
    );
  });
});
