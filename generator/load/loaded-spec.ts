// What the load stage hands to validate and normalize: parsed documents, refs checked, overlays
// applied, and a lazy way back to source positions for diagnostics.
import type { Diagnostic } from "../diagnostics/diagnostic.js";

/** The target of a `$ref`. */
export interface ResolvedRef {
  /** Absolute path of the document holding the target. */
  file: string;
  /** JSON pointer of the target in that document, e.g. "#/components/schemas/Pet". */
  pointer: string;
  /** The target value (never mutated by later stages). */
  value: unknown;
}

export interface LoadedSpec {
  /** Diagnostics found while loading (warnings only when load succeeded). */
  diagnostics: Diagnostic[];
  /** Root document with overlays applied. Read-only for every later stage. */
  document: Record<string, unknown>;
  /** Every parsed document by absolute path, the root included. */
  documents: ReadonlyMap<string, unknown>;
  /** Absolute path of the root document. */
  file: string;
  /** Every file read (root, referenced files, overlays), absolute and sorted: for hashing and watching. */
  files: string[];
  /** Line and column (1-based) of a pointer in a file; computed lazily, only when a diagnostic needs it. */
  locate(file: string, pointer: string): { col: number; line: number };
  /** Resolve a `$ref` string found in the document at `fromFile`; undefined when it does not resolve. */
  resolveRef(ref: string, fromFile: string): ResolvedRef | undefined;
  /** "3.0" or "3.1" (Swagger 2.0 is converted to 3.0 on load). */
  version: "3.0" | "3.1";
}

export interface LoadOptions {
  /** Allow `$ref`s to http(s) URLs (fetched). Default false: such a ref is an error. */
  allowRemoteRefs?: boolean;
  /** Allow `$ref`s to files outside the root document's directory tree. Default false. */
  allowOutsideRefs?: boolean;
  /** The root document, already parsed: used instead of reading `file` (which still names it and anchors relative `$ref`s). */
  document?: Record<string, unknown>;
  /** Overlay files (OpenAPI Overlay 1.0), applied in order to the root document. */
  overlays?: string[];
}
