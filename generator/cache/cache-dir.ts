// Where clientgen keeps its caches: CLIENTGEN_CACHE_DIR, else node_modules/.cache/clientgen (the
// convention tools share) when the working directory has a node_modules, else the OS temp dir.
import { existsSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export function cacheDir(): string {
  if (process.env.CLIENTGEN_CACHE_DIR) return process.env.CLIENTGEN_CACHE_DIR;
  const local = path.join(process.cwd(), "node_modules");
  return existsSync(local) ? path.join(local, ".cache", "clientgen") : path.join(os.tmpdir(), "clientgen");
}
