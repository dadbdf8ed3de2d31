// Read and parse one YAML or JSON file, fast: js-yaml or JSON.parse, no position bookkeeping.
// Positions are recovered later by locate.ts, only if a diagnostic needs them.
import { readFileSync } from "node:fs";
import yaml from "js-yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { displayPath } from "../diagnostics/display-path.js";
import { jsonErrorMessage, jsonErrorPosition } from "./parse-error-position.js";

/**
 * YAML 1.2 core schema: no timestamps turned into Dates (OpenAPI dates are strings), plus merge
 * keys (`<<: *base`), which hand-written specs use and which the core schema leaves out.
 */
const OPENAPI_YAML_SCHEMA = yaml.CORE_SCHEMA.extend({ implicit: [(yaml as unknown as JsYamlTypes).types.merge] });

/** js-yaml exports its built-in types at runtime; @types/js-yaml does not declare them. */
interface JsYamlTypes {
  types: { merge: yaml.Type };
}

export type ReadResult = { ok: true; value: unknown } | { ok: false; diagnostic: Diagnostic; isMissing: boolean };

/** Read `absoluteFile` and parse it as JSON (by extension or a leading "{") or YAML. */
export function readDocument(absoluteFile: string): ReadResult {
  let text: string;
  try {
    text = readFileSync(absoluteFile, "utf8");
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
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const { line, col } = jsonErrorPosition(text, error as Error);
    const message = `invalid JSON: ${jsonErrorMessage(error as Error)}`;
    return failure(file, "LOAD003", message, "fix the syntax error at this position", line, col);
  }
}

function parseYaml(file: string, text: string): ReadResult {
  try {
    return { ok: true, value: yaml.load(text, { schema: OPENAPI_YAML_SCHEMA, filename: file }) };
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    const mark = error.mark as { line?: number; column?: number } | undefined;
    return failure(
      file,
      "LOAD002",
      `invalid YAML: ${error.reason}`,
      "fix the syntax error at this position",
      (mark?.line ?? -1) + 1,
      (mark?.column ?? -1) + 1,
    );
  }
}

function readFailure(file: string, error: NodeJS.ErrnoException): ReadResult {
  const isMissing = error.code === "ENOENT" || error.code === "ENOTDIR";
  const message = isMissing ? "file not found" : `cannot read file (${error.code ?? error.message})`;
  const hint = isMissing ? "check the path" : "check that the path is a readable file";
  return { ...failure(file, "LOAD001", message, hint, 0, 0), isMissing };
}

function failure(file: string, code: string, message: string, hint: string, line: number, col: number) {
  const diagnostic: Diagnostic = { code, col, file: displayPath(file), hint, line, message, pointer: "#", severity: "error" };
  return { ok: false as const, diagnostic, isMissing: false };
}
