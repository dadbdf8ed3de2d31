// The only place that knows the order of the stages: load -> validate -> normalize -> emit.
import { DiagnosticsError, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";
import type { RenderedFile } from "./emit/format.js";
import { emit } from "./emit/index.js";
import { completeFolder } from "./emit/manifest.js";
import { filterOperations, type OperationFilters } from "./cli/filter-operations.js";
import type { Api } from "./model/api.js";
import type { SurfaceChange } from "./report/compare-surface.js";
import { loadSpec } from "./load/index.js";
import { normalize } from "./normalize/index.js";
import { pascalCase } from "./normalize/names.js";
import { validate as validateSpec } from "./validate/index.js";
import { generatorVersion } from "./version.js";

export interface GenerateInput {
  /** Guess pollers and pagination in plain specs (status enums, paging parameter names); each guess is a warning. */
  heuristics?: boolean;
  /** Allow `$ref`s to files outside the spec's folder (refused by default: REF003). */
  allowOutsideRefs?: boolean;
  /** Client name (PascalCase); derived from info.title when absent. */
  name?: string;
  /** Output folder: given, the files include its clientgen.json manifest (inputs are relative to it). */
  output?: string;
  overlays: string[];
  spec: string;
  /** A directory of templates overriding the default ones by file name (see README "Templates"). */
  templates?: string;
  /** Operation filters and the output language (default: every operation, TypeScript). */
  options?: OperationFilters & { dates?: boolean; emit?: "js" | "ts"; importExtension?: "js" | "ts" };
  /** Told when a stage starts, for progress lines and timings. */
  onStage?: (stage: Stage) => void;
}

export type Stage = "emitting" | "formatting" | "normalising" | "parsing";

export interface GenerateResult {
  /** The model the files were emitted from. */
  api: Api;
  /** What changed for callers since the output folder's previous generation (empty without one). */
  changes: SurfaceChange[];
  /** Warnings (errors throw DiagnosticsError). */
  diagnostics: Diagnostic[];
  files: RenderedFile[];
  /** Every input file read, for caching and watching. */
  inputs: string[];
  name: string;
}

/** Run every stage in memory; throws DiagnosticsError (with all problems found) on errors. */
export async function generate(input: GenerateInput): Promise<GenerateResult> {
  const options = input.options ?? {};
  input.onStage?.("parsing");
  const spec = await loadSpec(input.spec, { allowOutsideRefs: input.allowOutsideRefs, overlays: input.overlays });
  input.onStage?.("normalising");
  const diagnostics = [...spec.diagnostics, ...validateSpec(spec)];
  const name = input.name ?? nameFromTitle(spec.document);
  const normalized = normalize(spec, name, { dates: options.dates, heuristics: input.heuristics });
  diagnostics.push(...normalized.diagnostics);
  const sorted = sortDiagnostics(diagnostics);
  if (sorted.some((d) => d.severity === "error")) throw new DiagnosticsError(sorted);
  const api = filterOperations(normalized.api, options);
  input.onStage?.("emitting");
  const emitted = await emit(api, { onFormat: () => input.onStage?.("formatting"), templates: input.templates });
  let files = emitted.files;
  let changes: SurfaceChange[] = [];
  if (input.output !== undefined) {
    const { emit: language = "ts", ...recorded } = options;
    const folder = await completeFolder({
      api,
      emit: language,
      files,
      importExtension: options.importExtension,
      inputs: spec.files,
      options: language === "js" ? { ...recorded, emit: "js" } : recorded,
      output: input.output,
      overlays: input.overlays,
      spec: input.spec,
      version: generatorVersion(),
    });
    files = folder.files;
    changes = folder.changes;
  }
  // Template overrides are inputs too: editing one regenerates (no-op cache, --watch).
  return { api, changes, diagnostics: sorted, files, inputs: [...spec.files, ...emitted.templateFiles], name };
}


/** "TensorPool API" -> "TensorPool": a trailing "API"/"Api" adds nothing to `createXClient`. */
export function nameFromTitle(document: Record<string, unknown>): string {
  const info = document.info as { title?: unknown } | undefined;
  const title = typeof info?.title === "string" ? info.title : "Api";
  const name = pascalCase(title).replace(/(Api|API)$/, "");
  return name === "" || /^_?[0-9]/.test(name) ? "Api" : name;
}
