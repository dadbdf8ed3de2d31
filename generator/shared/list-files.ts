// The files of a folder tree as clientgen names them: relative, forward slashes, sorted.
import { existsSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";

/** Files under `dir`, relative with forward slashes, sorted; [] when `dir` does not exist. */
export function listFiles(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      const rel = prefix ? `${prefix}/${name}` : name;
      return statSync(full).isDirectory() ? listFiles(full, rel) : [rel];
    })
    .sort();
}
