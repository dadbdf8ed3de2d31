// Dialect descriptors that cannot work are dropped with one warning each (baseline), the plain
// methods stay; every dialect client type-checks on its own under strict tsc.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { compileAlone } from "../types/compile.js";
import { generateClient, generatedRoot } from "./helpers.js";

describe("dialect diagnostics", () => {
  it("broken.yaml: DIA001 poll operation missing, DIA002 status field absent, DIA003 items not an array, DIA004 unsupported", async () => {
    const broken = await generateClient("broken.yaml");
    expect(broken.diagnostics.join("\n") + "\n").toBe(
      readFileSync("test/fixtures/dialects/broken.warnings.txt", "utf8"),
    );
    expect(broken.client).toContain("listJobs(");
    expect(broken.client).not.toMatch(/waitFor|PagePromise/);
  });
});

describe("dialect clients compile", () => {
  it("every fixture's client passes strict tsc alone", async () => {
    const fixtures = ["azure", "speakeasy", "fern", "aep", "http"];
    for (const fixture of fixtures)
      await generateClient(`${fixture}.yaml`, { folder: `compile-${fixture}` });
    await generateClient("heuristics.yaml", { heuristics: true, folder: "compile-heuristics" });
    const folders = Object.fromEntries(
      [...fixtures, "heuristics"].map((f) => [f, path.join(generatedRoot, `compile-${f}`)]),
    );
    const result = await compileAlone(folders);
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  });
});
