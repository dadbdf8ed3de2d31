// clientgen.json: what a generated folder was made from and what it holds, so a vendored copy
// can be checked (`clientgen verify`) and a regeneration can tell what changed.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { RenderedFile } from "./format.js";

export const manifestFile = "clientgen.json";

export interface Manifest {
  /** Every emitted file (the manifest aside) with its sha256. */
  files: Record<string, string>;
  generator: { name: "clientgen"; version: string };
  /** Spec, referenced files and overlays, relative to the output folder, with their sha256. */
  inputs: { path: string; sha256: string }[];
}

export function sha256(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The manifest file for `files` generated from `inputs` (absolute paths) into `outDir`. */
export function manifestOf(outDir: string, inputs: string[], files: RenderedFile[], version: string): RenderedFile {
  const base = path.resolve(outDir);
  const manifest: Manifest = {
    files: Object.fromEntries(files.map((f) => [f.path, sha256(f.text)])),
    generator: { name: "clientgen", version },
    inputs: inputs.map((file) => ({
      path: path.relative(base, file).split(path.sep).join("/"),
      sha256: sha256(readFileSync(file)),
    })),
  };
  return { path: manifestFile, text: `${JSON.stringify(manifest, null, 2)}\n` };
}
