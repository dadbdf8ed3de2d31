// Diagnostics are values: every stage returns them, the CLI sorts and prints them, one line each.

export type Severity = "error" | "warning";

export interface Diagnostic {
  /** Stable code, e.g. "REF001"; documented in the README. */
  code: string;
  /** Column, 1-based; 0 when unknown. */
  col: number;
  /** Spec file, relative to the working directory. */
  file: string;
  /** What the user can do about it. */
  hint?: string;
  /** Line, 1-based; 0 when unknown. */
  line: number;
  message: string;
  /** JSON pointer into `file`, e.g. "#/paths/~1jobs/post". */
  pointer: string;
  severity: Severity;
}

/** Thrown by a stage that cannot go on; carries everything found so far. */
export class DiagnosticsError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "DiagnosticsError";
    this.diagnostics = diagnostics;
  }
}

/** `file:line:col #/pointer severity CODE message` — the one format every tool prints. */
export function formatDiagnostic(d: Diagnostic): string {
  const hint = d.hint ? ` (${d.hint})` : "";
  return oneLine(
    `${d.file}:${d.line}:${d.col} ${d.pointer} ${d.severity} ${d.code} ${d.message}${hint}`,
  );
}

/** Spec text in pointers and messages may hold line breaks; a diagnostic is always one line. */
function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, (c) =>
    c === "\n" || c === "\r\n" ? "\\n" : c === "\r" ? "\\r" : `\\u${c.charCodeAt(0).toString(16)}`,
  );
}

/** Sort by file, line, column, pointer, code: the printed order never depends on discovery order. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      a.line - b.line ||
      a.col - b.col ||
      cmp(a.pointer, b.pointer) ||
      cmp(a.code, b.code),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One line counting errors and warnings, printed after the list. */
export function summarizeDiagnostics(list: Diagnostic[]): string {
  const errors = list.filter((d) => d.severity === "error").length;
  const warnings = list.length - errors;
  return `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}
