// Formatting. Views lay declarations out as prettier prints them, so most of a file is already
// final; only the members the views could not lay out (format-plan.ts) go through prettier, in one
// call per file, with its options pinned here (a user's .prettierrc must never change generated
// bytes). Whole files are cached by content hash, so a warm run costs a hash per file.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { cacheDir } from "../cache/cache-dir.js";
import { printWidth } from "./views/layout.js";
import { unsureMark } from "./views/type-expression.js";
import { planFile, type PrettierJob } from "./format-plan.js";

export const prettierOptions = {
  parser: "typescript",
  printWidth,
  endOfLine: "lf",
  trailingComma: "all",
} as const;

/** Bump when the layout rules change, so cached files are not reused. */
const cacheVersion = "2";

export interface RenderedFile {
  path: string;
  text: string;
}

/** Format every file; only cache misses do any work, and only unusual declarations load prettier. */
export async function formatFiles(files: RenderedFile[]): Promise<RenderedFile[]> {
  const formatDir = path.join(cacheDir(), "format");
  const out: RenderedFile[] = [];
  for (const file of files) {
    const key = createHash("sha256").update(cacheVersion).update("\0").update(file.text).digest("hex");
    const cached = path.join(formatDir, key.slice(0, 2), key);
    const hit = readIfExists(cached);
    if (hit !== undefined) {
      out.push({ path: file.path, text: hit });
      continue;
    }
    const text = await formatText(file.text);
    writeAtomically(cached, text);
    out.push({ path: file.path, text });
  }
  return out;
}

/** Keep what is already in prettier's layout; format the rest of the file in one prettier call. */
export async function formatText(text: string): Promise<string> {
  const plans = planFile(text);
  const jobs = plans.flatMap((plan) => plan.pieces.filter((piece): piece is PrettierJob => typeof piece !== "string"));
  const results = await formatSources(jobs.map((job) => [...job.opens, job.member, ...job.closes].join("\n")));
  const resultOf = new Map(jobs.map((job, i) => [job, results[i]]));
  const declarations = await Promise.all(
    plans.map(async ({ declaration, pieces }) => {
      const parts = pieces.map((piece) => (typeof piece === "string" ? piece : memberOf(piece, resultOf.get(piece))));
      return parts.includes(undefined) ? prettierFormat(declaration) : parts.join("\n");
    }),
  );
  return `${declarations.join("\n\n")}\n`;
}

/** The member out of prettier's result; undefined when prettier changed the lines around it. */
function memberOf(job: PrettierJob, formatted: string | undefined): string | undefined {
  if (formatted === undefined) return undefined;
  const lines = formatted.split("\n");
  const end = lines.length - job.closes.length;
  const isSameContext = lines.slice(0, job.opens.length).join("\n") === job.opens.join("\n") && lines.slice(end).join("\n") === job.closes.join("\n");
  return isSameContext ? lines.slice(job.opens.length, end).join("\n") : undefined;
}

/**
 * Separates the sources of one prettier call: a line comment prettier keeps on its own line.
 * One call per file, since each call costs prettier ~1.5 ms of option handling before any work.
 */
const boundary = "// clientgen:format-boundary";

/** Each source formatted (undefined when it does not parse alone), with as few prettier calls as can be. */
async function formatSources(sources: string[]): Promise<(string | undefined)[]> {
  if (sources.length > 1 && !sources.some((source) => source.includes(boundary))) {
    try {
      const parts = (await prettierFormat(sources.join(`\n${boundary}\n`))).split(`\n${boundary}\n`);
      if (parts.length === sources.length) return parts;
    } catch {
      // One source does not parse alone (a member cut wrong): format each on its own.
    }
  }
  return Promise.all(sources.map((source) => prettierFormat(source).catch(() => undefined)));
}

async function prettierFormat(source: string): Promise<string> {
  const prettier = await import("prettier");
  return (await prettier.format(source.split(unsureMark).join(""), prettierOptions)).trimEnd();
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function writeAtomically(file: string, text: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, file);
  } catch {
    // A cache that cannot be written only costs speed.
  }
}
