// clientgen.json: what a generated folder was made from and what it holds, so a vendored copy
// can be checked (`clientgen verify`) and a regeneration can tell what changed (`surface`).
import { lstatSync, readFileSync } from "node:fs";
import * as path from "node:path";
import type { Api } from "../model/api.js";
import { changesFile, changesMarkdown } from "../report/changes-md.js";
import { safeJson } from "../report/plain-text.js";
import { compareSurfaces, type SurfaceChange } from "../report/compare-surface.js";
import { surfaceOf, type Surface } from "../report/surface.js";
import type { RenderedFile } from "../emit/format.js";
import { sha256 } from "../shared/hash.js";

import { manifestFile } from "./manifest-file.js";

export { manifestFile };

export interface Manifest {
  /** Every emitted file (the manifest aside) with its sha256. */
  files: Record<string, string>;
  generator: { name: "clientgen"; version: string };
  /** Spec, referenced files and overlays, relative to the output folder, with their sha256. */
  inputs: { kind: "overlay" | "ref" | "spec"; path: string; sha256: string }[];
  /** Options that change the output, when not the defaults. */
  options?: Record<string, unknown>;
  /** What callers see: compared with the next generation's to write CHANGES.md. */
  surface: Surface;
}

export interface FolderInput {
  api: Api;
  /** The emitted files, in the output language. */
  files: RenderedFile[];
  /** Every input file read (absolute). */
  inputs: string[];
  /** Options to record (already without defaults). */
  options?: Record<string, unknown>;
  output: string;
  overlays: string[];
  spec: string;
  version: string;
}

/** The folder's final files: the emitted ones, CHANGES.md when the surface changed (else the previous one), clientgen.json. */
export function completeFolder(input: FolderInput): {
  changes: SurfaceChange[];
  files: RenderedFile[];
} {
  let files = input.files;
  const surface = surfaceOf(input.api);
  const previous = readManifest(input.output);
  const changes = previous?.surface ? compareSurfaces(previous.surface, surface) : [];
  if (changes.length > 0) {
    const text = changesMarkdown(
      input.api.name,
      { after: surface.version, before: previous!.surface.version },
      changes,
    );
    files = [...files, { path: changesFile, text }];
  } else {
    const kept = readText(path.join(input.output, changesFile));
    if (kept !== undefined && previous?.files[changesFile] === sha256(kept))
      files = [...files, { path: changesFile, text: kept }];
  }
  files = [...files].sort((a, b) => (a.path < b.path ? -1 : 1));
  files.push(manifestOf(input, files, surface));
  return { changes, files: files.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

function manifestOf(input: FolderInput, files: RenderedFile[], surface: Surface): RenderedFile {
  const base = path.resolve(input.output);
  const spec = path.resolve(input.spec);
  const overlays = new Set(input.overlays.map((o) => path.resolve(o)));
  const options = Object.entries(input.options ?? {}).filter(([, value]) => value !== undefined);
  const manifest: Manifest = {
    files: Object.fromEntries(files.map((f) => [f.path, sha256(f.text)])),
    generator: { name: "clientgen", version: input.version },
    inputs: input.inputs.map((file) => ({
      kind: file === spec ? "spec" : overlays.has(file) ? "overlay" : "ref",
      path: path.relative(base, file).split(path.sep).join("/"),
      sha256: sha256(readFileSync(file)),
    })),
    ...(options.length > 0 ? { options: Object.fromEntries(options) } : {}),
    surface,
  };
  return { path: manifestFile, text: `${safeJson(JSON.stringify(manifest, null, 2))}\n` };
}

/** The manifest in `dir`, or undefined when there is none or it cannot be read. */
export function readManifest(dir: string): Manifest | undefined {
  const text = readText(path.join(dir, manifestFile));
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Manifest;
  } catch {
    return undefined;
  }
}

function readText(file: string): string | undefined {
  try {
    // Regular files only: reading a FIFO or device placed there would block or never end.
    if (!lstatSync(file).isFile()) return undefined;
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
