// What a run prints: result lines on stdout, problems on stderr, repeated warnings grouped (each
// one and a stage-timing summary with --verbose), or one JSON document with --json (every
// diagnostic). Stages: on a terminal one progress line per API, rewritten in place with what the
// stages produced so far; elsewhere (CI logs, pipes) one line per finished stage with its time.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnosticLines } from "../diagnostics/group.js";
import type { ApiReport, Stage, StageListener } from "../pipeline.js";

export type { ApiReport };

export interface ReporterOptions {
  isJson: boolean;
  isVerbose: boolean;
  /** Show the progress line (a terminal, not CI, not --json). */
  showsProgress: boolean;
  /** Print one line per finished stage with its time (not a terminal, or CI; not --json). */
  showsStageLines: boolean;
}

export function reporterOptions(flags: { json?: boolean; verbose?: boolean }): ReporterOptions {
  const isJson = flags.json === true;
  const showsProgress = !isJson && process.stderr.isTTY === true && !process.env.CI;
  return {
    isJson,
    isVerbose: flags.verbose === true,
    showsProgress,
    showsStageLines: !isJson && !showsProgress,
  };
}

export class Reporter {
  readonly reports: ApiReport[] = [];
  #hasProgress = false;

  constructor(readonly options: ReporterOptions) {}

  /** The stage listener for one API's run, labelled `label`. */
  stages(label: string): StageListener {
    let produced: string | undefined;
    return {
      onStageStart: (stage) => this.progress(label, stage, produced),
      onStageEnd: (stage, ms, counts) => {
        if (counts !== undefined) produced = counts;
        if (this.options.showsStageLines)
          this.err(`${label}: ${stage} ${ms} ms${counts === undefined ? "" : ` (${counts})`}`);
      },
    };
  }

  /** Replace the progress line: `TensorPool: emitting... (83 operations, 41 schemas)`. */
  progress(label: string, stage: Stage, produced?: string): void {
    if (!this.options.showsProgress) return;
    process.stderr.write(
      `\r\x1b[2K${label}: ${stage}...${produced === undefined ? "" : ` (${produced})`}`,
    );
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
      const stages = Object.entries(report.stages)
        .map(([stage, ms]) => `${stage} ${ms} ms`)
        .join(", ");
      this.err(`  ${report.name}: ${stages}; total ${report.ms} ms`);
    }
  }

  /** With --json: the whole run as one document. */
  finish(exitCode: number): void {
    this.#clearProgress();
    if (this.options.isJson)
      process.stdout.write(`${JSON.stringify({ apis: this.reports, exitCode })}\n`);
  }

  #clearProgress(): void {
    if (!this.#hasProgress) return;
    process.stderr.write("\r\x1b[2K");
    this.#hasProgress = false;
  }
}
