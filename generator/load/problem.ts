// Problems are found with a file and a pointer; line and column are filled in at the end, and only
// for problems actually reported, because locating means parsing the file a second time.
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import { displayPath } from "../diagnostics/display-path.js";
import type { Position } from "./locate.js";

/** A diagnostic still missing its position. */
export interface Problem {
  code: string;
  /** Absolute path. */
  file: string;
  hint?: string;
  message: string;
  /** "#/..." in `file`. */
  pointer: string;
  severity: Severity;
}

/** Attach file (as displayed), line and column. */
export function toDiagnostic(
  problem: Problem,
  locate: (file: string, pointer: string) => Position,
): Diagnostic {
  const { line, col } = locate(problem.file, problem.pointer);
  const diagnostic: Diagnostic = {
    code: problem.code,
    col,
    file: displayPath(problem.file),
    line,
    message: problem.message,
    pointer: problem.pointer,
    severity: problem.severity,
  };
  if (problem.hint) diagnostic.hint = problem.hint;
  return diagnostic;
}
