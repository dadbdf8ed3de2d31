// resolveRef for later stages: one step, O(1) in the number of files (parsed documents are cached),
// O(depth) in the pointer. A target that is itself a `{$ref}` is returned as is; callers loop.
import type { ResolvedRef } from "./loaded-spec.js";
import type { DocumentStore } from "./document-store.js";
import { formatPointer, valueAtPointer } from "../shared/json-pointer.js";
import { createRefParser, type RefPolicy } from "./parse-ref.js";
import path from "node:path";

/**
 * A `resolveRef(ref, fromFile)` over `store`; undefined for refs that are refused or do not
 * resolve. Answers are remembered per file and ref: the documents no longer change once loaded,
 * and later stages resolve the same few thousand refs hundreds of thousands of times.
 */
export function createRefResolver(store: DocumentStore, policy: RefPolicy) {
  const parseRef = createRefParser(policy);
  const resolve = (ref: string, fromFile: string): ResolvedRef | undefined => {
    const target = parseRef(ref, path.isAbsolute(fromFile) ? fromFile : path.resolve(fromFile));
    if (target.kind !== "document") return undefined;
    const loaded = store.load(target.file);
    if (!loaded.ok) return undefined;
    const { found, value } = valueAtPointer(loaded.value, target.segments);
    return found
      ? { file: target.file, pointer: formatPointer(target.segments), value }
      : undefined;
  };
  const answers = new Map<string, Map<string, ResolvedRef | undefined>>();
  return (ref: string, fromFile: string): ResolvedRef | undefined => {
    let byRef = answers.get(fromFile);
    if (byRef === undefined) answers.set(fromFile, (byRef = new Map()));
    if (byRef.has(ref)) return byRef.get(ref);
    const answer = resolve(ref, fromFile);
    byRef.set(ref, answer);
    return answer;
  };
}
