// Type-check TypeScript files with the native compiler (TypeScript 7), strict, with only the DOM
// and ES libs: proves generated code needs nothing but `fetch` and compiles on its own.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { noCheckDirective } from "../../generator/emit/plan.js";

const tsc = path.resolve("node_modules/typescript7/bin/tsc");

export interface CompileResult {
  ok: boolean;
  output: string;
}

/**
 * Copy `folders` (name -> source dir) into an empty temp dir with `extraFiles`, then run tsc --strict
 * on it. `checksEverything` drops the `@ts-nocheck` of the runtime and the descriptors, so that
 * their code is checked too (what host checkers skip, we check).
 */
export async function compileAlone(
  folders: Record<string, string>,
  extraFiles: Record<string, string> = {},
  extraOptions: Record<string, unknown> = {},
  { checksEverything = false } = {},
): Promise<CompileResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "clientgen-tsc-"));
  for (const [name, source] of Object.entries(folders))
    cpSync(source, path.join(dir, name), { recursive: true });
  if (checksEverything) {
    for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".ts"),
    )) {
      const full = path.join(dir, file);
      writeFileSync(full, readFileSync(full, "utf8").replace(`\n${noCheckDirective}\n`, "\n"));
    }
  }
  for (const [name, text] of Object.entries(extraFiles)) writeFileSync(path.join(dir, name), text);
  const tsconfig = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      lib: ["ES2022", "DOM", "DOM.Iterable"],
      types: [],
      skipLibCheck: false,
      noUnusedLocals: false,
      exactOptionalPropertyTypes: false,
      noImplicitOverride: true,
      noFallthroughCasesInSwitch: true,
      ...extraOptions,
    },
    include: extraOptions.allowJs ? ["**/*.ts", "**/*.js"] : ["**/*.ts"],
  };
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [tsc, "-p", dir], {
      cwd: dir,
    });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ""}${e.stderr ?? ""}`.split(dir).join("<tmp>") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
