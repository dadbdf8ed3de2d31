// Config files of every kind -> the same resolved APIs; unknown keys fail with a suggestion;
// flags override the config.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, selectApis } from "../../generator/cli/args.js";
import { closest, findConfigFile, loadConfig } from "../../generator/config.js";
import { defaultOptions } from "../../generator/options.js";
import { tempDir } from "./helpers.js";

const dir = tempDir("clientgen-config-");
const repo = path.resolve(import.meta.dirname, "../..");
process.env.CLIENTGEN_CACHE_DIR = path.join(dir, ".cache");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

// Every option present, the defaults spelled out: one object for every stage.
const want = {
  ...defaultOptions,
  emit: "js",
  include: { tags: ["pets"] },
  name: "Pets",
  output: path.join(dir, "out/pets"),
  overlays: [path.join(dir, "specs/pets.overlay.yaml")],
  spec: path.join(dir, "specs/pets.yaml"),
};

describe("config files", () => {
  it.each([
    [
      "clientgen.config.json",
      `{ "apis": [{ "name": "Pets", "spec": "specs/pets.yaml", "overlays": ["specs/pets.overlay.yaml"], "output": "out/pets", "options": { "emit": "js", "include": { "tags": ["pets"] } } }] }`,
    ],
    [
      "clientgen.config.yaml",
      "apis:\n  - name: Pets\n    spec: specs/pets.yaml\n    overlays: [specs/pets.overlay.yaml]\n    output: out/pets\n    options: { emit: js, include: { tags: [pets] } }\n",
    ],
    [
      "clientgen.config.mjs",
      `export default { apis: [{ name: "Pets", spec: "specs/pets.yaml", overlays: ["specs/pets.overlay.yaml"], output: "out/pets", options: { emit: "js", include: { tags: ["pets"] } } }] };\n`,
    ],
    [
      "clientgen.config.ts",
      `import { defineConfig } from "clientgen/config";\nimport { output } from "../shared/paths.ts";\nconst emit: "js" | "ts" = "js";\nexport default defineConfig({ apis: [{ name: "Pets", spec: "specs/pets.yaml", overlays: ["specs/pets.overlay.yaml"], output, options: { emit, include: { tags: ["pets"] } } }] });\n`,
    ],
  ])("%s", async (name, text) => {
    write("shared/paths.ts", `export const output: string = "out/pets";\n`);
    const file = write(`${name.replace(/\./g, "-")}/${name}`, text);
    const config = await loadConfig(file);
    const base = path.dirname(file);
    expect(config.apis).toEqual([
      {
        ...want,
        output: path.join(base, "out/pets"),
        overlays: [path.join(base, "specs/pets.overlay.yaml")],
        spec: path.join(base, "specs/pets.yaml"),
      },
    ]);
    expect(config.files[0]).toBe(path.resolve(file));
  });

  it("a .ts config imports defineConfig by a relative path too, and is cached by content", async () => {
    const defineConfig = path
      .relative(path.join(dir, "rel"), path.join(repo, "generator/define-config.ts"))
      .split(path.sep)
      .join("/");
    const file = write(
      "rel/clientgen.config.ts",
      `import { defineConfig } from "${defineConfig}";\nexport default defineConfig({ apis: [{ spec: "a.yaml", output: "out" }] });\n`,
    );
    const first = await loadConfig(file);
    expect(first.apis[0].output).toBe(path.join(dir, "rel/out"));
    expect(first.files).toContain(path.join(repo, "generator/define-config.ts"));
    write(
      "rel/clientgen.config.ts",
      `import { defineConfig } from "${defineConfig}";\nexport default defineConfig({ apis: [{ spec: "a.yaml", output: "out2" }] });\n`,
    );
    expect((await loadConfig(file)).apis[0].output).toBe(path.join(dir, "rel/out2"));
  });

  it.each(["clientgen.config.json", "clientgen.config.yaml", "clientgen.config.mjs"])(
    "a named pipe as %s is refused, not waited on",
    async (name) => {
      const fifoDir = path.join(dir, "fifo", name);
      mkdirSync(fifoDir, { recursive: true });
      execFileSync("mkfifo", [path.join(fifoDir, name)]);
      await expect(loadConfig(path.join(fifoDir, name))).rejects.toThrow(
        /the config file is a named pipe, not a regular file/,
      );
    },
  );

  it("finds clientgen.config.ts before .json and .yaml", () => {
    const search = path.join(dir, "search");
    write("search/clientgen.config.yaml", "apis: []\n");
    expect(findConfigFile(search)).toBe(path.join(search, "clientgen.config.yaml"));
    write("search/clientgen.config.json", `{ "apis": [] }`);
    expect(findConfigFile(search)).toBe(path.join(search, "clientgen.config.json"));
    write("search/clientgen.config.ts", "export default { apis: [] };\n");
    expect(findConfigFile(search)).toBe(path.join(search, "clientgen.config.ts"));
  });

  it.each([
    [
      `{ "apis": [{ "spec": "a.yaml", "output": "o", "overlay": ["x"] }] }`,
      `unknown key "apis[0].overlay"; did you mean "overlays"?`,
    ],
    [
      `{ "apis": [{ "spec": "a.yaml", "outptu": "o" }] }`,
      `unknown key "apis[0].outptu"; did you mean "output"?`,
    ],
    [`{ "api": [] }`, `expected { "apis"`],
    [`{ "apis": [], "apiz": 1 }`, `unknown key "apiz"; did you mean "apis"?`],
    [
      `{ "apis": [{ "spec": "a.yaml", "output": "o", "options": { "emitt": "js" } }] }`,
      `unknown key "apis[0].options.emitt"; did you mean "emit"?`,
    ],
    [
      `{ "apis": [{ "spec": "a.yaml", "output": "o", "options": { "include": { "tag": ["x"] } } }] }`,
      `unknown key "apis[0].options.include.tag"; did you mean "tags"?`,
    ],
    [
      `{ "apis": [{ "spec": "a.yaml", "output": "o", "options": { "emit": "cjs" } }] }`,
      `apis[0].options.emit must be "ts" or "js"`,
    ],
    [
      `{ "apis": [{ "spec": "a.yaml", "output": "o", "options": { "importExtension": ".ts" } }] }`,
      `apis[0].options.importExtension must be "js" or "ts"`,
    ],
    [
      `{ "apis": [{ "spec": "a.yaml", "output": "o", "options": { "importExtension": "ts", "emit": "js" } }] }`,
      `importExtension "ts" is for TypeScript output`,
    ],
    [
      `{ "apis": [{ "spec": "a.yaml", "output": "o", "zzz": 1 }] }`,
      `unknown key "apis[0].zzz"; known keys: name, options, output, overlays, spec`,
    ],
    [
      `{ "apis": [{ "spec": "a.yaml", "output": "o", "options": { "silence": ["REF001"] } }] }`,
      `apis[0].options.silence: REF001 is an error (the generated code would be wrong) and cannot be silenced`,
    ],
    [
      `{ "apis": [{ "spec": "a.yaml", "output": "o", "options": { "silence": ["NAME01"] } }] }`,
      `apis[0].options.silence: "NAME01" is not a clientgen diagnostic code`,
    ],
  ])("rejects %s", async (text, message) => {
    const file = write("bad/clientgen.config.json", text);
    await expect(loadConfig(file)).rejects.toThrow(message);
  });

  it("suggests the nearest key", () => {
    expect(closest("ovelrays", ["name", "overlays", "spec"])).toBe("overlays");
    expect(closest("Spec", ["name", "overlays", "spec"])).toBe("spec");
    expect(closest("banana", ["name", "overlays", "spec"])).toBeUndefined();
  });
});

