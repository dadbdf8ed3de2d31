// Repeated warnings as one line: a spec with 754 `$ref` siblings gets one REF005 line with a count,
// not 754. Errors are never grouped (each one stops the run and needs its own fix); --verbose
// lists every warning. Pure: diagnostics in, printable lines out.
import { formatDiagnostic, type Diagnostic } from "./diagnostic.js";

/** A code seen at most this often in one file prints every line: a few renames or siblings each say something. */
export const groupAbove = 5;

/** Printable lines for sorted diagnostics: warnings sharing a code and a file become one line with a count, unless `isVerbose`. */
export function diagnosticLines(list: Diagnostic[], isVerbose: boolean): string[] {
  if (isVerbose) return list.map(formatDiagnostic);
  const counts = new Map<string, number>();
  for (const d of list)
    if (d.severity === "warning") counts.set(groupKey(d), (counts.get(groupKey(d)) ?? 0) + 1);
  const printed = new Set<string>();
  const lines: string[] = [];
  for (const d of list) {
    const count = d.severity === "warning" ? (counts.get(groupKey(d)) ?? 1) : 1;
    if (count <= groupAbove) {
      lines.push(formatDiagnostic(d));
      continue;
    }
    if (printed.has(groupKey(d))) continue;
    printed.add(groupKey(d));
    lines.push(
      `${formatDiagnostic(d)} [${d.code} x${count} in this file, the first shown; --verbose lists each]`,
    );
  }
  return lines;
}

function groupKey(d: Diagnostic): string {
  return `${d.file}\u0000${d.code}`;
}
