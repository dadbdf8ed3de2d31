// What a run prints: result lines on stdout, problems on stderr, a progress line per API on a
// terminal (not in CI), repeated warnings grouped (each one and stage timings with --verbose), or
// one JSON document with --json (every diagnostic).
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnosticLines } from "../diagnostics/group.js";
import type { SurfaceChange } from "../report/compare-surface.js";
import type { StaleReport } from "../emit/write.js";

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

export interface ReporterOptions {
  isJson: boolean;
  isVerbose: boolean;
  /** Show the progress line (a terminal, not CI, not --json). */
  showsProgress: boolean;
}

export function reporterOptions(flags: { json?: boolean; verbose?: boolean }): ReporterOptions {
  const isJson = flags.json === true;
  const showsProgress = !isJson && process.stderr.isTTY === true && !process.env.CI;
  return { isJson, isVerbose: flags.verbose === true, showsProgress };
}

export class Reporter {
  readonly reports: ApiReport[] = [];
  #hasProgress = false;

  constructor(readonly options: ReporterOptions) {}

  /** Replace the progress line: `TensorPool: parsing...`. */
  progress(label: string, stage: string): void {
    if (!this.options.showsProgress) return;
    process.stderr.write(`\r\x1b[2K${label}: ${stage}...`);
    this.#hasProgress = true;
  }

  /** A result line (stdout). */
  out(line: string): void {
    this.#clearProgress();
    if (!this.options.isJson) process.stdout.write(`${line}\n`);
  }

  /** A problem line (stderr). */
  err(line: string): void {
    this.#clearProgress();
    if (!this.options.isJson) process.stderr.write(`${line}\n`);
  }

  /** Problem lines for a run's diagnostics: repeated warnings grouped per code and file, each one with --verbose. */
  diagnostics(list: Diagnostic[]): void {
    for (const line of diagnosticLines(list, this.options.isVerbose)) this.err(line);
  }

  /** Record an API's outcome; --verbose prints its stage timings. */
  done(report: ApiReport): void {
    this.reports.push(report);
    if (this.options.isVerbose && Object.keys(report.stages).length > 0) {
      const stages = Object.entries(report.stages).map(([stage, ms]) => `${stage} ${ms} ms`).join(", ");
      this.err(`  ${report.name}: ${stages}; total ${report.ms} ms`);
    }
  }

  /** With --json: the whole run as one document. */
  finish(exitCode: number): void {
    this.#clearProgress();
    if (this.options.isJson) process.stdout.write(`${JSON.stringify({ apis: this.reports, exitCode })}\n`);
  }

  #clearProgress(): void {
    if (!this.#hasProgress) return;
    process.stderr.write("\r\x1b[2K");
    this.#hasProgress = false;
  }
}

