// Check every `$ref` reachable from the root: walk the root, then every ref target (in whatever
// file it lives), each object once. All failures are collected; nothing is bundled or inlined.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { checkRef } from "./check-ref.js";
import type { DocumentStore } from "./document-store.js";
import { formatPointer } from "../shared/json-pointer.js";
import { createRefParser, type RefPolicy } from "./parse-ref.js";
import type { Problem } from "./problem.js";
import { childContext, isReferenceContext, type WalkContext } from "./walk-context.js";

export interface RefCheckResult {
  /** Read/parse failures of referenced files, already positioned. */
  diagnostics: Diagnostic[];
  /** Unresolved or refused refs, positioned at the `$ref` member. */
  problems: Problem[];
}

interface RefCheckOptions extends RefPolicy {
  allowRemoteRefs: boolean;
}

/** Walk from the root document and check every reachable `$ref`. */
export function collectRefs(
  store: DocumentStore,
  rootFile: string,
  options: RefCheckOptions,
): RefCheckResult {
  const result: RefCheckResult = { diagnostics: [], problems: [] };
  const parseRef = createRefParser(options);
  const visited = new Set<object>();
  const brokenFiles = new Set<string>();
  const queue = [
    { file: rootFile, segments: [] as (string | number)[], value: store.documents.get(rootFile) },
  ];

  const onRef = (ref: unknown, file: string, at: (string | number)[]): void => {
    if (typeof ref !== "string") return void result.problems.push(notAString(file, at));
    const outcome = checkRef(ref, parseRef(ref, file), file, at, store, options);
    if (outcome.kind === "target")
      queue.push({ file: outcome.file, segments: [...outcome.segments], value: outcome.value });
    else if (outcome.kind === "problem") result.problems.push(outcome.problem);
    else if (!brokenFiles.has(outcome.file)) {
      brokenFiles.add(outcome.file);
      result.diagnostics.push(outcome.diagnostic);
    }
  };

  // Recursive with one shared path array: pointers are only built for problems.
  const walk = (
    value: unknown,
    context: WalkContext,
    file: string,
    at: (string | number)[],
  ): void => {
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
    if ("$ref" in record && isReferenceContext(context)) onRef(record.$ref, file, at);
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

  for (let item = queue.pop(); item; item = queue.pop())
    walk(item.value, "keywords", item.file, item.segments);
  return result;
}

function notAString(file: string, at: (string | number)[]): Problem {
  const pointer = formatPointer([...at, "$ref"]);
  return {
    code: "REF001",
    file,
    hint: 'write $ref: "#/components/schemas/Name"',
    message: "$ref must be a string",
    pointer,
    severity: "error",
  };
}
