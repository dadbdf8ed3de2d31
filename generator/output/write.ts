// Writing output atomically: the new folder is built beside the old one and swapped in with
// renames, so an error or an interrupted run never leaves a half-written client; a run killed
// between the two renames is repaired by the next one (recoverInterruptedWrite).
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { RenderedFile } from "../emit/format.js";
import { assertReplaceable } from "./replaceable-folder.js";

/** Replace `outDir` with `files`; throws UnsafeOutputError, touching nothing, unless clientgen may replace it. */
export function writeOutput(outDir: string, files: RenderedFile[]): void {
  assertReplaceable(outDir);
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  mkdirSync(parent, { recursive: true });
  recoverInterruptedWrite(target);
  const base = path.basename(target);
  const staging = path.join(parent, `.${base}.clientgen-new-${process.pid}`);
  const retired = path.join(parent, `.${base}.clientgen-old-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  for (const file of files) {
    const full = path.join(staging, file.path);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, file.text);
  }
  if (existsSync(target)) renameSync(target, retired);
  try {
    renameSync(staging, target);
  } catch (error) {
    if (existsSync(retired)) renameSync(retired, target);
    throw error;
  }
  rmSync(retired, { recursive: true, force: true });
}

/**
 * Repairs what a killed run left beside `outDir`: killed between the two renames, the previous
 * client is still at `.<name>.clientgen-old-<pid>` and `outDir` is gone, so it is put back; a
 * staging folder (`-new-<pid>`) or a retired one next to a present `outDir` is dropped. Only
 * leftovers of processes that are no longer running are touched (a parallel run keeps its own).
 */
export function recoverInterruptedWrite(outDir: string): void {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const prefix = `.${path.basename(target)}.clientgen-`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  const leftovers = names
    .map((name) => ({
      name,
      match: name.startsWith(prefix) ? /^(new|old)-(\d+)$/.exec(name.slice(prefix.length)) : null,
    }))
    .filter((entry) => entry.match !== null && !isRunning(Number(entry.match[2])))
    // Retired folders first, so a missing output is restored before staging leftovers are dropped.
    .sort(
      (a, b) =>
        Number(a.match![1] === "new") - Number(b.match![1] === "new") ||
        a.name.localeCompare(b.name),
    );
  for (const { name, match } of leftovers) {
    const full = path.join(parent, name);
    if (match![1] === "old" && !existsSync(target)) renameSync(full, target);
    else rmSync(full, { recursive: true, force: true });
  }
}

/** Whether a process with this id is alive (our own id counts as gone: its writes are over). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
