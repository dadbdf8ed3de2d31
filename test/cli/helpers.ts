// Drive the real CLI: generator/cli.ts bundled like `npm run build` (code splitting) into a cache
// folder beside a copy of bin/clientgen.mjs, package.json and a link to templates/, so the shared
// dist/ is never rewritten under other test runs. Tests work in temp dirs and talk to 127.0.0.1 only.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { build } from "esbuild";

const repo = path.resolve(import.meta.dirname, "../..");
const buildDir = path.join(repo, "node_modules/.cache/clientgen-cli-test", String(process.pid));
export const binFile = path.join(buildDir, "bin/clientgen.mjs");
/** The templates the built CLI reads (a copy with `isCopyingTemplates`, so a test may edit them). */
export const builtTemplates = path.join(buildDir, "templates");
let built: Promise<void> | undefined;

export function buildCli(options: { isCopyingTemplates?: boolean } = {}): Promise<void> {
  built ??= (async () => {
    mkdirSync(path.dirname(binFile), { recursive: true });
    copyFileSync(path.join(repo, "bin/clientgen.mjs"), binFile);
    copyFileSync(path.join(repo, "package.json"), path.join(buildDir, "package.json"));
    if (options.isCopyingTemplates)
      cpSync(path.join(repo, "templates"), builtTemplates, { recursive: true });
    else if (!existsSync(builtTemplates)) symlinkSync(path.join(repo, "templates"), builtTemplates);
    await build({
      bundle: true,
      chunkNames: "chunks/[name]-[hash]",
      entryNames: "clientgen",
      entryPoints: [path.join(repo, "generator/cli.ts")],
      format: "esm",
      logLevel: "warning",
      outExtension: { ".js": ".mjs" },
      outdir: path.join(buildDir, "dist"),
      packages: "external",
      platform: "node",
      splitting: true,
      target: "node20",
    });
    // The runtime the bundle copies into clients is built by `npm run build` (dist/runtime).
    const runtime = path.join(buildDir, "dist", "runtime");
    if (!existsSync(runtime)) symlinkSync(path.join(repo, "dist", "runtime"), runtime);
  })();
  return built;
}

export function removeCli(): void {
  rmSync(buildDir, { recursive: true, force: true });
  built = undefined;
}

export interface CliRun {
  code: number;
  stderr: string;
  stdout: string;
}

/** `clientgen <args>` in `cwd`, with its own cache folder (CLIENTGEN_CACHE_DIR) so runs never share state. */
export async function runCli(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<CliRun> {
  await buildCli();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [binFile, ...args],
      { cwd, env: { ...cliEnv(cwd), ...env } },
      (error, stdout, stderr) => {
        const code = error
          ? typeof (error as { code?: unknown }).code === "number"
            ? (error as { code: number }).code
            : -1
          : 0;
        resolve({ code, stderr, stdout });
      },
    );
  });
}

/** A long-running `clientgen <args>` (--watch). */
export async function spawnCli(args: string[], cwd: string): Promise<ChildProcess> {
  await buildCli();
  return spawn(process.execPath, [binFile, ...args], {
    cwd,
    env: cliEnv(cwd),
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function cliEnv(cwd: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CLIENTGEN_CACHE_DIR: path.join(cwd, ".cache") };
  delete env.CI;
  return env;
}

/** A fresh temp dir (removed by the caller). */
export function tempDir(prefix = "clientgen-cli-"): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const fixtures = path.join(import.meta.dirname, "fixtures");

/**
 * Every file under `dir` (relative path -> content): a tree to compare byte for byte; with
 * `withDirectories`, folders too (as "name/" -> ""), so a stray empty folder shows.
 */
export function readTree(
  dir: string,
  options: { withDirectories?: boolean } = {},
): Record<string, string> {
  const tree: Record<string, string> = {};
  const walk = (at: string, rel: string): void => {
    for (const name of readdirSync(at).sort()) {
      const full = path.join(at, name);
      const key = rel ? `${rel}/${name}` : name;
      if (statSync(full).isDirectory()) {
        if (options.withDirectories) tree[`${key}/`] = "";
        walk(full, key);
      } else tree[key] = readFileSync(full, "latin1");
    }
  };
  walk(dir, "");
  return tree;
}
