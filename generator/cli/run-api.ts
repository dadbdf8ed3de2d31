// One API, one run: the no-op check, then generate -> check or write -> change report. Returns
// its report; the caller turns reports into an exit code.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { ApiConfig } from "../config.js";
import { DiagnosticsError, summarizeDiagnostics } from "../diagnostics/diagnostic.js";
import { isUpToDate, recordedInputs, recordGeneration } from "../cache/up-to-date.js";
import { assertReplaceable, UnsafeOutputError } from "../emit/replaceable-folder.js";
import { compareOutput, recoverInterruptedWrite, writeOutput } from "../emit/write.js";
import type { SurfaceChange } from "../report/compare-surface.js";
import type { ApiReport, Reporter } from "./reporter.js";
import { InputError } from "./input-error.js";
import { TemplateError } from "../emit/template-error.js";
import { fetchSpec, isUrl } from "./remote-spec.js";
import { unifiedDiff } from "./unified-diff.js";

export interface RunMode {
  isCheck: boolean;
}

/** Generate (or check) one API and print what happened. */
export async function runApi(api: ApiConfig, mode: RunMode, reporter: Reporter): Promise<ApiReport> {
  const started = performance.now();
  const label = api.name ?? api.output;
  const report: ApiReport = { changes: [], diagnostics: [], ms: 0, name: label, output: api.output, stages: {}, status: "failed" };
  const finish = (status: ApiReport["status"]) => {
    report.status = status;
    report.ms = Math.round(performance.now() - started);
    reporter.done(report);
    return report;
  };
  let spec = api.spec;
  if (isUrl(spec)) {
    if (!api.options.allowUrl) return fail(report, reporter, finish, `${spec}: the spec is a URL; allow it with options.allowUrl in the config or --allow-url`);
    try {
      spec = await fetchSpec(spec);
    } catch (error) {
      return fail(report, reporter, finish, (error as Error).message);
    }
  }
  const job = { name: api.name, options: jobOptions(api), output: api.output, overlays: api.overlays, spec };
  // Refused before any work (and by --check too, which would otherwise call a folder that
  // generate refuses merely stale): a wrong --out (".", a project, a file) touches nothing.
  try {
    assertReplaceable(api.output);
  } catch (error) {
    if (error instanceof UnsafeOutputError) return fail(report, reporter, finish, `${error.message}; nothing was written`);
    throw error;
  }
  // A run killed mid-swap left the previous client aside: put it back before anything else.
  if (!mode.isCheck) recoverInterruptedWrite(api.output);
  // Nothing changed since the last run: answer without loading the pipeline (--check always regenerates).
  if (!mode.isCheck && isUpToDate(job)) {
    report.inputs = recordedInputs(job);
    finish("up-to-date");
    reporter.out(`${api.output}: up to date (${report.ms} ms)`);
    return report;
  }
  const stages = stageClock(report.stages);
  try {
    const { generate } = await import("../pipeline.js");
    const result = await generate({
      allowOutsideRefs: api.options.allowOutsideRefs,
      heuristics: api.options.heuristics,
      name: api.name,
      onStage: (stage) => {
        stages.start(stage);
        reporter.progress(label, stage);
      },
      options: { dates: api.options.dates || undefined, emit: api.options.emit, exclude: api.options.exclude, importExtension: api.options.importExtension === "ts" ? "ts" : undefined, include: api.options.include },
      output: api.output,
      overlays: api.overlays,
      spec,
      templates: api.options.templates,
    });
    report.name = result.name;
    report.inputs = result.inputs;
    report.diagnostics = result.diagnostics;
    report.changes = result.changes;
    report.files = result.files.length;
    reporter.diagnostics(result.diagnostics);
    if (result.diagnostics.length > 0) reporter.err(`${api.spec}: ${summarizeDiagnostics(result.diagnostics)}`);
    if (mode.isCheck) {
      stages.start("comparing");
      const stale = compareOutput(api.output, result.files);
      stages.stop();
      printChanges(reporter, result.name, api.output, result.changes);
      if (stale.changed.length + stale.missing.length + stale.extra.length === 0) {
        finish("up-to-date");
        reporter.out(`${api.output}: up to date`);
        return report;
      }
      report.stale = stale;
      finish("stale");
      printStale(reporter, api.output, stale, result.files);
      return report;
    }
    stages.start("writing");
    reporter.progress(label, "writing");
    writeOutput(api.output, result.files);
    recordGeneration(job, result.inputs, result.files);
    stages.stop();
    finish("generated");
    reporter.out(`${result.name}: ${result.files.length} files -> ${api.output} (${report.ms} ms)`);
    printChanges(reporter, result.name, api.output, result.changes);
    return report;
  } catch (error) {
    stages.stop();
    if (error instanceof InputError || error instanceof TemplateError) return fail(report, reporter, finish, `${error.message}; ${api.output} left unchanged`);
    if (error instanceof UnsafeOutputError) return fail(report, reporter, finish, `${error.message}; nothing was written`);
    // A safety net behind the depth limits (LOAD010, REF006): never an "internal error" for a deep spec.
    if (error instanceof RangeError && /call stack/.test(error.message)) return fail(report, reporter, finish, `${api.spec}: the spec nests too deeply to generate (the call stack ran out); ${api.output} left unchanged`);
    if (!(error instanceof DiagnosticsError)) throw error;
    report.diagnostics = error.diagnostics;
    reporter.diagnostics(error.diagnostics);
    reporter.err(`${api.spec}: ${summarizeDiagnostics(error.diagnostics)}; ${api.output} left unchanged`);
    return finish("failed");
  }
}

