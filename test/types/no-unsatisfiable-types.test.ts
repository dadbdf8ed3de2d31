// The general rule of issue 19: clientgen never emits a type no value satisfies (an intersection with
// Record<string, never>, an array or primitive beside an object, a property TypeScript reduces to
// never). Checked on the committed output and on the fixture of every class that once did.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { checkProgram, unsatisfiableTypes } from "./unsatisfiable.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "clientgen-unsatisfiable-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The API's own TypeScript files (not the runtime) of a client folder. */
function clientFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .map((f) => path.join(folder, f));
}

const fixtures = [
  "types/satisfiable.yaml",
  "dates/events.yaml",
  "dialects/azure.yaml",
  "dialects/aep.yaml",
  "dialects/fern.yaml",
  "dialects/speakeasy.yaml",
];

describe("no emitted type admits nothing", () => {
  // One program for every folder: the compiler's libraries are loaded and checked once.
  it("in generated/ and in the client of every fixture", async () => {
    const folders = ["tensorpool", "tensorone", "operations"].map((api) =>
      path.resolve("generated", api),
    );
    for (const fixture of fixtures) {
      const result = await generate({ overlays: [], spec: path.join("test/fixtures", fixture) });
      const out = path.join(dir, fixture.replace(/\W+/g, "_"));
      for (const f of result.files) {
        mkdirSync(path.dirname(path.join(out, f.path)), { recursive: true });
        writeFileSync(path.join(out, f.path), f.text);
      }
      folders.push(out);
    }
    const files = folders.flatMap(clientFiles);
    expect(files.length).toBeGreaterThan(folders.length * 3);
    expect(unsatisfiableTypes(checkProgram(files), files)).toEqual([]);
  });

  it("the check is real: it finds each shape it looks for", () => {
    const file = path.join(dir, "bad.ts");
    writeFileSync(
      file,
      [
        "export type A = { a: string } & Record<string, never>;",
        "export type B = string[] & Record<string, unknown>;",
        "export type C = { b: number } & string;",
        'export interface D { tag: "x" & "y"; ok: never }',
      ].join("\n"),
    );
    expect(
      unsatisfiableTypes(checkProgram([file]), [file]).map((f) =>
        f.split(": ").slice(1, 3).join(": "),
      ),
    ).toEqual([
      "A: intersection with Record<string, never>",
      "B: an array intersected with an object map",
      "C: a primitive intersected with an object",
      "D: property type is never",
      "D: intersection is never",
    ]);
  });
});
