// clientgen.config.ts -> an ES module Node can import. esbuild bundles the config with its local
// imports ("clientgen/config" is served from here, other packages stay imports); the result is
// cached by the content of every file it was built from, so a warm run never loads esbuild.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { namedCache } from "../cache/named-cache.js";
import { writeFileAtomically } from "../shared/atomic-write.js";
import { sha256 } from "../shared/hash.js";

interface Entry {
  /** Every file the bundle was built from (absolute) with its sha256. */
  inputs: Record<string, string>;
  module: string;
}

/** What `defineConfig` is at run time: the identity (its types come from define-config.ts). */
const defineConfigModule = "export function defineConfig(config) { return config; }\n";

/** The importable module for the config at `file` (absolute), and the files it was built from. */
export async function moduleOf(file: string): Promise<{ files: string[]; module: string }> {
  const cache = namedCache("config");
  const entryKey = `${sha256(file).slice(0, 16)}.json`;
  const cached = readEntry(cache.read(entryKey));
  if (cached && isFresh(cached)) return { files: Object.keys(cached.inputs), module: cached.module };
  const built = await bundle(file);
  const inputs = Object.fromEntries(built.inputs.map((input) => [input, sha256(readFileSync(input))]));
  // The module must exist to be imported: unlike the entry, a failed write is an error.
  const module = cache.file(`${sha256(built.code).slice(0, 16)}.mjs`);
  writeFileAtomically(module, built.code);
  cache.write(entryKey, JSON.stringify({ inputs, module } satisfies Entry));
  return { files: Object.keys(inputs), module };
}

async function bundle(file: string): Promise<{ code: string; inputs: string[] }> {
  const esbuild = await import("esbuild");
  let result;
  try {
    result = await esbuild.build({
      absWorkingDir: path.dirname(file),
      bundle: true,
      entryPoints: [file],
      format: "esm",
      logLevel: "silent",
      metafile: true,
      platform: "node",
      target: "node20",
      write: false,
      plugins: [
        {
          name: "clientgen-config",
          setup(build) {
            build.onResolve({ filter: /^clientgen(\/config)?$/ }, () => ({ namespace: "clientgen", path: "config" }));
            build.onLoad({ filter: /.*/, namespace: "clientgen" }, () => ({ contents: defineConfigModule, loader: "js" }));
            // Other packages are imported from the project's node_modules when the config runs.
            build.onResolve({ filter: /^[^./]/ }, (args) => (args.kind === "entry-point" ? undefined : { external: true, path: args.path }));
          },
        },
      ],
    });
  } catch (error) {
    const errors = (error as { errors?: { text: string; location?: { file: string; line: number; column: number } }[] }).errors ?? [];
    const first = errors[0];
    const where = first?.location ? `${first.location.file}:${first.location.line}:${first.location.column + 1}: ` : "";
    throw new Error(`${file}: ${where}${first?.text ?? (error as Error).message}`);
  }
  const base = path.dirname(file);
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith("clientgen:")).map((input) => path.resolve(base, input));
  return { code: result.outputFiles[0].text, inputs: inputs.sort() };
}

function isFresh(entry: Entry): boolean {
  try {
    return Object.entries(entry.inputs).every(([file, hash]) => sha256(readFileSync(file)) === hash) && readFileSync(entry.module).length >= 0;
  } catch {
    return false;
  }
}

function readEntry(text: string | undefined): Entry | undefined {
  try {
    return text === undefined ? undefined : (JSON.parse(text) as Entry);
  } catch {
    return undefined;
  }
}
