// Hostile input costs bounded work and ends in a diagnostic (file, line, pointer; exit 2), never
// an "internal error" or a hang: documents too large to commit are written here, the small ones
// are baselines in test/fixtures/invalid (alias-bomb, deep-nesting). Legitimate long chains and
// rings of schemas still generate.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli, removeCli, runCli } from "./cli.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "clientgen-bounded-"));
beforeAll(() => buildCli(), 120_000);
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  removeCli();
});

const head = "openapi: 3.1.0\ninfo: {title: Hostile, version: '1'}\n";
/** One operation answering with `schema` (a $ref), then `components.schemas` lines. */
const withSchemas = (ref: string, schemas: string[]) =>
  `${head}paths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '${ref}'}\ncomponents:\n  schemas:\n${schemas.join("\n")}\n`;

function spec(name: string, text: string): string {
  const file = path.join(tmp, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

async function generate(file: string, extra: string[] = []) {
  const run = await runCli([
    "generate",
    "--spec",
    file,
    "--out",
    path.join(tmp, "out", path.basename(file)),
    ...extra,
  ]);
  expect(run.stderr).not.toMatch(/internal error/);
  return run;
}

describe("bounded work on hostile input", () => {
  it("10,000-deep JSON nesting: LOAD010 with line and pointer", async () => {
    const file = spec(
      "deep.json",
      `{"openapi":"3.1.0","info":{"title":"T","version":"1"},"paths":{},"components":{"schemas":{"Deep":${'{"items":'.repeat(10_000)}{}${"}".repeat(10_000)}}}}`,
    );
    const run = await generate(file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /deep\.json:1:\d+ #\/components\/schemas\/Deep\/items\/items\/\S+ error LOAD010 nested deeper than 256 levels/,
    );
  });

  it("10,000-deep YAML nesting: LOAD010 with line and column", async () => {
    const file = spec(
      "deep.yaml",
      `${head}paths: {}\ncomponents:\n  schemas:\n    Deep: ${"{items: ".repeat(10_000)}{}${"}".repeat(10_000)}\n`,
    );
    const run = await generate(file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/deep\.yaml:6:\d+ # error LOAD010 nested deeper than 256 levels/);
  });

  it("a 10,000-long $ref chain generates (linear, no stack overflow)", async () => {
    const n = 10_000;
    const schemas = Array.from(
      { length: n },
      (_, i) => `    S${i}: {$ref: '#/components/schemas/S${i + 1}'}`,
    );
    const run = await generate(
      spec(
        "chain.yaml",
        withSchemas("#/components/schemas/S0", [...schemas, `    S${n}: {type: string}`]),
      ),
    );
    expect(run.code, run.stderr).toBe(0);
  }, 120_000);

  it("a ring of 600 schemas linked through properties generates", async () => {
    const n = 600;
    const schemas = Array.from(
      { length: n },
      (_, i) =>
        `    R${i}: {type: object, properties: {next: {$ref: '#/components/schemas/R${(i + 1) % n}'}}}`,
    );
    const run = await generate(
      spec("ring600.yaml", withSchemas("#/components/schemas/R0", schemas)),
    );
    expect(run.code, run.stderr).toBe(0);
  }, 60_000);

  it("a ring of 5,000 schemas: REF006 at the schema where the depth limit is crossed", async () => {
    const n = 5000;
    const schemas = Array.from(
      { length: n },
      (_, i) =>
        `    R${i}: {type: object, properties: {next: {$ref: '#/components/schemas/R${(i + 1) % n}'}}}`,
    );
    const run = await generate(
      spec("ring5000.yaml", withSchemas("#/components/schemas/R0", schemas)),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /ring5000\.yaml:1015:5 #\/components\/schemas\/R1000 error REF006 schemas reference each other more than 1000 levels deep/,
    );
  }, 60_000);

  it("a $ref to a named pipe is not opened: REF001 instead of a hang", async () => {
    const file = spec(
      "fifo/openapi.yaml",
      withSchemas("./pipe.yaml#/Pet", []).replace("components:\n  schemas:\n\n", ""),
    );
    execFileSync("mkfifo", [path.join(tmp, "fifo/pipe.yaml")]);
    const run = await generate(file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /openapi\.yaml:\d+:\d+ #\/paths\/~1a\/get\/responses\/200\/content\/application~1json\/schema\/\$ref error REF001 unresolved \$ref "\.\/pipe\.yaml#\/Pet": a named pipe, not a regular file: not read/,
    );
  });

  it("a $ref to a device (/dev/zero, outside refs allowed) is not read", async () => {
    const file = spec(
      "device/openapi.yaml",
      withSchemas("/dev/zero#/Pet", []).replace("components:\n  schemas:\n\n", ""),
    );
    const run = await generate(file, ["--allow-outside-refs"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /error REF001 unresolved \$ref "\/dev\/zero#\/Pet": a device, not a regular file: not read/,
    );
  });

  it("--spec naming a named pipe: LOAD001", async () => {
    const pipe = path.join(tmp, "spec.fifo.yaml");
    execFileSync("mkfifo", [pipe]);
    const run = await generate(pipe);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /spec\.fifo\.yaml:0:0 # error LOAD001 a named pipe, not a regular file: not read/,
    );
  });
});
