// The tools compared, as whole-process command lines, and the TypeScript checkers run on their output.
import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { measure } from "./measure.mjs";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bin = (name) => path.join(repoRoot, "node_modules/.bin", name);

/**
 * @typedef {{ name: string, what: string, cached?: boolean,
 *   command: (spec: string, outDir: string) => { cmd: string, args: string[] } }} Tool
 */

/** @type {Tool[]} */
export const tools = [
  {
    name: "clientgen",
    what: "full client (types, client, operations, runtime)",
    cached: true,
    command: (spec, out) => ({
      cmd: process.execPath,
      args: [path.join(repoRoot, "bin/clientgen.mjs"), "generate", "--spec", spec, "--out", out],
    }),
  },
  {
    name: "openapi-typescript",
    what: "types only (one .d.ts)",
    command: (spec, out) => ({
      cmd: bin("openapi-typescript"),
      args: [spec, "-o", path.join(out, "schema.d.ts")],
    }),
  },
  {
    name: "hey-api",
    what: "full SDK, default plugins (@hey-api/client-fetch, typescript, sdk)",
    command: (spec, out) => ({ cmd: bin("openapi-ts"), args: ["-i", spec, "-o", out] }),
  },
  {
    name: "orval",
    // orval's default client is axios, which is not installed; fetch keeps its output dependency-free too.
    what: "full client, --client fetch, single file",
    command: (spec, out) => ({
      cmd: bin("orval"),
      args: ["--input", spec, "--output", path.join(out, "api.ts"), "--client", "fetch"],
    }),
  },
];

/** Environment for a clientgen run whose format cache lives in `cacheRoot` (see run.mjs). */
export function clientgenEnv(cacheRoot) {
  return { CLIENTGEN_CACHE_DIR: path.join(cacheRoot, "node_modules/.cache/clientgen") };
}

/** Bytes and file count of everything under dir (the tool's output; our tsconfig.json excluded). */
export function outputSize(dir) {
  let bytes = 0;
  let files = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name !== "tsconfig.json" && !e.name.endsWith(".tsbuildinfo")) {
        bytes += statSync(p).size;
        files += 1;
      }
    }
  };
  try {
    walk(dir);
  } catch {
    return null;
  }
  return { bytes, files };
}

export const checkers = [
  {
    name: "tsc 5.9",
    cmd: process.execPath,
    args: [path.join(repoRoot, "node_modules/typescript/bin/tsc")],
  },
  {
    name: "tsc 7",
    cmd: process.execPath,
    args: [path.join(repoRoot, "node_modules/typescript7/bin/tsc")],
  },
];

/** The options the issue asks for, as a tsconfig in the output folder (so every .ts/.d.ts is checked). */
export function writeTsconfig(dir) {
  mkdirSync(dir, { recursive: true });
  const tsconfig = {
    compilerOptions: {
      noEmit: true,
      strict: true,
      skipLibCheck: false,
      target: "es2022",
      module: "nodenext",
      moduleResolution: "nodenext",
      lib: ["es2022", "dom", "dom.iterable"],
      types: [],
    },
    include: ["**/*.ts"],
  };
  writeFileSync(path.join(dir, "tsconfig.json"), `${JSON.stringify(tsconfig, null, 2)}\n`);
}

/** Type-check one output folder; wall and CPU time, peak RSS and the number of errors reported. */
export async function typecheck(checker, dir) {
  const r = await measure(checker.cmd, [...checker.args, "-p", path.join(dir, "tsconfig.json")], {
    cwd: dir,
  });
  const errors = (r.stdout.match(/error TS\d+/g) ?? []).length;
  return {
    wallS: r.wallS,
    cpuS: r.cpuS,
    rssMiB: r.rssMiB,
    errors,
    firstError: errors
      ? r.stdout
          .split("\n")
          .find((l) => /error TS/.test(l))
          ?.slice(0, 160)
      : undefined,
  };
}