describe("flags override the config", () => {
  const apis = [
    { ...defaultOptions, name: "A", include: { tags: ["x"] }, output: "out/a", spec: "a.yaml" },
    { ...defaultOptions, name: "B", output: "out/b", spec: "b.yaml" },
  ];
  const select = (argv: string[]) => selectApis(parse(argv).values, apis);

  it("options of every API", () => {
    const [a, b] = select([
      "generate",
      "--emit",
      "js",
      "--include-tag",
      "y",
      "--exclude-path",
      "/admin/**",
      "--allow-url",
    ]);
    expect(a).toEqual({
      ...defaultOptions,
      allowUrl: true,
      emit: "js",
      exclude: { paths: ["/admin/**"] },
      include: { tags: ["y"] },
      name: "A",
      output: "out/a",
      spec: "a.yaml",
    });
    expect(b).toEqual({
      ...defaultOptions,
      allowUrl: true,
      emit: "js",
      exclude: { paths: ["/admin/**"] },
      include: { tags: ["y"] },
      name: "B",
      output: "out/b",
      spec: "b.yaml",
    });
  });

  it("--api picks by name or output; --out and --name need one API", () => {
    expect(select(["generate", "--api", "B"]).map((a) => a.name)).toEqual(["B"]);
    expect(select(["generate", "--api", "out/a/"]).map((a) => a.name)).toEqual(["A"]);
    expect(
      select(["generate", "--api", "A", "--out", "elsewhere", "--name", "Z"])[0],
    ).toMatchObject({ name: "Z", output: "elsewhere" });
    expect(() => select(["generate", "--out", "elsewhere"])).toThrow(
      "--out, --name and --overlay need --spec",
    );
    expect(() => select(["generate", "--api", "C"])).toThrow("--api C: no such API");
  });

  it("--spec ignores the config's APIs", () => {
    expect(select(["generate", "--spec", "s.yaml", "--out", "o"])).toEqual([
      { ...defaultOptions, name: undefined, output: "o", overlays: [], spec: "s.yaml" },
    ]);
    expect(() => select(["generate", "--emit", "cjs"])).toThrow(`--emit must be "ts" or "js"`);
  });

  it("-i/-o and --input/--output stand for --spec/--out; --import-extension ts is for TypeScript output", () => {
    for (const argv of [
      ["-i", "s.yaml", "-o", "o"],
      ["--input", "s.yaml", "--output=o"],
    ]) {
      expect(select(["generate", ...argv])[0]).toMatchObject({ output: "o", spec: "s.yaml" });
    }
    expect(
      select(["generate", "-i", "s.yaml", "-o", "o", "--import-extension", "ts"])[0]
        .importExtension,
    ).toBe("ts");
    expect(() =>
      select(["generate", "-i", "s.yaml", "-o", "o", "--import-extension", "mjs"]),
    ).toThrow(`--import-extension must be "js" or "ts"`);
    expect(() =>
      select(["generate", "-i", "s.yaml", "-o", "o", "--import-extension", "ts", "--emit", "js"]),
    ).toThrow("--import-extension ts is for TypeScript output");
  });

  it("--silence adds warning codes to the config's (repeatable, or comma-separated); an error code is refused", () => {
    const silenced = selectApis(
      parse(["generate", "--silence", "NAME001,PAR005", "--silence", "SCH002"]).values,
      [{ ...apis[0], silence: ["NAME001"] }],
    );
    expect(silenced[0].silence).toEqual(["NAME001", "PAR005", "SCH002"]);
    expect(() => select(["generate", "--silence", "LRO001"])).toThrow(
      "--silence: LRO001 is an error (the generated code would be wrong) and cannot be silenced",
    );
  });

  it("an unknown flag names the nearest one", () => {
    expect(() => parse(["generate", "--ouput", "o"])).toThrow(
      "unknown option --ouput; did you mean --output?",
    );
    expect(() => parse(["generate", "--chek"])).toThrow(
      "unknown option --chek; did you mean --check?",
    );
    expect(() => parse(["generate", "--zzzzzzzz"])).toThrow(/^unknown option --zzzzzzzz$/);
  });
});
