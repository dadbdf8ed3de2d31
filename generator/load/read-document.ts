// Read and parse one YAML or JSON file, fast: js-yaml or JSON.parse. A YAML parse records where
// its nodes start (yaml-source-map.ts), a few bytes per node, so a diagnostic needs no second
// parse; JSON positions are found later by walking the text (locate.ts), only if needed.
import yaml from "js-yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { displayPath } from "../diagnostics/display-path.js";
import { parsePointer } from "../shared/json-pointer.js";
import {
  aliasExpansionPointer,
  maxAliasExpansion,
  maxNestingDepth,
  tooDeepPointer,
} from "./input-limits.js";
import { jsonErrorMessage, jsonErrorPosition, offsetToLineCol } from "./parse-error-position.js";
import { readRegularFile } from "./read-regular-file.js";
import { OPENAPI_YAML_SCHEMA } from "./yaml-schema.js";
import { locateInYaml, recordYamlSource, type YamlSourceMap } from "./yaml-source-map.js";

/**
 * A parsed file and what locates its nodes later (locate.ts), so a diagnostic needs no second
 * read: a YAML file's map of nodes, a JSON file's text.
 */
export type ReadResult =
  | { ok: true; source?: YamlSourceMap; jsonText?: string; value: unknown }
  | { ok: false; diagnostic: Diagnostic; isMissing: boolean };

/** Read `absoluteFile` and parse it as JSON (by extension or a leading "{") or YAML. */
export function readDocument(absoluteFile: string): ReadResult {
  let text: string;
  try {
    text = readRegularFile(absoluteFile);
  } catch (error) {
    return readFailure(absoluteFile, error as NodeJS.ErrnoException);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (absoluteFile.toLowerCase().endsWith(".json")) return parseJson(absoluteFile, text);
  if (text.trimStart().startsWith("{")) {
    // Most likely JSON under another extension; flow-style YAML also starts with "{", so fall back.
    const json = parseJson(absoluteFile, text);
    if (json.ok) return json;
  }
  return parseYaml(absoluteFile, text);
}

function parseJson(file: string, text: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { line, col } = jsonErrorPosition(text, error as Error);
    const message = `invalid JSON: ${jsonErrorMessage(error as Error)}`;
    return failure(file, "LOAD003", message, "fix the syntax error at this position", line, col);
  }
  // JSON.parse takes any depth; every later walk recurses by depth (YAML stops at js-yaml's maxDepth).
  // A scan of the text is cheap; the pointer is computed only for a document that is too deep.
  const deepAt = tooDeepOffset(text);
  if (deepAt >= 0) {
    const { line, col } = offsetToLineCol(text, deepAt);
    return failure(
      file,
      "LOAD010",
      tooDeepMessage,
      tooDeepHint,
      line,
      col,
      tooDeepPointer(value) ?? "#",
    );
  }
  return { ok: true, value, jsonText: text };
}

const tooDeepMessage = `nested deeper than ${maxNestingDepth} levels`;
const tooDeepHint =
  "clientgen refuses documents nested this deep (a limit against hostile input); flatten the schema with $refs";

/** Offset of the first bracket opening a level deeper than maxNestingDepth (strings skipped), or -1. */
function tooDeepOffset(text: string): number {
  // Character codes, not one-character strings: this runs over every character of a 13 MB document.
  let depth = 0;
  let isInString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isInString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) isInString = false;
    } else if (c === QUOTE) isInString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxNestingDepth) return i;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return -1;
}

const [QUOTE, OPEN_BRACKET, BACKSLASH, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE] = [
  34, 91, 92, 93, 123, 125,
];

function parseYaml(file: string, text: string): ReadResult {
  let value: unknown;
  const recorder = recordYamlSource(text);
  try {
    // maxDepth is a js-yaml 4.x option @types/js-yaml does not declare.
    value = yaml.load(text, {
      filename: file,
      listener: recorder.listener,
      maxDepth: maxNestingDepth,
      schema: OPENAPI_YAML_SCHEMA,
    } as yaml.LoadOptions);
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    const mark = error.mark as { line?: number; column?: number } | undefined;
    const [line, col] = [(mark?.line ?? -1) + 1, (mark?.column ?? -1) + 1];
    if (/^nesting exceeded maxDepth/.test(error.reason))
      return failure(file, "LOAD010", tooDeepMessage, tooDeepHint, line, col);
    return failure(
      file,
      "LOAD002",
      `invalid YAML: ${error.reason}`,
      "fix the syntax error at this position",
      line,
      col,
    );
  }
  // js-yaml shares an aliased node instead of copying it, but every later walk visits it once per
  // use: a few hundred bytes of nested aliases ("billion laughs") would take minutes and gigabytes.
  // Only documents where the parse met an alias of a map or list can expand: most specs skip the
  // walk, also those whose prose merely looks like an anchor (openai's "&" in descriptions).
  const source = recorder.finish();
  const expanded = source.aliases.size > 0 ? aliasExpansionPointer(value) : undefined;
  if (expanded !== undefined) {
    const offset = locateInYaml(source, parsePointer(expanded) ?? []) ?? 0;
    const { line, col } = offsetToLineCol(text, offset);
    const message = `YAML aliases expand this document by more than ${maxAliasExpansion} nodes`;
    const hint =
      'clientgen refuses alias expansion this large (a limit against "billion laughs" documents); reuse schemas with $ref';
    return failure(file, "LOAD011", message, hint, line, col, expanded);
  }
  return { ok: true, source, value };
}

function readFailure(file: string, error: NodeJS.ErrnoException): ReadResult {
  const isMissing = error.code === "ENOENT" || error.code === "ENOTDIR";
  const kind = (error as { kind?: string }).kind;
  const message = isMissing
    ? "file not found"
    : kind
      ? `${kind}, not a regular file: not read`
      : `cannot read file (${error.code ?? error.message})`;
  const hint = isMissing ? "check the path" : "check that the path is a readable file";
  return { ...failure(file, "LOAD001", message, hint, 0, 0), isMissing };
}

function failure(
  file: string,
  code: string,
  message: string,
  hint: string,
  line: number,
  col: number,
  pointer = "#",
) {
  const diagnostic: Diagnostic = {
    code,
    col,
    file: displayPath(file),
    hint,
    line,
    message,
    pointer,
    severity: "error",
  };
  return { ok: false as const, diagnostic, isMissing: false };
}
