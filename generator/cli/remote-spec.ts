// A spec given as an http(s) URL (only when allowed): fetched on every run into the cache, the
// copy rewritten only when its bytes change, so the no-op check still sees an unchanged input.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { cacheDir } from "../cache/cache-dir.js";

export function isUrl(spec: string): boolean {
  return /^https?:\/\//i.test(spec);
}

/** Download `url` to a local file and return its path. Throws Error with a clear message. */
export async function fetchSpec(url: string): Promise<string> {
  let text: string;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (error) {
    throw new Error(`${url}: could not fetch the spec: ${(error as Error).message}`);
  }
  const name = path.basename(new URL(url).pathname).replace(/[^\w.-]/g, "_") || "spec.yaml";
  const file = path.join(cacheDir(), "remote", createHash("sha256").update(url).digest("hex").slice(0, 16), name);
  let previous: string | undefined;
  try {
    previous = readFileSync(file, "utf8");
  } catch {
    previous = undefined;
  }
  if (previous !== text) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return file;
}
