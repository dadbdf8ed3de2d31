// The no-op fast path: when the generator build, the inputs and the output folder are exactly as
// they were after the last generation, there is nothing to do, and nothing heavy is even loaded.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { namedCache } from "../cache/named-cache.js";
import { packageRoot } from "../package-root.js";
import { sha256, sha256Stream } from "../shared/hash.js";
import { listFiles } from "../shared/list-files.js";

interface Entry {
  /** Hash of the generator build, the inputs' contents and the options. */
  key: string;
  /** Input files (absolute) the key covers. */
  inputs: string[];
  /** sha256 of every output file, as written. */
  outputs: Record<string, string>;
}

export interface Job {
  name?: string;
  /** Anything else that changes the output (emit language, filters). */
  options?: unknown;
  output: string;
  overlays: string[];
  spec: string;
}

/** True when `job` would write exactly what is already in its output folder. */
export function isUpToDate(job: Job): boolean {
  const entry = readEntry(job);
  if (!entry) return false;
  try {
    if (keyOf(job, entry.inputs) !== entry.key) return false;
    const onDisk = listFiles(path.resolve(job.output));
    const expected = Object.keys(entry.outputs);
    if (onDisk.length !== expected.length) return false;
    return expected.every(
      (file) => sha256(readFileSync(path.join(job.output, file))) === entry.outputs[file],
    );
  } catch {
    return false;
  }
}

/** Remember a finished generation of `job` from `inputs` (absolute) into `files`. */
export function recordGeneration(
  job: Job,
  inputs: string[],
  files: { path: string; text: string }[],
): void {
  const entry: Entry = {
    inputs,
    key: keyOf(job, inputs),
    outputs: Object.fromEntries(files.map((f) => [f.path, sha256(f.text)])),
  };
  cache().write(entryKey(job), JSON.stringify(entry));
}

/** The input files of the last generation of `job` (what --watch watches when it starts up to date). */
export function recordedInputs(job: Pick<Job, "output">): string[] | undefined {
  return readEntry(job)?.inputs;
}

function keyOf(job: Job, inputs: string[]): string {
  const h = sha256Stream()
    .update(buildHash())
    .update(
      JSON.stringify([
        job.name ?? "",
        path.resolve(job.output),
        job.overlays.map((o) => path.resolve(o)),
        path.resolve(job.spec),
        job.options ?? {},
      ]),
    );
  for (const input of inputs) h.update(input).update("\0").update(readFileSync(input));
  return h.digest("hex");
}

let build: string | undefined;

/**
 * The generator itself, so a new generator never reuses old output: the build's id (written by
 * generator/build-id.mjs; without it, every built file hashed) and the templates, which are read
 * at run time and may be edited without a build.
 */
function buildHash(): string {
  if (build === undefined) {
    const root = packageRoot();
    const h = sha256Stream();
    let id: string | undefined;
    try {
      id = readFileSync(path.join(root, "dist", "build-id"), "utf8");
    } catch {
      // Running from sources, or from a build older than build-id.mjs.
    }
    h.update(id ?? "");
    for (const dir of id === undefined ? ["dist", "templates"] : ["templates"]) {
      for (const file of listFiles(path.join(root, dir)))
        h.update(file).update(readFileSync(path.join(root, dir, file)));
    }
    build = h.digest("hex");
  }
  return build;
}

function readEntry(job: Pick<Job, "output">): Entry | undefined {
  const text = cache().read(entryKey(job));
  try {
    return text === undefined ? undefined : (JSON.parse(text) as Entry);
  } catch {
    return undefined;
  }
}

const cache = () => namedCache("up-to-date");

/** One entry per output folder. */
function entryKey(job: Pick<Job, "output">): string {
  return `${sha256(path.resolve(job.output)).slice(0, 16)}.json`;
}