/** What besides the inputs changes the output: part of the no-op cache key. */
function jobOptions(api: ApiConfig): unknown {
  const { emit, exclude, importExtension, include, templates } = api.options;
  const isTsImports = importExtension === "ts";
  // The templates' files are inputs (hashed like the spec); their folder is part of the key.
  const folder = templates === undefined ? {} : { templates: path.resolve(templates) };
  return emit === "ts" && !exclude && !include && !isTsImports && templates === undefined ? undefined : { emit, exclude, include, ...(isTsImports ? { importExtension } : {}), ...folder };
}

function fail(report: ApiReport, reporter: Reporter, finish: (s: ApiReport["status"]) => ApiReport, message: string): ApiReport {
  report.error = message;
  reporter.err(`clientgen: ${message}`);
  return finish("failed");
}

/** Milliseconds per stage, each stage ending when the next starts. */
function stageClock(stages: Record<string, number>) {
  let current: { name: string; at: number } | undefined;
  const stop = () => {
    if (current) stages[current.name] = Math.round(performance.now() - current.at);
    current = undefined;
  };
  return {
    start(name: string) {
      stop();
      current = { at: performance.now(), name };
    },
    stop,
  };
}

function printChanges(reporter: Reporter, name: string, output: string, changes: SurfaceChange[]): void {
  if (changes.length === 0) return;
  const breaking = changes.filter((c) => c.isBreaking).length;
  reporter.out(`${name}: ${changes.length} change${changes.length === 1 ? "" : "s"} for callers, ${breaking} breaking (${path.join(output, "CHANGES.md")})`);
  for (const change of changes) reporter.out(`  ${change.isBreaking ? "BREAKING " : ""}${change.message.replace(/`/g, "")}`);
}

function printStale(reporter: Reporter, output: string, stale: ApiReport["stale"] & object, files: { path: string; text: string }[]): void {
  const byPath = new Map(files.map((f) => [f.path, f.text]));
  const diffs = stale.changed.map((file) => unifiedDiff(file, readFileSync(path.join(output, file), "utf8"), byPath.get(file)!));
  const lines = [
    ...stale.changed.map((f, i) => `  changed: ${f} (+${diffs[i].added} -${diffs[i].removed})`),
    ...stale.missing.map((f) => `  missing: ${f}`),
    ...stale.extra.map((f) => `  extra:   ${f}`),
  ];
  reporter.err(`${output} is stale (regenerate with \`clientgen generate\`):\n${lines.join("\n")}`);
  for (const diff of diffs.slice(0, 10)) reporter.err(diff.text);
  if (diffs.length > 10) reporter.err(`... and ${diffs.length - 10} more changed files`);
}
