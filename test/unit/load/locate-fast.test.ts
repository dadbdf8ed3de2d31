// The quick indentation scan must agree with the full `yaml` parse wherever it answers at all.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../../generator/load/index.js";
import { createFullLocator } from "../../../generator/load/locate.js";
import { locateByIndentation, scanLines } from "../../../generator/load/locate-fast.js";
import { parsePointer } from "../../../generator/shared/json-pointer.js";

/** The repository's own specs, a public example, and one of them as indented JSON (the layout JSON specs ship in). */
function specFiles(): string[] {
  const json = path.join(mkdtempSync(path.join(os.tmpdir(), "clientgen-locate-")), "tensorone.json");
  writeFileSync(json, JSON.stringify(parse(readFileSync("specs/tensorone.yaml", "utf8")), null, 2));
  return ["specs/tensorpool.yaml", "specs/tensorone.yaml", "specs/operations.yaml", "test/fixtures/corpus/petstore-expanded.yaml", json];
}
const specs = specFiles();

/** Every pointer of a document down to `depth`, in document order, sampled every `step`. */
function pointers(value: unknown, depth: number, step: number): string[] {
  const out: string[] = [];
  const walk = (v: unknown, pointer: string, d: number) => {
    out.push(pointer);
    if (d === 0 || typeof v !== "object" || v === null) return;
    for (const [k, child] of Object.entries(v)) walk(child, `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`, d - 1);
  };
  walk(value, "#", depth);
  return out.filter((_, i) => i % step === 0);
}

describe.each(specs)("quick locate in %s", (file) => {
  it("answers like the full parse, for most pointers", async () => {
    const loaded = await loadSpec(file);
    const full = createFullLocator();
    const scan = scanLines(readFileSync(file, "utf8"));
    const sample = pointers(loaded.document, 7, 7);
    let answered = 0;
    for (const pointer of sample) {
      const quick = locateByIndentation(scan, parsePointer(pointer) ?? []);
      if (!quick) continue;
      answered++;
      expect(quick, pointer).toEqual(full(file, pointer));
    }
    expect(answered / sample.length).toBeGreaterThan(0.5);
  });
});
