// The files of a folder tree as clientgen names them: relative, forward slashes, sorted.
import { existsSync, readdirSync, statSync, type Dirent } from "node:fs";
import * as path from "node:path";

/** Files under `dir`, relative with forward slashes, sorted; [] when `dir` does not exist. */
export function listFiles(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      return isDirectory(entry, full) ? listFiles(full, rel) : [rel];
    })
    .sort();
}

/** The entry's type comes with the listing (no stat per file); only a symlink is followed. */
function isDirectory(entry: Dirent, full: string): boolean {
  return entry.isDirectory() || (entry.isSymbolicLink() && statSync(full).isDirectory());
}
