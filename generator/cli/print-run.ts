// One API's outcome as lines: diagnostics (grouped), the summary, the result line, what changed
// for callers, and for a stale --check the files and their diffs. The pipeline decides; this prints.
import * as path from "node:path";
import { summarizeDiagnostics } from "../diagnostics/diagnostic.js";
import type { OutputOptions } from "../options.js";
import type { RunOutcome } from "../pipeline.js";
import type { SurfaceChange } from "../report/compare-surface.js";
import type { Reporter } from "./reporter.js";

/** Print what `run` returned for `options` (`isCheck`: the run compared instead of writing). */
export function printRun(
  outcome: RunOutcome,
  options: OutputOptions,
  isCheck: boolean,
  reporter: Reporter,
): void {
  const { report } = outcome;
  reporter.diagnostics(report.diagnostics);
  if (report.status === "failed") {
    if (report.error !== undefined) reporter.err(`clientgen: ${report.error}`);
    else
      reporter.err(
        `${options.spec}: ${summarizeDiagnostics(report.diagnostics)}; ${options.output} left unchanged`,
      );
    return;
  }
  if (report.diagnostics.length > 0)
    reporter.err(`${options.spec}: ${summarizeDiagnostics(report.diagnostics)}`);
  if (report.status === "up-to-date" && Object.keys(report.stages).length === 0) {
    // Answered by the no-op check, before any stage ran.
    reporter.out(`${options.output}: up to date (${report.ms} ms)`);
    return;
  }
  if (isCheck) {
    printChanges(reporter, report.name, options.output, report.changes);
    if (report.status === "up-to-date") reporter.out(`${options.output}: up to date`);
    else printStale(reporter, outcome);
    return;
  }
  reporter.out(`${report.name}: ${report.files} files -> ${options.output} (${report.ms} ms)`);
  printChanges(reporter, report.name, options.output, report.changes);
}

function printChanges(
  reporter: Reporter,
  name: string,
  output: string,
  changes: SurfaceChange[],
): void {
  if (changes.length === 0) return;
  const breaking = changes.filter((c) => c.isBreaking).length;
  reporter.out(
    `${name}: ${changes.length} change${changes.length === 1 ? "" : "s"} for callers, ${breaking} breaking (${path.join(output, "CHANGES.md")})`,
  );
  for (const change of changes)
    reporter.out(`  ${change.isBreaking ? "BREAKING " : ""}${change.message.replace(/`/g, "")}`);
}

function printStale(reporter: Reporter, { diffs, report }: RunOutcome): void {
  const stale = report.stale!;
  const lines = [
    ...diffs.map((d) => `  changed: ${d.file} (+${d.added} -${d.removed})`),
    ...stale.missing.map((f) => `  missing: ${f}`),
    ...stale.extra.map((f) => `  extra:   ${f}`),
  ];
  reporter.err(
    `${report.output} is stale (regenerate with \`clientgen generate\`):\n${lines.join("\n")}`,
  );
  for (const diff of diffs.slice(0, 10)) reporter.err(diff.text);
  if (diffs.length > 10) reporter.err(`... and ${diffs.length - 10} more changed files`);
}
