// The house has one direction (ARCHITECTURE.md): every generator file belongs to a layer, and a
// file imports only its own layer or layers below it, so there is no cycle between stage folders
// and each stage sees only what comes before it. The model and the client runtime import nothing
// of the generator. `npm run lint:layers` runs this file alone (CI runs it first).
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const repo = path.resolve(import.meta.dirname, "../..");

/**
 * Layers from the bottom up; a layer may import itself and the layers listed before it. Entries
 * are folders (`load/`) or single files (`pipeline.ts`) under generator/.
 */
const layers: { name: string; members: string[] }[] = [
  {
    name: "shared",
    members: ["shared/", "define-config.ts", "options.ts", "package-root.ts", "version.ts"],
  },
  { name: "model", members: ["model/"] },
  { name: "diagnostics", members: ["diagnostics/"] },
  { name: "cache", members: ["cache/"] },
  { name: "load", members: ["load/"] },
  { name: "validate", members: ["validate/"] },
  { name: "normalize", members: ["normalize/"] },
  { name: "report", members: ["report/"] },
  { name: "emit", members: ["emit/"] },
  { name: "output", members: ["output/"] },
  { name: "config", members: ["config/", "config.ts"] },
  { name: "pipeline", members: ["pipeline.ts"] },
  { name: "api", members: ["index.ts"] },
  { name: "cli", members: ["cli/", "cli.ts"] },
];

/** Layers that import nothing but themselves (whatever their place in the list). */
const selfContained = new Set(["model"]);

/** Every .ts file under `dir`, relative to the repository, forward slashes. */
function sources(dir: string): string[] {
  return readdirSync(path.join(repo, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
    .map((file) => `${dir}/${file.split(path.sep).join("/")}`)
    .sort();
}

/** The repository files `file` imports (static, type-only and dynamic imports), relative ones only. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(
    readFileSync(path.join(repo, file), "utf8"),
    true,
    true,
  );
  return importedFiles
    .map((i) => i.fileName)
    .filter((specifier) => specifier.startsWith("."))
    .map((specifier) =>
      path.posix.normalize(
        path.posix.join(path.posix.dirname(file), specifier.replace(/\.js$/, ".ts")),
      ),
    );
}

function layerOf(file: string): number {
  const inside = file.slice("generator/".length);
  const index = layers.findIndex((layer) =>
    layer.members.some((m) => (m.endsWith("/") ? inside.startsWith(m) : inside === m)),
  );
  return index;
}

describe("import layers", () => {
  const generator = sources("generator");

  it("every generator file belongs to a layer", () => {
    expect(generator.filter((file) => layerOf(file) === -1)).toEqual([]);
  });

  it("a file imports only its own layer and the layers below it", () => {
    const violations = generator.flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith("generator/"))
        .filter((target) => {
          const from = layerOf(file);
          const to = layerOf(target);
          return to > from || (selfContained.has(layers[from].name) && to !== from);
        })
        .map(
          (target) =>
            `${file} (${layers[layerOf(file)].name}) imports ${target} (${layers[layerOf(target)]?.name ?? "?"})`,
        ),
    );
    expect(violations).toEqual([]);
  });

  it("the client runtime imports nothing outside templates/runtime/", () => {
    const outside = sources("templates/runtime").flatMap((file) =>
      importsOf(file)
        .filter((target) => !target.startsWith("templates/runtime/"))
        .map((target) => `${file} imports ${target}`),
    );
    expect(outside).toEqual([]);
  });

  it("the rule sees a violation (a stage importing a later one) and a runtime import of the generator", () => {
    // The checks above pass on an empty list: prove the two functions they rest on do their job.
    expect(layerOf("generator/normalize/context.ts")).toBeLessThan(
      layerOf("generator/emit/index.ts"),
    );
    expect(layerOf("generator/cli/args.ts")).toBeGreaterThan(layerOf("generator/pipeline.ts"));
    expect(importsOf("generator/pipeline.ts")).toContain("generator/output/write.ts");
    expect(importsOf("generator/cli.ts")).toContain("generator/cli/generate-command.ts");
  });
});
