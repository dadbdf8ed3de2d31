// The only place that knows the order of the stages: load -> validate -> normalize -> emit.
import { DiagnosticsError, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";
import type { RenderedFile } from "./emit/format.js";
import { emit } from "./emit/index.js";
import { manifestOf } from "./emit/manifest.js";
import { loadSpec } from "./load/index.js";
import { normalize } from "./normalize/index.js";
import { pascalCase } from "./normalize/names.js";
import { validate as validateSpec } from "./validate/index.js";
import { generatorVersion } from "./version.js";

export interface GenerateInput {
  /** Client name (PascalCase); derived from info.title when absent. */
  name?: string;
  /** Output folder: given, the files include its clientgen.json manifest (inputs are relative to it). */
  output?: string;
  overlays: string[];
  spec: string;
}

export interface GenerateResult {
  /** Warnings (errors throw DiagnosticsError). */
  diagnostics: Diagnostic[];
  files: RenderedFile[];
  /** Every input file read, for caching and watching. */
  inputs: string[];
  name: string;
}

/** Run every stage in memory; throws DiagnosticsError (with all problems found) on errors. */
export async function generate(input: GenerateInput): Promise<GenerateResult> {
  const spec = await loadSpec(input.spec, { overlays: input.overlays });
  const diagnostics = [...spec.diagnostics, ...validateSpec(spec)];
  const name = input.name ?? nameFromTitle(spec.document);
  const normalized = normalize(spec, name);
  diagnostics.push(...normalized.diagnostics);
  const sorted = sortDiagnostics(diagnostics);
  if (sorted.some((d) => d.severity === "error")) throw new DiagnosticsError(sorted);
  const files = await emit(normalized.api);
  if (input.output !== undefined) {
    files.push(manifestOf(input.output, spec.files, files, generatorVersion()));
    files.sort((a, b) => (a.path < b.path ? -1 : 1));
  }
  return { diagnostics: sorted, files, inputs: spec.files, name };
}


/** "TensorPool API" -> "TensorPool": a trailing "API"/"Api" adds nothing to `createXClient`. */
export function nameFromTitle(document: Record<string, unknown>): string {
  const info = document.info as { title?: unknown } | undefined;
  const title = typeof info?.title === "string" ? info.title : "Api";
  const name = pascalCase(title).replace(/(Api|API)$/, "");
  return name === "" || /^_?[0-9]/.test(name) ? "Api" : name;
}
