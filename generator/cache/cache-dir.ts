// Where clientgen keeps its caches: CLIENTGEN_CACHE_DIR, else node_modules/.cache/clientgen (the
// convention tools share) when the working directory has a node_modules we may write to, else the
// user's folder in the OS temp dir (a read-only node_modules, as in a Docker image, must not fail a run).
import { accessSync, constants, existsSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const chosen = new Map<string, string>();

export function cacheDir(): string {
  if (process.env.CLIENTGEN_CACHE_DIR) return process.env.CLIENTGEN_CACHE_DIR;
  const cwd = process.cwd();
  let dir = chosen.get(cwd);
  if (dir === undefined) {
    const local = path.join(cwd, "node_modules", ".cache", "clientgen");
    // One folder per user in the temp dir: another user's (say root's) would not be writable.
    dir = isWritable(local)
      ? local
      : path.join(os.tmpdir(), `clientgen-${process.getuid?.() ?? "user"}`);
    chosen.set(cwd, dir);
  }
  return dir;
}

/** The deepest existing folder on the way to `dir` is writable, and it is inside a node_modules. */
function isWritable(dir: string): boolean {
  const nodeModules = path.dirname(path.dirname(dir));
  if (!existsSync(nodeModules)) return false;
  let existing = dir;
  while (!existsSync(existing)) existing = path.dirname(existing);
  try {
    accessSync(existing, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
