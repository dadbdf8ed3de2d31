// Writing output atomically: the new folder is built beside the old one and swapped in with
// renames, so an error or an interrupted run never leaves a half-written client.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { RenderedFile } from "./format.js";

export function writeOutput(outDir: string, files: RenderedFile[]): void {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  mkdirSync(parent, { recursive: true });
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

export interface StaleReport {
  changed: string[];
  extra: string[];
  missing: string[];
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

/** Files under `dir`, relative with forward slashes, sorted. */
export function listFiles(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(full).isDirectory() ? listFiles(full, rel) : [rel];
  }).sort();
}
