// Check every `$ref` reachable from the root: walk the root, then every ref target (in whatever
// file it lives), each object once. All failures are collected; nothing is bundled or inlined.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { displayPath } from "../diagnostics/display-path.js";
import type { DocumentStore } from "./document-store.js";
import { formatPointer, valueAtPointer } from "./json-pointer.js";
import { createRefParser, type RefPolicy } from "./parse-ref.js";
import type { Problem } from "./problem.js";
import { childContext, isReferenceContext, type WalkContext } from "./walk-context.js";

export interface RefCheckResult {
  /** Read/parse failures of referenced files, already positioned. */
  diagnostics: Diagnostic[];
  /** Unresolved or refused refs, positioned at the `$ref` member. */
  problems: Problem[];
}

/** A subtree still to walk: its file and where it sits in it. */
interface Pending {
  file: string;
  segments: (string | number)[];
  value: unknown;
}

interface RefCheckOptions extends RefPolicy {
  allowRemoteRefs: boolean;
}

/** Walk from the root document and check every reachable `$ref`. */
export function collectRefs(store: DocumentStore, rootFile: string, options: RefCheckOptions): RefCheckResult {
  const result: RefCheckResult = { diagnostics: [], problems: [] };
  const visited = new Set<object>();
  const reportedFiles = new Set<string>();
  const parseRef = createRefParser(options);
  const queue: Pending[] = [{ file: rootFile, segments: [], value: store.documents.get(rootFile) }];

  const checkRef = (ref: string, file: string, at: (string | number)[]): void => {
    const problem = (message: string, hint: string, code = "REF001"): void => {
      result.problems.push({ code, file, hint, message, pointer: formatPointer([...at, "$ref"]), severity: "error" });
    };
    const target = parseRef(ref, file);
    if (target.kind === "remote") return problem(`remote $ref "${ref}" is not allowed`, remoteHint(options), "REF002");
    if (target.kind === "outside") {
      const hint = `keep referenced files under ${displayPath(options.rootDir) || "."}/ or set allowOutsideRefs`;
      return problem(`$ref "${ref}" points outside the spec directory`, hint, "REF003");
    }
    if (target.kind === "malformed") return problem(`unresolved $ref "${ref}": ${target.reason}`, target.hint);
    const loaded = store.load(target.file);
    if (!loaded.ok) {
      if (loaded.diagnostic.code === "LOAD001") {
        const why = `${loaded.diagnostic.message} (${displayPath(target.file)})`;
        return problem(`unresolved $ref "${ref}": ${why}`, "the path is relative to the file containing the $ref");
      }
      if (!reportedFiles.has(target.file)) result.diagnostics.push(loaded.diagnostic);
      reportedFiles.add(target.file);
      return;
    }
    const { found, value } = valueAtPointer(loaded.value, target.segments);
    if (!found) {
      const missing = missingSegment(loaded.value, target.segments);
      const where = (target.file === file ? "" : displayPath(target.file)) + formatPointer(missing.parent);
      return problem(`unresolved $ref "${ref}": no "${missing.name}" in ${where}`, "check the name, or define the target");
    }
    queue.push({ file: target.file, segments: [...target.segments], value });
  };

  const walk = (value: unknown, context: WalkContext, file: string, at: (string | number)[]): void => {
    if (value === null || typeof value !== "object" || visited.has(value)) return;
    visited.add(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        at.push(i);
        walk(value[i], "keywords", file, at);
        at.pop();
      }
      return;
    }
    const record = value as Record<string, unknown>;
    if ("$ref" in record && isReferenceContext(context)) {
      if (typeof record.$ref === "string") checkRef(record.$ref, file, at);
      else result.problems.push(notAString(file, at));
    }
    for (const key in record) {
      const child = record[key];
      if (child === null || typeof child !== "object") continue;
      const next = childContext(context, key, child);
      if (next === undefined) continue;
      at.push(key);
      walk(child, next, file, at);
      at.pop();
    }
  };

  for (let item = queue.pop(); item; item = queue.pop()) walk(item.value, "keywords", item.file, item.segments);
  return result;
}

/** The first segment that does not exist, and the pointer of its parent. */
function missingSegment(root: unknown, segments: string[]): { name: string; parent: string[] } {
  for (let i = 0; i < segments.length; i++) {
    if (!valueAtPointer(root, segments.slice(0, i + 1)).found) return { name: segments[i], parent: segments.slice(0, i) };
  }
  return { name: segments[segments.length - 1] ?? "", parent: [] };
}

function notAString(file: string, at: (string | number)[]): Problem {
  const pointer = formatPointer([...at, "$ref"]);
  return { code: "REF001", file, hint: 'write $ref: "#/components/schemas/Name"', message: "$ref must be a string", pointer, severity: "error" };
}

function remoteHint(options: RefCheckOptions): string {
  return options.allowRemoteRefs
    ? "remote $refs are not supported yet; download the file next to the spec and use a relative path"
    : "remote $refs are disabled; download the file next to the spec and use a relative path";
}
