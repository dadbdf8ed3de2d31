// Apply one overlay's actions, in order, to the root document. Every action must match something:
// a vendor spec update that silently drops our annotations has to be loud (OVL002).
import { createRequire } from "node:module";
import { editDocument, writableAt } from "./copy-on-write.js";
import { formatPointer, parsePointer } from "../shared/json-pointer.js";
import { applyUpdate } from "./merge-update.js";
import type { OverlayAction } from "./read-overlay.js";
import type { Problem } from "./problem.js";
import { isObject } from "../shared/is-object.js";

type JsonPathModule = typeof import("jsonpath-rfc9535");
let jsonPathModule: JsonPathModule | undefined;

/** Imported on first use: most loads have no overlays. Overlay 1.0 targets are RFC 9535 JSONPath. */
function loadJsonPath(): JsonPathModule {
  jsonPathModule ??= createRequire(import.meta.url)("jsonpath-rfc9535") as JsonPathModule;
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
      problems.push({
        code,
        file: overlayFile,
        hint,
        message,
        pointer: formatPointer(["actions", action.index, key]),
        severity: "error",
      });
    const matches = findTargets(doc.root, action.target);
    if (typeof matches === "string") {
      problem(
        "OVL003",
        "target",
        `invalid JSONPath "${action.target}": ${matches}`,
        "see RFC 9535, e.g. $.paths['/pets'].get",
      );
      continue;
    }
    if (matches.length === 0) {
      problem(
        "OVL002",
        "target",
        `overlay target matches nothing: ${action.target}`,
        "the spec may have changed; fix or delete this action",
      );
      continue;
    }
    const error = action.isRemove
      ? removeAll(doc, matches)
      : updateAll(doc, matches, action.update);
    if (error) problem("OVL001", error.key, `invalid overlay action: ${error.message}`, error.hint);
  }
  return { document: doc.root, problems };
}

interface Match {
  segments: string[];
  value: unknown;
}

/** Matches in document order, or the parser's message for a path that is not RFC 9535 JSONPath. */
function findTargets(root: unknown, target: string): Match[] | string {
  const matches: Match[] = [];
  try {
    loadJsonPath().exec(root as JsonValue, target, (value, at) =>
      matches.push({ segments: at.map(rawSegment), value }),
    );
  } catch (error) {
    return syntaxErrorMessage(error as JsonPathSyntaxError);
  }
  return matches;
}

/** The parser's error names what it expected as character classes; where it stopped is what a user needs. */
interface JsonPathSyntaxError extends Error {
  found?: string | null;
  location?: { start: { column: number } };
}

function syntaxErrorMessage(error: JsonPathSyntaxError): string {
  if (!error.location) return error.message;
  if (error.location.start.column === 1) return 'a JSONPath must start with "$"';
  const what =
    error.found === null || error.found === undefined ? "end of path" : JSON.stringify(error.found);
  return `unexpected ${what} at character ${error.location.start.column}`;
}

type JsonValue = Parameters<JsonPathModule["exec"]>[0];

/** The library hands back keys escaped as in a normalized path (RFC 9535 2.7): `'` is `\\'`, a newline `\\n`. */
function rawSegment(segment: string | number): string {
  if (typeof segment === "number") return String(segment);
  return segment.replace(
    /\\(u[0-9a-f]{4}|.)/g,
    (_, escape: string) =>
      normalizedEscapes[escape] ?? String.fromCharCode(parseInt(escape.slice(1), 16)),
  );
}

const normalizedEscapes: Record<string, string> = {
  "'": "'",
  "\\": "\\",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

type ActionError = { hint: string; key: string; message: string } | undefined;

function updateAll(
  doc: ReturnType<typeof editDocument>,
  matches: Match[],
  update: unknown,
): ActionError {
  for (const match of matches) {
    if (match.value === null || typeof match.value !== "object") {
      const hint = "select the containing object and update the property";
      return {
        key: "target",
        message: `the target selects a ${match.value === null ? "null" : typeof match.value}`,
        hint,
      };
    }
    if (!Array.isArray(match.value) && !isObject(update)) {
      return {
        key: "update",
        message: "the target is an object, so update must be a mapping",
        hint: "write update: {field: value}",
      };
    }
    const target = writableAt(doc, match.segments);
    if (target) applyUpdate(doc, target, update);
  }
  return undefined;
}

/** Remove from the last match backwards, so earlier array indexes stay valid. */
function removeAll(doc: ReturnType<typeof editDocument>, matches: Match[]): ActionError {
  for (const { segments } of [...matches].reverse()) {
    if (segments.length === 0)
      return {
        key: "target",
        message: "the document root cannot be removed",
        hint: "target its children",
      };
    const parent = writableAt(doc, segments.slice(0, -1));
    const last = segments[segments.length - 1];
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else if (parent) delete parent[last];
  }
  return undefined;
}
