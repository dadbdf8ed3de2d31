// A user's templates directory (`--templates`, config `options.templates`) replaces any of our
// templates or partials by file name; a template that does not compile, or overrides nothing, is
// bad input naming the file, and the previous output stays. Template files are inputs: editing one
// regenerates instead of answering "up to date".
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtures, readTree, runCli, tempDir } from "./helpers.js";

const repo = path.resolve(import.meta.dirname, "../..");
const ours = (name: string) => readFileSync(path.join(repo, "templates", name), "utf8");
const dir = tempDir("clientgen-templates-");
const spec = path.join(dir, "specs/pets.yaml");
const custom = path.join(dir, "my-templates");

beforeAll(() => {
  cpSync(fixtures, path.join(dir, "specs"), { recursive: true });
  mkdirSync(path.join(custom, "partials"), { recursive: true });
  // The client's skeleton with a line of our own, and a descriptor constant written another way.
  writeFileSync(
    path.join(custom, "client.ts.hbs"),
    ours("client.ts.hbs").replace("{{doc}}\n", "// Reviewed by the platform team.\n{{doc}}\n"),
  );
  writeFileSync(
    path.join(custom, "partials/descriptor.hbs"),
    "export const {{name}}: {{type}} = {{literal}}; // {{name}}",
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("--templates", () => {
  it("replaces a template and a partial by file name; the rest stays ours", async () => {
    const plain = await runCli(["generate", "--spec", spec, "--out", "plain"], dir);
    expect(plain.code, plain.stderr).toBe(0);
    const run = await runCli(
      ["generate", "--spec", spec, "--out", "custom", "--templates", "my-templates"],
      dir,
    );
    expect(run.code, run.stderr).toBe(0);
    const before = readTree(path.join(dir, "plain"));
    const after = readTree(path.join(dir, "custom"));
    expect(after["client.ts"]).toContain("// Reviewed by the platform team.\n/**");
    expect(before["client.ts"]).not.toContain("Reviewed");
    // The comment after each constant shows the partial was used.
    expect(after["descriptors.ts"]).toMatch(/\n\}; \/\/ getPet\n/);
    expect(before["descriptors.ts"]).not.toContain("// getPet");
    for (const file of ["operations.ts", "types.ts", "index.ts", "runtime/transport.ts"])
      expect(after[file], file).toBe(before[file]);
  });

  it("is read from the config relative to the config file, and an edited template regenerates", async () => {
    const config = {
      apis: [
        { spec: "specs/pets.yaml", output: "from-config", options: { templates: "my-templates" } },
      ],
    };
    writeFileSync(path.join(dir, "clientgen.config.json"), JSON.stringify(config));
    const first = await runCli(["generate"], dir);
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(path.join(dir, "from-config/client.ts"), "utf8")).toContain(
      "// Reviewed by the platform team.",
    );
    expect((await runCli(["generate"], dir)).stdout).toContain("up to date");
    const client = path.join(custom, "client.ts.hbs");
    writeFileSync(client, readFileSync(client, "utf8").replace("platform team", "API guild"));
    const second = await runCli(["generate"], dir);
    expect(second.stdout).not.toContain("up to date");
    expect(readFileSync(path.join(dir, "from-config/client.ts"), "utf8")).toContain(
      "// Reviewed by the API guild.",
    );
    rmSync(path.join(dir, "clientgen.config.json"));
  });

  it("names a template that does not compile, and leaves the output as it was", async () => {
    const broken = path.join(dir, "broken");
    mkdirSync(path.join(broken, "partials"), { recursive: true });
    writeFileSync(
      path.join(broken, "partials/descriptor.hbs"),
      "export const {{name}}: {{type}} = {{#if literal}}{{literal}};\n",
    );
    const before = readTree(path.join(dir, "plain"));
    const run = await runCli(
      ["generate", "--spec", spec, "--out", "plain", "--templates", "broken"],
      dir,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "broken/partials/descriptor.hbs: template does not compile: Parse error on line 2",
    );
    expect(run.stderr).toContain("plain left unchanged");
    expect(readTree(path.join(dir, "plain"))).toEqual(before);
  });

  it("refuses a file that overrides no template, and a missing folder", async () => {
    const typo = path.join(dir, "typo");
    mkdirSync(typo, { recursive: true });
    writeFileSync(path.join(typo, "clinet.ts.hbs"), "{{header}}\n");
    const run = await runCli(
      ["generate", "--spec", spec, "--out", "typo-out", "--templates", "typo"],
      dir,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("typo/clinet.ts.hbs: overrides no template");
    expect(run.stderr).toContain("client.ts.hbs");
    const missing = await runCli(
      ["generate", "--spec", spec, "--out", "typo-out", "--templates", "nowhere"],
      dir,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nowhere: templates directory not found");
  });

  it("names a template that refers to a field its view does not have", async () => {
    const strict = path.join(dir, "strict");
    mkdirSync(strict, { recursive: true });
    writeFileSync(
      path.join(strict, "index.ts.hbs"),
      "{{header}}\nexport const version = {{apiVersion}};\n",
    );
    const run = await runCli(
      ["generate", "--spec", spec, "--out", "strict-out", "--templates", "strict"],
      dir,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'strict/index.ts.hbs:2:25: template failed to render: "apiVersion" not defined',
    );
  });
});
