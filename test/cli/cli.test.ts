// The CLI driven as users drive it, in temp dirs: config files, --check with diffs, the change
// report and --fail-on-breaking, verify on a copy, --emit js (imported and called against a
// 127.0.0.1 server), --json, --verbose, filters, URL specs. Exit codes: 0 ok, 1 stale/breaking/edited, 2 bad input.
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { compileAlone } from "../types/compile.js";
import { buildCli, fixtures, removeCli, runCli, tempDir } from "./helpers.js";
import { listFiles } from "../../generator/shared/list-files.js";
import { withoutStageLines } from "../helpers/stage-lines.js";

const dir = tempDir();
let server: Server;
let baseUrl: string;
const requests: string[] = [];

beforeAll(async () => {
  cpSync(fixtures, path.join(dir, "specs"), { recursive: true });
  writeFileSync(
    path.join(dir, "clientgen.config.ts"),
    `import { defineConfig } from "clientgen/config";

export default defineConfig({
  apis: [{ name: "Pets", spec: "specs/pets.yaml", overlays: ["specs/pets.overlay.yaml"], output: "generated/pets" }],
});
`,
  );
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (req.url === "/openapi.yaml") {
      res.writeHead(200, { "content-type": "application/yaml" }).end(selfContainedSpec());
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        id: new URL(req.url ?? "/", "http://x").pathname.split("/").pop(),
        name: "Rex",
        status: "available",
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await buildCli();
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
  removeCli();
});

const out = path.join(dir, "generated/pets");
const read = (file: string) => readFileSync(path.join(out, file), "utf8");
const edit = (file: string, from: string | RegExp, to: string) => {
  const full = path.join(dir, "specs", file);
  const text = readFileSync(full, "utf8");
  const next = text.replace(from, to);
  expect(next, `${file}: ${from}`).not.toBe(text);
  writeFileSync(full, next);
};

/** One file spec (a URL spec cannot $ref siblings). */
function selfContainedSpec(): string {
  return `openapi: 3.1.0
info: { title: Remote, version: "1" }
paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { "200": { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } } }
`;
}

describe("clientgen generate with a clientgen.config.ts", () => {
  it("generates the folder with clientgen.json and README.md, then is a no-op", async () => {
    const run = await runCli(["generate"], dir);
    expect(withoutStageLines(run.stderr)).toBe("");
    expect(run.stderr).toMatch(
      /^Pets: parsing \d+ ms \(\d+ files\)\nPets: normalising \d+ ms \(4 operations, 3 schemas\)\n/,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Pets: \d+ files -> generated\/pets \(\d+ ms\)\n$/);
    const manifest = JSON.parse(read("clientgen.json"));
    expect(manifest.generator).toEqual({
      name: "clientgen",
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(manifest.inputs).toEqual(
      [
        {
          kind: "overlay",
          path: "../../specs/pets.overlay.yaml",
          sha256: sha(path.join(dir, "specs/pets.overlay.yaml")),
        },
        {
          kind: "ref",
          path: "../../specs/pet.yaml",
          sha256: sha(path.join(dir, "specs/pet.yaml")),
        },
        {
          kind: "spec",
          path: "../../specs/pets.yaml",
          sha256: sha(path.join(dir, "specs/pets.yaml")),
        },
      ].sort((a, b) => (a.path < b.path ? -1 : 1)),
    );
    for (const [file, hash] of Object.entries(manifest.files))
      expect(sha(path.join(out, file)), file).toBe(hash);
    expect(Object.keys(manifest.files)).toContain("README.md");
    expect(manifest.surface.operations.getPet).toEqual({
      method: "GET",
      params: { petId: "!string" },
      path: "/pets/{petId}",
      result: "Pet",
    });
    expect(read("README.md")).toContain("const result = await client.listOwners();");
    expect(existsSync(path.join(out, "CHANGES.md"))).toBe(false);

    const again = await runCli(["generate"], dir);
    expect(again.stdout).toMatch(/^generated\/pets: up to date \(\d+ ms\)\n$/);
    expect((await runCli(["generate", "--check"], dir)).code).toBe(0);
  });

  it("--check: exit 1 with a unified diff of each stale file; --fail-on-breaking: exit 1 and CHANGES.md", async () => {
    edit(
      "pets.yaml",
      "      parameters:\n        - name: petId",
      "      parameters:\n        - name: tenant\n          in: query\n          required: true\n          schema: { type: string }\n        - name: petId",
    );
    edit("pet.yaml", "enum: [available, pending, sold]", "enum: [available, pending]");
    edit(
      "pets.yaml",
      "  /owners:\n",
      "  /pets/{petId}/photo:\n    delete:\n      operationId: deletePhoto\n      parameters:\n        - { name: petId, in: path, required: true, schema: { type: string } }\n      responses: { '204': { description: gone } }\n  /owners:\n",
    );
    const before = read("functions.ts");

    const check = await runCli(["generate", "--check"], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(
      "generated/pets is stale (regenerate with `clientgen generate`):",
    );
    expect(check.stderr).toMatch(/ {2}changed: functions\.ts \(\+\d+ -\d+\)/);
    expect(check.stderr).toContain("--- a/functions.ts\n+++ b/functions.ts\n@@ -");
    expect(check.stderr).toContain(
      '--- a/types.ts\n+++ b/types.ts\n@@ -11,5 +11,5 @@\n   age?: number;\n }\n \n-export type Status = "available" | "pending" | "sold";\n+export type Status = "available" | "pending";\n',
    );
    expect(read("functions.ts")).toBe(before);

    const run = await runCli(["generate", "--fail-on-breaking"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "Pets: 3 changes for callers, 2 breaking (generated/pets/CHANGES.md)\n",
    );
    expect(run.stdout).toContain("  BREAKING getPet parameter tenant added (required)\n");
    expect(run.stdout).toContain('  BREAKING Status enum value "sold" removed\n');
    expect(run.stdout).toContain("  operation deletePhoto added (DELETE /pets/{petId}/photo)\n");
    const changes = read("CHANGES.md");
    expect(changes).toContain("# Changes for callers of the Pets client");
    expect(changes).toContain(
      '## Breaking\n\n- `getPet` parameter `tenant` added (required)\n- `Status` enum value `"sold"` removed\n',
    );
    expect(changes).toContain(
      "## Other\n\n- operation `deletePhoto` added (`DELETE /pets/{petId}/photo`)\n",
    );
    expect(JSON.parse(read("clientgen.json")).files["CHANGES.md"]).toBe(
      sha(path.join(out, "CHANGES.md")),
    );

    // Written: the next runs are a no-op and --check is clean (CHANGES.md is kept as it is).
    expect((await runCli(["generate", "--fail-on-breaking"], dir)).stdout).toMatch(/up to date/);
    expect((await runCli(["generate", "--check"], dir)).code).toBe(0);
  });

  it("a new operationId on the same method and path is a rename", async () => {
    edit("pets.yaml", "operationId: getPet", "operationId: fetchPet");
    const run = await runCli(["generate"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "  BREAKING operation getPet renamed to fetchPet (GET /pets/{petId})",
    );
    expect(read("CHANGES.md")).toContain(
      "- operation `getPet` renamed to `fetchPet` (`GET /pets/{petId}`)",
    );
    edit("pets.yaml", "operationId: fetchPet", "operationId: getPet");
    expect((await runCli(["generate"], dir)).stdout).toContain("renamed to getPet");
  });

  it("--json prints one document; --verbose prints the time of each stage", async () => {
    const json = await runCli(["generate", "--check", "--json"], dir);
    expect(json.stderr).toBe("");
    const doc = JSON.parse(json.stdout);
    expect(doc).toMatchObject({
      apis: [
        {
          name: "Pets",
          output: "generated/pets",
          status: "up-to-date",
          changes: [],
          diagnostics: [],
        },
      ],
      exitCode: 0,
    });
    expect(Object.keys(doc.apis[0].stages)).toEqual([
      "parsing",
      "normalising",
      "emitting",
      "formatting",
      "comparing",
    ]);

    const verbose = await runCli(["generate", "--check", "--verbose"], dir);
    expect(verbose.stderr).toMatch(
      /^ {2}Pets: parsing \d+ ms, normalising \d+ ms, emitting \d+ ms, formatting \d+ ms, comparing \d+ ms; total \d+ ms$/m,
    );
    // Not a terminal (CI, pipes): no progress line.
    expect(verbose.stderr).not.toContain("\r");
  });

  it("bad input exits 2: unknown config keys (with a suggestion), a missing config", async () => {
    const bad = path.join(dir, "bad");
    mkdirSync(bad, { recursive: true });
    writeFileSync(
      path.join(bad, "clientgen.config.yaml"),
      "apis:\n  - spec: x.yaml\n    output: out\n    overlay: [y.yaml]\n",
    );
    const run = await runCli(["generate"], bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `clientgen: clientgen.config.yaml: unknown key "apis[0].overlay"; did you mean "overlays"?\n`,
    );
    const none = await runCli(["generate"], path.join(dir, "specs"));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("no config file found");
  });

  it("a run killed between the two renames of the swap: the next run puts the client back, even when it fails", async () => {
    await runCli(["generate"], dir);
    const before = listFiles(out).map((file) => [file, read(file)]);
    const deadPid = Number(
      execFileSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
        encoding: "utf8",
      }),
    );
    renameSync(out, path.join(dir, `generated/.pets.clientgen-old-${deadPid}`));
    const spec = path.join(dir, "specs/pets.yaml");
    const text = readFileSync(spec, "utf8");
    writeFileSync(spec, `${text}\n  broken: [\n`);
    try {
      const run = await runCli(["generate"], dir);
      expect(run.code).toBe(2);
      expect(listFiles(out).map((file) => [file, read(file)])).toEqual(before);
      expect(readdirSync(path.join(dir, "generated"))).toEqual(["pets"]);
    } finally {
      writeFileSync(spec, text);
    }
  });
});

describe("clientgen verify", () => {
  it("a vendored copy in another repo: intact, then edited, missing and extra files", async () => {
    const host = tempDir("clientgen-host-");
    try {
      const copy = path.join(host, "src/vendor/pets");
      cpSync(out, copy, { recursive: true });
      const ok = await runCli(["verify", "src/vendor/pets"], host);
      expect(ok).toMatchObject({
        code: 0,
        stdout: expect.stringMatching(/^src\/vendor\/pets: intact \(clientgen \d/),
      });
      writeFileSync(
        path.join(copy, "client.ts"),
        `${readFileSync(path.join(copy, "client.ts"), "utf8")}// local fix\n`,
      );
      unlinkSync(path.join(copy, "runtime/retry.ts"));
      writeFileSync(path.join(copy, "notes.txt"), "ours\n");
      const bad = await runCli(["verify", "src/vendor/pets"], host);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain("src/vendor/pets: 2 files differ from what clientgen");
      expect(bad.stderr).toContain(
        "  edited:  client.ts\n  missing: runtime/retry.ts\n  not generated (ignored): notes.txt",
      );
      expect(
        JSON.parse((await runCli(["verify", "--json", "src/vendor/pets"], host)).stdout),
      ).toMatchObject({
        exitCode: 1,
        folders: [{ edited: ["client.ts"], extra: ["notes.txt"], missing: ["runtime/retry.ts"] }],
      });
      const none = await runCli(["verify", "src"], host);
      expect(none.code).toBe(2);
      expect(none.stderr).toContain("src: no clientgen.json here");
    } finally {
      rmSync(host, { recursive: true, force: true });
    }
  });
});

describe("options", () => {
  it("--include-tag / --exclude-path keep only the matching operations", async () => {
    const run = await runCli(
      [
        "generate",
        "--api",
        "Pets",
        "--out",
        "filtered",
        "--include-tag",
        "pets",
        "--exclude-path",
        "/pets/*/photo",
      ],
      dir,
    );
    expect(run.code).toBe(0);
    const client = readFileSync(path.join(dir, "filtered/functions.ts"), "utf8");
    expect(client).toContain("getPet(");
    expect(client).not.toContain("listOwners(");
    expect(client).not.toContain("deletePhoto(");
    expect(
      JSON.parse(readFileSync(path.join(dir, "filtered/clientgen.json"), "utf8")).options,
    ).toEqual({ exclude: { paths: ["/pets/*/photo"] }, include: { tags: ["pets"] } });
  });

  it("a URL spec only when allowed, fetched from 127.0.0.1", async () => {
    const refused = await runCli(
      ["generate", "--spec", `${baseUrl}/openapi.yaml`, "--out", "remote"],
      dir,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      "the spec is a URL; allow it with options.allowUrl in the config or --allow-url",
    );
    expect(requests).not.toContain("GET /openapi.yaml");
    const allowed = await runCli(
      ["generate", "--spec", `${baseUrl}/openapi.yaml`, "--out", "remote", "--allow-url"],
      dir,
    );
    expect(allowed.code).toBe(0);
    expect(readFileSync(path.join(dir, "remote/functions.ts"), "utf8")).toContain("getThing(");
  });

  it("--emit js: .js + .d.ts that run against a local server and type-check a caller", async () => {
    const run = await runCli(
      ["generate", "--api", "Pets", "--out", "js/pets", "--emit", "js"],
      dir,
    );
    expect(run.code).toBe(0);
    const js = path.join(dir, "js/pets");
    const manifest = JSON.parse(readFileSync(path.join(js, "clientgen.json"), "utf8"));
    const files = Object.keys(manifest.files);
    expect(files).toEqual(
      expect.arrayContaining(
        ["index.js", "index.d.ts", "client.js", "client.d.ts", "runtime/http.js"].filter(
          (f) => f !== "runtime/http.js",
        ),
      ),
    );
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
    expect(readFileSync(path.join(js, "index.js"), "utf8")).toMatch(
      /^\/\/ Generated by clientgen\.[^\n]*\n\/\/ @ts-self-types="\.\/index\.d\.ts"\n/,
    );
    expect(readFileSync(path.join(js, "runtime/transport.js"), "utf8")).toContain(
      '// @ts-self-types="./transport.d.ts"',
    );

    // No package.json in the folder or the host: .js files are ES modules by import().
    writeFileSync(path.join(dir, "js/package.json"), JSON.stringify({ type: "module" }));
    const index = await import(pathToFileURL(path.join(js, "index.js")).href);
    const client = index.createPetsClient({ baseUrl, retry: { maxRetries: 0 } });
    const pet = await client.getPet({ petId: "p1", tenant: "t" });
    expect(pet).toEqual({ id: "p1", name: "Rex", status: "available" });
    expect(requests).toContain("GET /pets/p1?tenant=t");

    const compiled = await compileAlone(
      { pets: js },
      {
        "caller.ts": `import { createPetsClient, type Pet } from "./pets/index.js";
const client = createPetsClient({ baseUrl: "http://127.0.0.1:1" });
export const pet: Promise<Pet> = client.getPet({ petId: "1", tenant: "t" });
// @ts-expect-error tenant is required
void client.getPet({ petId: "1" });
`,
      },
    );
    expect(compiled.output).toBe("");
    expect(compiled.ok).toBe(true);

    // A JavaScript host with checkJs: its calls are checked against the .d.ts, the folder's .js are not reported.
    const checkedJs = await compileAlone(
      { pets: js },
      {
        "caller.js": `import { createPetsClient } from "./pets/index.js";
const client = createPetsClient({ baseUrl: "http://127.0.0.1:1" });
/** @type {Promise<import("./pets/index.js").Pet>} */
export const pet = client.getPet({ petId: "1", tenant: "t" });
// @ts-expect-error tenant is required
void client.getPet({ petId: "1" });
`,
      },
      { allowJs: true, checkJs: true },
    );
    expect(checkedJs.output).toBe("");
    expect(checkedJs.ok).toBe(true);
  });
});

function sha(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}
