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

/**
 * A parseRef(ref, fromFile) that remembers file resolution: big specs repeat the same few refs
 * thousands of times, and a multi-file spec refers to each file from many others (DigitalOcean:
 * 990 files, 20k relative refs), so a location is resolved once per directory and each file is
 * checked against the spec's tree once.
 */
export function createRefParser(policy: RefPolicy): (ref: string, fromFile: string) => RefTarget {
  const locations = new Map<string, string | RefTarget>();
  const outside = new Map<string, boolean>();
  const rootDir = realPath(policy.rootDir);
  const isOutsideOnce = (file: string): boolean => {
    let is = outside.get(file);
    if (is === undefined) {
      is = isOutside(file, rootDir);
      outside.set(file, is);
    }
    return is;
  };
  return (ref, fromFile) => parseRef(ref, fromFile, policy, locations, isOutsideOnce);
}

/** Classify `ref` found in the document at `fromFile` (absolute). */
export function parseRef(
  ref: string,
  fromFile: string,
  policy: RefPolicy,
  locations?: Map<string, string | RefTarget>,
  isOutsideTree: (file: string) => boolean = (file) => isOutside(file, realPath(policy.rootDir)),
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
  // A relative location means the same file from every document of one directory.
  const key = path.dirname(fromFile) + "\n" + location;
  let file = locations?.get(key);
  if (file === undefined) {
    file = locationToFile(location, fromFile);
    if (typeof file === "string" && !policy.allowOutsideRefs && isOutsideTree(file))
      file = { kind: "outside", file };
    locations?.set(key, file);
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

/** `realRootDir`: the spec's directory, symbolic links resolved. */
function isOutside(file: string, realRootDir: string): boolean {
  // Symbolic links are followed first: a link inside the tree to a file outside it is outside.
  const relative = path.relative(realRootDir, realPath(file));
  return relative === ".." || relative.startsWith(".." + path.sep) || path.isAbsolute(relative);
}

/**
 * The path with symbolic links resolved; as given when it does not exist (reported as missing
 * later). The native call is one syscall; the JS one an lstat per path segment.
 */
function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}
