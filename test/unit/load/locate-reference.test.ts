// locate() must agree with an independent parser: for every sampled pointer of real specs (YAML,
// and one as indented JSON), the position the `yaml` package's AST gives (map entries at their
// key, array items at the item).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { isMap, isPair, isScalar, isSeq, LineCounter, parse, parseDocument, type Node } from "yaml";
import { loadSpec } from "../../../generator/load/index.js";
import { parsePointer } from "../../../generator/shared/json-pointer.js";
import { createLocator } from "../../../generator/load/locate.js";

/** The repository's own specs, a public example, and one of them as indented JSON (the layout JSON specs ship in). */
function specFiles(): string[] {
  const json = path.join(
    mkdtempSync(path.join(os.tmpdir(), "clientgen-locate-")),
    "tensorone.json",
  );
  writeFileSync(json, JSON.stringify(parse(readFileSync("specs/tensorone.yaml", "utf8")), null, 2));
  return [
    "specs/tensorpool.yaml",
    "specs/tensorone.yaml",
    "specs/operations.yaml",
    "test/fixtures/corpus/petstore-expanded.yaml",
    json,
  ];
}

/** Every pointer of a document down to `depth`, in document order, sampled every `step`. */
function pointers(value: unknown, depth: number, step: number): string[] {
  const out: string[] = [];
  const walk = (v: unknown, pointer: string, d: number) => {
    out.push(pointer);
    if (d === 0 || typeof v !== "object" || v === null) return;
    for (const [k, child] of Object.entries(v))
      walk(child, `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`, d - 1);
  };
  walk(value, "#", depth);
  return out.filter((_, i) => i % step === 0);
}

/** The reference: walk the `yaml` AST. */
function referenceLocator(file: string): (pointer: string) => string {
  const lines = new LineCounter();
  const document = parseDocument(readFileSync(file, "utf8"), {
    lineCounter: lines,
    uniqueKeys: false,
  });
  return (pointer) => {
    let node: unknown = document.contents;
    let offset = (node as Node).range![0];
    for (const segment of parsePointer(pointer) ?? []) {
      if (isSeq(node)) {
        node = node.items[Number(segment)];
        offset = (node as Node).range![0];
      } else if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment,
        )!;
        node = pair.value;
        offset = (pair.key as Node).range![0];
      }
    }
    const { line, col } = lines.linePos(offset);
    return `${line}:${col}`;
  };
}

describe.each(specFiles())("locate in %s", (file) => {
  it("answers like the yaml package's AST for every sampled pointer", async () => {
    const loaded = await loadSpec(file);
    const reference = referenceLocator(file);
    const sample = pointers(loaded.document, 7, 3);
    expect(sample.length).toBeGreaterThan(40);
    // The loader's locator reads the node map its parse recorded; a fresh one parses the file again.
    for (const locate of [loaded.locate, createLocator()])
      for (const pointer of sample) {
        const { line, col } = locate(file, pointer);
        expect(`${line}:${col}`, pointer).toBe(reference(pointer));
      }
  });
});
