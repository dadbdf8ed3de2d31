// Run the real CLI (bin/clientgen.mjs) against a bundle of the current sources, built once into
// node_modules/.cache so that the shared dist/ is never rewritten under other test runs.
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";

const buildDir = path.resolve("node_modules/.cache/clientgen-robustness", String(process.pid));
const binFile = path.join(buildDir, "bin/clientgen.mjs");
let built: Promise<void> | undefined;

/** Bundle generator/cli.ts like `npm run build` does, beside a copy of bin/clientgen.mjs and a link to templates/. */
export function buildCli(): Promise<void> {
  built ??= (async () => {
    mkdirSync(path.dirname(binFile), { recursive: true });
    copyFileSync("bin/clientgen.mjs", binFile);
    // The bundle looks for templates/ beside itself, as dist/ does in the repository.
    if (!existsSync(path.join(buildDir, "templates"))) symlinkSync(path.resolve("templates"), path.join(buildDir, "templates"));
    await build({
      bundle: true,
      entryPoints: ["generator/cli.ts"],
      format: "esm",
      logLevel: "warning",
      outfile: path.join(buildDir, "dist/clientgen.mjs"),
      packages: "external",
      platform: "node",
      target: "node20",
    });
    // The runtime the bundle copies into clients is built by `npm run build` (dist/runtime).
    const runtime = path.join(buildDir, "dist", "runtime");
    if (!existsSync(runtime)) symlinkSync(path.resolve("dist/runtime"), runtime);
  })();
  return built;
}

/** Remove the bundle (call from afterAll). */
export function removeCli(): void {
  rmSync(buildDir, { recursive: true, force: true });
  built = undefined;
}

export interface CliRun {
  code: number;
  stderr: string;
  stdout: string;
}

/** `clientgen <args>` from the repository root. */
export async function runCli(args: string[]): Promise<CliRun> {
  await buildCli();
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [binFile, ...args], { cwd: process.cwd() });
    return { code: 0, stderr, stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stderr: e.stderr ?? "", stdout: e.stdout ?? "" };
  }
}

/** Every file under `dir` (relative path -> content), directories as entries too: a tree to compare byte for byte. */
export function readTree(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const walk = (at: string, rel: string): void => {
    for (const name of readdirSync(at).sort()) {
      const full = path.join(at, name);
      const key = rel ? `${rel}/${name}` : name;
      if (statSync(full).isDirectory()) {
        tree[`${key}/`] = "";
        walk(full, key);
      } else {
        tree[key] = readFileSync(full, "latin1");
      }
    }
  };
  walk(dir, "");
  return tree;
}
