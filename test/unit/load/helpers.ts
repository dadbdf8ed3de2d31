// Shared helpers for load tests: fixture paths and the diagnostic lines a failed load prints.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DiagnosticsError, formatDiagnostic } from "../../../generator/diagnostics/diagnostic.js";
import { loadSpec } from "../../../generator/load/index.js";
import type { LoadOptions } from "../../../generator/load/loaded-spec.js";

/** Absolute path of a file under test/fixtures/load. */
export function fixture(relative: string): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/load", relative);
}

/** The formatted diagnostics of loading `file`: thrown ones or the warnings of a successful load. */
export async function diagnosticLines(file: string, options?: LoadOptions): Promise<string[]> {
  try {
    const spec = await loadSpec(file, options);
    return spec.diagnostics.map(formatDiagnostic);
  } catch (error) {
    if (error instanceof DiagnosticsError) return error.diagnostics.map(formatDiagnostic);
    throw error;
  }
}
