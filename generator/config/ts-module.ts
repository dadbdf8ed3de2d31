// clientgen.config.ts -> its default export, run by jiti (a dependency-free TypeScript loader,
// imported only for .ts configs). jiti follows the config's local imports itself, uses Node's own
// type stripping where Node has it, and caches what it transpiled by content in the "config"
// sub-cache, so a warm run transpiles nothing. "clientgen" and "clientgen/config" are served
// from that cache folder, so a config works before clientgen is resolvable from its folder.
import { existsSync } from "node:fs";
import * as path from "node:path";
import { namedCache } from "../cache/named-cache.js";
import { writeFileAtomically } from "../shared/atomic-write.js";

/** The config's default export and every local file it was built from (the config first). */
export async function importTsConfig(file: string): Promise<{ files: string[]; value: unknown }> {
  const { createJiti } = await import("jiti");
  const defineConfig = defineConfigModule();
  const jiti = createJiti(file, {
    alias: { clientgen: defineConfig, "clientgen/config": defineConfig },
    fsCache: path.dirname(defineConfig),
    interopDefault: false,
    moduleCache: true,
  });
  const before = new Set(Object.keys(jiti.cache));
  const loaded = () => Object.keys(jiti.cache).filter((key) => !before.has(key));
  try {
    const value = ((await jiti.import(file)) as { default?: unknown }).default;
    const local = loaded().filter(
      (key) => key !== file && !key.includes(`${path.sep}node_modules${path.sep}`),
    );
    return { files: [file, ...local.sort()], value };
  } catch (error) {
    throw new Error(`${file}: ${firstLine(error as Error)}`);
  } finally {
    // A watch-mode reload must run the edited files again, not the copies from this run.
    for (const key of loaded()) delete jiti.cache[key];
  }
}

/** What "clientgen/config" is at run time: the identity (its types come from define-config.ts). */
const defineConfigSource = "export function defineConfig(config) {\n  return config;\n}\n";

/** The module served for "clientgen/config", written once into the config sub-cache. */
function defineConfigModule(): string {
  const file = namedCache("config").file("define-config.mjs");
  // The module must exist to be imported: unlike a cache entry, a failed write is an error.
  if (!existsSync(file)) writeFileAtomically(file, defineConfigSource);
  return file;
}

/** Babel's syntax errors carry the position in the message's first line; the code frame after it is noise here. */
function firstLine(error: Error): string {
  return error.message.split("\n")[0];
}
