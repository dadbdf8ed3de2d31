// Apply one overlay's actions, in order, to the root document. Every action must match something:
// a vendor spec update that silently drops our annotations has to be loud (OVL002).
import { createRequire } from "node:module";
import { editDocument, writableAt } from "./copy-on-write.js";
import { formatPointer, parsePointer } from "../shared/json-pointer.js";
import { parseJsonPathTarget } from "./jsonpath-target.js";
import { applyUpdate, isRecord } from "./merge-update.js";
import type { OverlayAction } from "./read-overlay.js";
import type { Problem } from "./problem.js";

type JsonPathModule = typeof import("jsonpath-plus");
let jsonPathModule: JsonPathModule | undefined;

/** Imported on first use: most loads have no overlays. */
function loadJsonPath(): JsonPathModule {
  jsonPathModule ??= createRequire(import.meta.url)("jsonpath-plus") as JsonPathModule;
  return jsonPathModule;
}

/** The new root after `actions` (from `overlayFile`); `root` itself is not modified. */
export function applyOverlay(
  root: Record<string, unknown>,
  actions: OverlayAction[],
  overlayFile: string,
): { document: Record<string, unknown>; problems: Problem[] } {
  const doc = editDocument(root);
  const problems: Problem[] = [];
  for (const action of actions) {
    const problem = (code: string, key: string, message: string, hint: string) =>
      problems.push({ code, file: overlayFile, hint, message, pointer: formatPointer(["actions", action.index, key]), severity: "error" });
    const matches = findTargets(doc.root, action.target);
    if (typeof matches === "string") {
      problem("OVL003", "target", `invalid JSONPath "${action.target}": ${matches}`, "see RFC 9535, e.g. $.paths['/pets'].get");
      continue;
    }
    if (matches.length === 0) {
      problem("OVL002", "target", `overlay target matches nothing: ${action.target}`, "the spec may have changed; fix or delete this action");
      continue;
    }
    const error = action.isRemove ? removeAll(doc, matches) : updateAll(doc, matches, action.update);
    if (error) problem("OVL001", error.key, `invalid overlay action: ${error.message}`, error.hint);
  }
  return { document: doc.root, problems };
}

interface Match {
  segments: string[];
  value: unknown;
}

/** Matches in document order, or an error message for a bad path. */
function findTargets(root: unknown, target: string): Match[] | string {
  const parsed = parseJsonPathTarget(target);
  if ("error" in parsed) return parsed.error;
  try {
    const results = loadJsonPath().JSONPath({ path: parsed.path, json: root as object, resultType: "all", eval: "safe", wrap: true }) as {
      pointer: string;
      value: unknown;
    }[];
    return results.map((r) => ({ segments: parsePointer(r.pointer) ?? [], value: r.value }));
  } catch (error) {
    return (error as Error).message;
  }
}

type ActionError = { hint: string; key: string; message: string } | undefined;

function updateAll(doc: ReturnType<typeof editDocument>, matches: Match[], update: unknown): ActionError {
  for (const match of matches) {
    if (match.value === null || typeof match.value !== "object") {
      const hint = "select the containing object and update the property";
      return { key: "target", message: `the target selects a ${match.value === null ? "null" : typeof match.value}`, hint };
    }
    if (!Array.isArray(match.value) && !isRecord(update)) {
      return { key: "update", message: "the target is an object, so update must be a mapping", hint: "write update: {field: value}" };
    }
    const target = writableAt(doc, match.segments);
    if (target) applyUpdate(doc, target, update);
  }
  return undefined;
}

/** Remove from the last match backwards, so earlier array indexes stay valid. */
function removeAll(doc: ReturnType<typeof editDocument>, matches: Match[]): ActionError {
  for (const { segments } of [...matches].reverse()) {
    if (segments.length === 0) return { key: "target", message: "the document root cannot be removed", hint: "target its children" };
    const parent = writableAt(doc, segments.slice(0, -1));
    const last = segments[segments.length - 1];
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else if (parent) delete parent[last];
  }
  return undefined;
}
