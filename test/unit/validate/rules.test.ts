// Validate rules on small in-memory specs: what each reports, and what it must not report.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { loadSpec } from "../../../generator/load/index.js";
import { validate } from "../../../generator/validate/index.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "clientgen-validate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** Codes and pointers validate reports for a document (plus extra files beside it). */
async function findings(document: object, files: Record<string, object> = {}): Promise<string[]> {
  const at = path.join(dir, String(n++));
  mkdirSync(at, { recursive: true });
  for (const [name, value] of Object.entries(files))
    writeFileSync(path.join(at, name), JSON.stringify(value));
  writeFileSync(
    path.join(at, "openapi.json"),
    JSON.stringify({ info: { title: "V", version: "1" }, paths: {}, ...document }),
  );
  const spec = await loadSpec(path.join(at, "openapi.json"));
  return validate(spec).map((d) => `${d.code} ${d.pointer}`);
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe("REF004 circular-ref", () => {
  const cases = [
    {
      name: "recursion through a property is fine",
      schemas: { T: { type: "object", properties: { next: ref("T") } } },
      want: [],
    },
    {
      name: "recursion through array items is fine",
      schemas: { L: { type: "array", items: ref("L") } },
      want: [],
    },
    {
      name: "an alias chain that ends is fine",
      schemas: { A: ref("B"), B: ref("C"), C: { type: "string" } },
      want: [],
    },
    {
      name: "anyOf back to itself",
      schemas: { U: { anyOf: [{ type: "string" }, { allOf: [ref("U")] }] } },
      want: ["REF004 #/components/schemas/U"],
    },
    {
      name: "a cycle entered from outside is reported at its members only",
      schemas: { Outer: { type: "object", properties: { x: ref("A") } }, A: ref("B"), B: ref("A") },
      want: ["REF004 #/components/schemas/A", "REF004 #/components/schemas/B"],
    },
  ];
  test.each(cases)("$name", async ({ schemas, want }) => {
    expect(
      (await findings({ openapi: "3.1.0", components: { schemas } }))
        .filter((f) => f.startsWith("REF004"))
        .sort(),
    ).toEqual(want);
  });

  test("a cycle through another file", async () => {
    const found = await findings(
      { openapi: "3.1.0", components: { schemas: { A: { $ref: "other.json#/B" } } } },
      { "other.json": { B: { $ref: "openapi.json#/components/schemas/A" } } },
    );
    expect(found.filter((f) => f.startsWith("REF004")).sort()).toEqual([
      "REF004 #/B",
      "REF004 #/components/schemas/A",
    ]);
  });
});

describe("REF005 ref-siblings", () => {
  test("3.0 only, documentation keywords and x- extensions are fine", async () => {
    const schemas = {
      P: { type: "string" },
      Q: { $ref: "#/components/schemas/P", description: "d", "x-a": 1 },
      R: { $ref: "#/components/schemas/P", nullable: true },
    };
    expect(await findings({ openapi: "3.0.3", components: { schemas } })).toEqual([
      "REF005 #/components/schemas/R/nullable",
    ]);
    expect(await findings({ openapi: "3.1.0", components: { schemas } })).toEqual([]);
  });
});

describe("PAR003/PAR004 path parameters", () => {
  test("path-level and $ref'd parameters are checked; a shared component is reported once", async () => {
    const found = await findings({
      openapi: "3.1.0",
      components: { parameters: { Id: { name: "id", in: "path", schema: { type: "string" } } } },
      paths: {
        "/a/{id}": {
          parameters: [{ $ref: "#/components/parameters/Id" }],
          get: { responses: {} },
          put: { parameters: [{ $ref: "#/components/parameters/Id" }], responses: {} },
        },
        "/b": { get: { parameters: [{ $ref: "#/components/parameters/Id" }], responses: {} } },
      },
    });
    expect(found.sort()).toEqual([
      "PAR003 #/paths/~1b/get/parameters/0",
      "PAR004 #/components/parameters/Id",
    ]);
  });
});
