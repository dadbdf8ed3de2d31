// --check: what would be written, compared with what is on disk, file by file, with a short
// unified diff of each changed file so a CI log shows why the folder is stale.
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import type { RenderedFile } from "../emit/format.js";
import { listFiles } from "../shared/list-files.js";
import { unifiedDiff } from "./unified-diff.js";

export interface StaleReport {
  changed: string[];
  extra: string[];
  missing: string[];
}

/** One changed file's diff, with its line counts. */
export interface FileDiff {
  added: number;
  file: string;
  removed: number;
  text: string;
}

/** Compare what would be written with what is on disk (for --check). */
export function compareOutput(outDir: string, files: RenderedFile[]): StaleReport {
  const report: StaleReport = { changed: [], extra: [], missing: [] };
  const expected = new Set(files.map((f) => f.path));
  for (const file of files) {
    const full = path.join(outDir, file.path);
    if (!existsSync(full)) report.missing.push(file.path);
    else if (readFileSync(full, "utf8") !== file.text) report.changed.push(file.path);
  }
  for (const onDisk of listFiles(outDir)) if (!expected.has(onDisk)) report.extra.push(onDisk);
  return report;
}

/** The diff of every changed file: what is on disk (a/) against what would be written (b/). */
export function diffsOf(outDir: string, stale: StaleReport, files: RenderedFile[]): FileDiff[] {
  const byPath = new Map(files.map((f) => [f.path, f.text]));
  return stale.changed.map((file) => ({
    file,
    ...unifiedDiff(file, readFileSync(path.join(outDir, file), "utf8"), byPath.get(file)!),
  }));
}
