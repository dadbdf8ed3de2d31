// What a `$ref` string points at, before anything is read: a pointer in this document, a file
// (plus pointer) next to it, or something we refuse (remote URL, outside the spec's tree).
import { realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parsePointer } from "../shared/json-pointer.js";

export type RefTarget =
  | { kind: "document"; file: string; segments: string[] }
  | { kind: "remote"; url: string }
  | { kind: "outside"; file: string }
  | { kind: "malformed"; reason: string; hint: string };

/** Rules a ref must follow; see LoadOptions. */
export interface RefPolicy {
  allowOutsideRefs: boolean;
  /** Absolute directory of the root document: refs may not leave it unless allowOutsideRefs. */
  rootDir: string;
}

/** A parseRef(ref, fromFile) that remembers file resolution: big specs repeat the same few refs thousands of times. */
export function createRefParser(policy: RefPolicy): (ref: string, fromFile: string) => RefTarget {
  const files = new Map<string, string | RefTarget>();
  return (ref, fromFile) => parseRef(ref, fromFile, policy, files);
}

/** Classify `ref` found in the document at `fromFile` (absolute). */
export function parseRef(
  ref: string,
  fromFile: string,
  policy: RefPolicy,
  files?: Map<string, string | RefTarget>,
): RefTarget {
  const hash = ref.indexOf("#");
  const location = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? "" : ref.slice(hash + 1);
  const segments = parsePointer(fragment);
  if (!segments) {
    return {
      kind: "malformed",
      reason: `"#${fragment}" is not a JSON pointer`,
      hint: 'fragments must be JSON pointers like "#/components/schemas/Pet"; $anchor names are not supported',
    };
  }
  if (location === "") return { kind: "document", file: fromFile, segments };
  const key = fromFile + "\n" + location;
  let file = files?.get(key);
  if (file === undefined) {
    file = locationToFile(location, fromFile);
    if (typeof file === "string" && !policy.allowOutsideRefs && isOutside(file, policy.rootDir))
      file = { kind: "outside", file };
    files?.set(key, file);
  }
  return typeof file === "string" ? { kind: "document", file, segments } : file;
}

/** A scheme of two or more letters: one letter would be a Windows drive. */
const URI_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

function locationToFile(location: string, fromFile: string): string | RefTarget {
  if (/^https?:/i.test(location)) return { kind: "remote", url: location };
  if (/^file:/i.test(location)) return fileURLToPath(location);
  if (URI_SCHEME.test(location)) {
    return {
      kind: "malformed",
      reason: `unsupported URI "${location}"`,
      hint: "use a relative file path",
    };
  }
  let decoded = location;
  try {
    decoded = decodeURI(location);
  } catch {
    // A stray "%" in a file name: use it as written.
  }
  return path.resolve(path.dirname(fromFile), decoded);
}

function isOutside(file: string, rootDir: string): boolean {
  // Symbolic links are followed first: a link inside the tree to a file outside it is outside.
  const relative = path.relative(realPath(rootDir), realPath(file));
  return relative === ".." || relative.startsWith(".." + path.sep) || path.isAbsolute(relative);
}

/** The path with symbolic links resolved; as given when it does not exist (reported as missing later). */
function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
