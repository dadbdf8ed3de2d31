// Writing one file so a reader never sees half of it: write beside it, then rename over it
// (a rename within a folder is atomic). Folders are swapped the same way by output/write.ts.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import * as path from "node:path";

/** Write `text` to `file` atomically, creating its folder; throws what the file system throws. */
export function writeFileAtomically(file: string, text: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  // The pid keeps two processes writing the same file from sharing a temporary.
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}
