// The only place that knows the order of the stages: load -> validate -> normalize -> emit ->
// output. `generate` runs them in memory; `run` adds what touches disk for one output folder
// (the no-op check, then writing or --check comparing) and returns a report. Nothing here prints:
// cli/ turns stage events and reports into lines. The stages themselves are imported only when
// `generate` runs, so an unchanged run answers from the no-op record without loading them.
import * as path from "node:path";
import { DiagnosticsError, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";
import { InputError } from "./diagnostics/input-error.js";
import type { RenderedFile } from "./emit/format.js";
import { TemplateError } from "./emit/template-error.js";
import { fetchSpec, isUrl } from "./load/fetch-spec.js";
import type { Api } from "./model/api.js";
import { withDefaults, type OutputOptions, type ResolvedOptions } from "./options.js";
import { compareOutput, diffsOf, type FileDiff, type StaleReport } from "./output/compare.js";
import { assertReplaceable, UnsafeOutputError } from "./output/replaceable-folder.js";
import { isUpToDate, recordedInputs, recordGeneration } from "./output/up-to-date.js";
import { recoverInterruptedWrite, writeOutput } from "./output/write.js";
import type { SurfaceChange } from "./report/compare-surface.js";
import { generatorVersion } from "./version.js";

/** The stages in the order they run (formatting is the second half of emitting). */
export type Stage = "parsing" | "normalising" | "emitting" | "formatting" | "comparing" | "writing";

/** Told when a stage starts and ends; `counts` says what the finished stage produced. */
export interface StageListener {
  onStageEnd?(stage: Stage, ms: number, counts: string | undefined): void;
  onStageStart?(stage: Stage): void;
}

export interface GenerateResult {
  /** The model the files were emitted from. */
  api: Api;
  /** What changed for callers since the output folder's previous generation (empty without one). */
  changes: SurfaceChange[];
  /** Warnings, sorted, silenced codes left out (errors throw DiagnosticsError). */
  diagnostics: Diagnostic[];
  files: RenderedFile[];
  /** Every input file read, for caching and watching. */
  inputs: string[];
  name: string;
}

/** The outcome of one API, as --json prints it. */
export interface ApiReport {
  changes: SurfaceChange[];
  diagnostics: Diagnostic[];
  /** Error message when the run failed for a reason other than diagnostics. */
  error?: string;
  files?: number;
  /** Input files (absolute), when known: what --watch watches. */
  inputs?: string[];
  ms: number;
  name: string;
  output: string;
  stale?: StaleReport;
  /** Milliseconds per stage. */
  stages: Record<string, number>;
  status: "failed" | "generated" | "stale" | "up-to-date";
}

/** A report and, for a stale --check, the diff of each changed file (printed, not in --json). */
export interface RunOutcome {
  diffs: FileDiff[];
  report: ApiReport;
}

/**
 * Every stage in memory, from `given` over the defaults; throws DiagnosticsError (with all
 * problems found) on errors. With `output`, the files include the folder's manifest and CHANGES.md.
 */
export async function generate(
  given: Partial<ResolvedOptions> & { spec: string },
  listener: StageListener = {},
): Promise<GenerateResult> {
  const options = withDefaults(given);
  const clock = stageClock(listener);
  // The parsed document is unreachable once the model is built: emitting (the peak of memory)
  // holds only the model and the text it prints.
  const { api, diagnostics, inputFiles, name } = await loadAndNormalize(options, clock);
  clock.start("emitting");
  const [{ emit }, { inOutputLanguage }, { completeFolder }] = await Promise.all([
    import("./emit/index.js"),
    import("./emit/output-language.js"),
    import("./output/manifest.js"),
  ]);
  const emitted = await emit(api, {
    onFormat: () => {
      clock.end(undefined);
      clock.start("formatting");
    },
    templates: options.templates,
  });
  let files = await inOutputLanguage(emitted.files, options);
  let changes: SurfaceChange[] = [];
  if (options.output !== undefined) {
    const folder = completeFolder({
      api,
      files,
      inputs: inputFiles,
      options: recordedOptions(options),
      output: options.output,
      overlays: options.overlays,
      spec: options.spec,
      version: generatorVersion(),
    });
    files = folder.files;
    changes = folder.changes;
  }
  clock.end(`${files.length} files`);
  // Template overrides are inputs too: editing one regenerates (no-op record, --watch).
  return {
    api,
    changes,
    diagnostics,
    files,
    inputs: [...inputFiles, ...emitted.templateFiles],
    name,
  };
}

/** Parsing and normalising: the model, the warnings, and the input files read. */
async function loadAndNormalize(options: ResolvedOptions, clock: StageClock) {
  clock.start("parsing");
  // Each stage's code is loaded when the stage starts (an unchanged run loads none of it).
  const { loadSpec } = await import("./load/index.js");
  const spec = await loadSpec(options.spec, options);
  clock.end(`${spec.files.length} file${spec.files.length === 1 ? "" : "s"}`);
  clock.start("normalising");
  const [{ validate }, { normalize }, { filterOperations }, { pascalCase }] = await Promise.all([
    import("./validate/index.js"),
    import("./normalize/index.js"),
    import("./normalize/passes/filter-operations.js"),
    import("./normalize/names.js"),
  ]);
  const name = options.name ?? nameFromTitle(spec.document, pascalCase);
  const normalized = normalize(spec, name, options);
  // Silencing is for warnings: an error means wrong code, so it always stops the run.
  const silenced = new Set(options.silence);
  const diagnostics = sortDiagnostics([
    ...spec.diagnostics,
    ...validate(spec),
    ...normalized.diagnostics,
  ]).filter((d) => d.severity === "error" || !silenced.has(d.code));
  if (diagnostics.some((d) => d.severity === "error")) throw new DiagnosticsError(diagnostics);
  const api = filterOperations(normalized.api, options);
  clock.end(`${api.operations.length} operations, ${api.schemas.length} schemas`);
  return { api, diagnostics, inputFiles: spec.files, name };
}

/** One API, one run: the no-op check, then generate -> compare (`isCheck`) or write. Never throws on bad input. */
export async function run(
  options: OutputOptions,
  mode: { isCheck: boolean },
  listener: StageListener = {},
): Promise<RunOutcome> {
  const started = performance.now();
  const report: ApiReport = {
    changes: [],
    diagnostics: [],
    ms: 0,
    name: options.name ?? options.output,
    output: options.output,
    stages: {},
    status: "failed",
  };
  let diffs: FileDiff[] = [];
  const finish = (status: ApiReport["status"], error?: string): RunOutcome => {
    report.status = status;
    if (error !== undefined) report.error = error;
    report.ms = Math.round(performance.now() - started);
    return { diffs, report };
  };
  const timed: StageListener = {
    onStageEnd: (stage, ms, counts) => {
      report.stages[stage] = ms;
      listener.onStageEnd?.(stage, ms, counts);
    },
    onStageStart: (stage) => listener.onStageStart?.(stage),
  };
  let spec = options.spec;
  if (isUrl(spec)) {
    if (!options.allowUrl)
      return finish(
        "failed",
        `${spec}: the spec is a URL; allow it with options.allowUrl in the config or --allow-url`,
      );
    try {
      spec = await fetchSpec(spec);
    } catch (error) {
      return finish("failed", (error as Error).message);
    }
  }
  const job = {
    name: options.name,
    options: jobOptions(options),
    output: options.output,
    overlays: options.overlays,
    spec,
  };
  // Refused before any work (and by --check too, which would otherwise call a folder that
  // generate refuses merely stale): a wrong --out (".", a project, a file) touches nothing.
  try {
    assertReplaceable(options.output);
  } catch (error) {
    if (error instanceof UnsafeOutputError)
      return finish("failed", `${error.message}; nothing was written`);
    throw error;
  }
  // A run killed mid-swap left the previous client aside: put it back before anything else.
  if (!mode.isCheck) recoverInterruptedWrite(options.output);
  // Nothing changed since the last run: answer without running a stage (--check always regenerates;
  // an in-memory document is no file the record could hash, so it always regenerates too).
  const isRecorded = options.document === undefined;
  if (!mode.isCheck && isRecorded && isUpToDate(job)) {
    report.inputs = recordedInputs(job);
    return finish("up-to-date");
  }
  const clock = stageClock(timed);
  try {
    const result = await generate({ ...options, spec }, timed);
    report.name = result.name;
    report.inputs = result.inputs;
    report.diagnostics = result.diagnostics;
    report.changes = result.changes;
    report.files = result.files.length;
    if (mode.isCheck) {
      clock.start("comparing");
      const stale = compareOutput(options.output, result.files);
      const isStale = stale.changed.length + stale.missing.length + stale.extra.length > 0;
      if (isStale) diffs = diffsOf(options.output, stale, result.files);
      clock.end(
        isStale
          ? `${stale.changed.length + stale.missing.length + stale.extra.length} stale files`
          : "up to date",
      );
      if (!isStale) return finish("up-to-date");
      report.stale = stale;
      return finish("stale");
    }
    clock.start("writing");
    writeOutput(options.output, result.files);
    if (isRecorded) recordGeneration(job, result.inputs, result.files);
    clock.end(`${result.files.length} files`);
    return finish("generated");
  } catch (error) {
    clock.abandon();
    if (error instanceof InputError || error instanceof TemplateError)
      return finish("failed", `${error.message}; ${options.output} left unchanged`);
    if (error instanceof UnsafeOutputError)
      return finish("failed", `${error.message}; nothing was written`);
    // A safety net behind the depth limits (LOAD010, REF006): never an "internal error" for a deep spec.
    if (error instanceof RangeError && /call stack/.test(error.message))
      return finish(
        "failed",
        `${options.spec}: the spec nests too deeply to generate (the call stack ran out); ${options.output} left unchanged`,
      );
    if (!(error instanceof DiagnosticsError)) throw error;
    report.diagnostics = error.diagnostics;
    return finish("failed");
  }
}

/** Options recorded in the manifest: those that change the output, when not the defaults (in this key order). */
function recordedOptions(options: ResolvedOptions): Record<string, unknown> {
  return {
    dates: options.dates || undefined,
    exclude: options.exclude,
    importExtension: options.importExtension === "ts" ? "ts" : undefined,
    include: options.include,
    emit: options.emit === "js" ? "js" : undefined,
  };
}

/** What besides the inputs changes the output: part of the no-op cache key. */
function jobOptions(options: ResolvedOptions): unknown {
  const { emit, exclude, importExtension, include, templates } = options;
  const isTsImports = importExtension === "ts";
  // The templates' files are inputs (hashed like the spec); their folder is part of the key.
  const folder = templates === undefined ? {} : { templates: path.resolve(templates) };
  return emit === "ts" && !exclude && !include && !isTsImports && templates === undefined
    ? undefined
    : { emit, exclude, include, ...(isTsImports ? { importExtension } : {}), ...folder };
}

type StageClock = ReturnType<typeof stageClock>;

/** Times one stage at a time for a listener. */
function stageClock(listener: StageListener) {
  let current: { at: number; stage: Stage } | undefined;
  return {
    start(stage: Stage) {
      current = { at: performance.now(), stage };
      listener.onStageStart?.(stage);
    },
    end(counts: string | undefined) {
      if (current)
        listener.onStageEnd?.(current.stage, Math.round(performance.now() - current.at), counts);
      current = undefined;
    },
    /** A stage that failed: no end is reported. */
    abandon() {
      current = undefined;
    },
  };
}

/** "TensorPool API" -> "TensorPool": a trailing "API"/"Api" adds nothing to `createXClient`. */
function nameFromTitle(
  document: Record<string, unknown>,
  pascalCase: (text: string) => string,
): string {
  const info = document.info as { title?: unknown } | undefined;
  const title = typeof info?.title === "string" ? info.title : "Api";
  const name = pascalCase(title).replace(/(Api|API)$/, "");
  return name === "" || /^_?[0-9]/.test(name) ? "Api" : name;
}
