// State shared by the from-openapi translators while one document is normalised: the loaded
// spec, the named schemas found so far, and the diagnostics sink.
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import type { LoadedSpec } from "../load/loaded-spec.js";
import type { NamedSchema } from "../model/schema.js";
import * as path from "node:path";

/** Where a value sits: the document's absolute path and a JSON pointer in it. */
export interface Location {
  file: string;
  pointer: string;
}

export interface NormalizeContext {
  /** Named schemas being translated, innermost last (their own location). */
  defining: Location[];
  diagnostics: Diagnostic[];
  /**
   * Named schemas by id, in discovery order. `name` holds the suggested name until the
   * resolve-name-conflicts pass; `schema` is filled after registration so cycles become refs.
   */
  named: Map<string, NamedSchema>;
  spec: LoadedSpec;
  /** Named schemas registered but not yet translated, in discovery order (see registerNamedSchema). */
  untranslated: { at: Location; entry: NamedSchema; raw: unknown }[];
}

export function createContext(spec: LoadedSpec): NormalizeContext {
  return { defining: [], diagnostics: [], named: new Map(), spec, untranslated: [] };
}

/** Record a diagnostic at a location; the position is looked up only now. */
export function report(
  ctx: NormalizeContext,
  at: Location,
  severity: Severity,
  code: string,
  message: string,
  hint?: string,
): void {
  const { line, col } = ctx.spec.locate(at.file, at.pointer);
  ctx.diagnostics.push({
    code,
    col,
    file: displayPath(at.file),
    hint,
    line,
    message,
    pointer: at.pointer,
    severity,
  });
}

/** A path as users see it: relative to the working directory, forward slashes. */
export function displayPath(file: string): string {
  return path.relative(process.cwd(), file).split(path.sep).join("/") || file;
}

/** Append a key to a JSON pointer, escaping `~` and `/` (RFC 6901). */
export function childPointer(pointer: string, key: string | number): string {
  const escaped = String(key).replace(/~/g, "~0").replace(/\//g, "~1");
  return `${pointer}/${escaped}`;
}

/** A location one key deeper. */
export function child(at: Location, key: string | number): Location {
  return { file: at.file, pointer: childPointer(at.pointer, key) };
}

/** Plain-object test for untyped spec values. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
