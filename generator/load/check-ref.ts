// One `$ref`, checked: refused (remote, outside), unresolved (file or pointer missing), a broken
// referenced file, or its target, which the walk then visits.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { displayPath } from "../diagnostics/display-path.js";
import type { DocumentStore } from "./document-store.js";
import { formatPointer, valueAtPointer } from "../shared/json-pointer.js";
import type { RefTarget } from "./parse-ref.js";
import type { Problem } from "./problem.js";

export type RefOutcome =
  | { kind: "target"; file: string; segments: string[]; value: unknown }
  | { kind: "problem"; problem: Problem }
  /** The referenced file exists but does not parse: reported once, in that file. */
  | { kind: "broken-file"; file: string; diagnostic: Diagnostic };

/** What the ref at `at` (the object holding `$ref`) in `file` leads to. */
export function checkRef(
  ref: string,
  target: RefTarget,
  file: string,
  at: readonly (string | number)[],
  store: DocumentStore,
  options: { allowRemoteRefs: boolean; rootDir: string },
): RefOutcome {
  const problem = (message: string, hint: string, code = "REF001"): RefOutcome => ({
    kind: "problem",
    problem: {
      code,
      file,
      hint,
      message,
      pointer: formatPointer([...at, "$ref"]),
      severity: "error",
    },
  });
  switch (target.kind) {
    case "remote":
      return problem(
        `remote $ref "${ref}" is not allowed`,
        remoteHint(options.allowRemoteRefs),
        "REF002",
      );
    case "outside": {
      const hint = `keep referenced files under ${displayPath(options.rootDir)}/ or set allowOutsideRefs`;
      return problem(`$ref "${ref}" points outside the spec directory`, hint, "REF003");
    }
    case "malformed":
      return problem(`unresolved $ref "${ref}": ${target.reason}`, target.hint);
  }
  const loaded = store.load(target.file);
  if (!loaded.ok && loaded.diagnostic.code !== "LOAD001")
    return { kind: "broken-file", file: target.file, diagnostic: loaded.diagnostic };
  if (!loaded.ok) {
    const why = `${loaded.diagnostic.message} (${displayPath(target.file)})`;
    return problem(
      `unresolved $ref "${ref}": ${why}`,
      "the path is relative to the file containing the $ref",
    );
  }
  const { found, value } = valueAtPointer(loaded.value, target.segments);
  if (found) return { kind: "target", file: target.file, segments: target.segments, value };
  const missing = missingSegment(loaded.value, target.segments);
  const where =
    (target.file === file ? "" : displayPath(target.file)) + formatPointer(missing.parent);
  return problem(
    `unresolved $ref "${ref}": no "${missing.name}" in ${where}`,
    "check the name, or define the target",
  );
}

/** The first segment that does not exist, and the pointer of its parent. */
function missingSegment(root: unknown, segments: string[]): { name: string; parent: string[] } {
  for (let i = 0; i < segments.length; i++) {
    if (!valueAtPointer(root, segments.slice(0, i + 1)).found)
      return { name: segments[i], parent: segments.slice(0, i) };
  }
  return { name: segments[segments.length - 1] ?? "", parent: [] };
}

function remoteHint(allowRemoteRefs: boolean): string {
  return allowRemoteRefs
    ? "remote $refs are not supported yet; download the file next to the spec and use a relative path"
    : "remote $refs are disabled; download the file next to the spec and use a relative path";
}
