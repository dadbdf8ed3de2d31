// A spec given as an http(s) URL (only when allowed): fetched on every run into the cache, the
// copy rewritten only when its bytes change, so the no-op check still sees an unchanged input.
import * as path from "node:path";
import { namedCache } from "../cache/named-cache.js";
import { writeFileAtomically } from "../shared/atomic-write.js";
import { sha256 } from "../shared/hash.js";

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
  const cache = namedCache("remote");
  const key = `${sha256(url).slice(0, 16)}/${name}`;
  // The loader reads the copy by path: unlike a cache entry, a failed write is an error.
  if (cache.read(key) !== text) writeFileAtomically(cache.file(key), text);
  return cache.file(key);
}
