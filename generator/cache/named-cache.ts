// The one on-disk cache, split into named sub-caches (one folder each under cacheDir()). A cache
// only ever saves time: reads that fail are misses, writes that fail are dropped, and every
// write is atomic so a parallel run never reads half an entry.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { writeFileAtomically } from "../shared/atomic-write.js";
import { cacheDir } from "./cache-dir.js";

/**
 * Every sub-cache clientgen keeps: bundled TypeScript config files, formatted files by content
 * hash, downloaded specs, and the no-op check's record of each output folder's last generation.
 */
export type CacheName = "config" | "format" | "remote" | "up-to-date";

export interface NamedCache {
  /** The absolute path of an entry (for entries that are read by path, like an importable module). */
  file(key: string): string;
  /** The entry's text, or undefined on a miss (or any read error). */
  read(key: string): string | undefined;
  /** Store an entry atomically; a cache that cannot be written only costs speed, so errors are dropped. */
  write(key: string, text: string): void;
}

/** The sub-cache `name`, in the cache folder chosen for the current working directory. */
export function namedCache(name: CacheName): NamedCache {
  const file = (key: string) => path.join(cacheDir(), name, key);
  return {
    file,
    read(key) {
      try {
        return readFileSync(file(key), "utf8");
      } catch {
        return undefined;
      }
    },
    write(key, text) {
      try {
        writeFileAtomically(file(key), text);
      } catch {
        // Without the entry the next run only takes longer.
      }
    },
  };
}
