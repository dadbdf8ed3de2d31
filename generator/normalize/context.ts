// State shared by the from-openapi translators while one document is normalised: the loaded
// spec, the named schemas found so far, and the diagnostics sink.
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import type { LoadedSpec } from "../load/loaded-spec.js";
import type { NamedSchema } from "../model/schema.js";
import { displayPath } from "../diagnostics/display-path.js";
import { childPointer } from "../shared/json-pointer.js";
import { isObject } from "../shared/is-object.js";

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

// The shared helpers every translator needs, re-exported so from-openapi/ imports one module.
export { childPointer, displayPath, isObject };

/** A location one key deeper. */
export function child(at: Location, key: string | number): Location {
  return { file: at.file, pointer: childPointer(at.pointer, key) };
}
