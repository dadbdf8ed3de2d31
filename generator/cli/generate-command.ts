// `clientgen generate`: the config (or --spec) and flags -> one options object per API, each run
// through the pipeline and printed; the exit code is the worst of them.
import { findConfigFile, loadConfig } from "../config.js";
import type { OutputOptions } from "../options.js";
import type { ApiReport } from "../pipeline.js";
import { selectApis, type Flags } from "./args.js";
import { collectGarbage } from "./collect-garbage.js";
import { printRun } from "./print-run.js";
import { Reporter, reporterOptions } from "./reporter.js";

/** The config (when not --spec) and the APIs it selects; 2 after printing the problem. */
export async function resolveApis(
  flags: Flags,
): Promise<{ apis: OutputOptions[]; configFiles: string[] } | number> {
  try {
    if (flags.spec !== undefined) return { apis: selectApis(flags, undefined), configFiles: [] };
    const file = flags.config ?? findConfigFile();
    if (file === undefined)
      throw new Error(
        "no config file found (create clientgen.config.ts, .json or .yaml, or pass --spec and --out)",
      );
    const config = await loadConfig(file);
    return { apis: selectApis(flags, config.apis), configFiles: config.files };
  } catch (error) {
    process.stderr.write(`clientgen: ${(error as Error).message}\n`);
    return 2;
  }
}

/** Run every API once; the exit code is the worst of them. */
export async function generateAll(apis: OutputOptions[], flags: Flags): Promise<number> {
  const reporter = new Reporter(reporterOptions(flags));
  const isCheck = flags.check === true;
  let exitCode = 0;
  for (const options of apis) {
    // The pipeline (and everything it imports) loads only when there is an API to run.
    const { run } = await import("../pipeline.js");
    const stages = reporter.stages(options.name ?? options.output);
    const outcome = await run(
      options,
      { isCheck },
      {
        ...stages,
        onStageStart: (stage) => {
          // The document is unreachable now (pipeline.ts): collect it before emitting peaks.
          if (stage === "emitting") collectGarbage();
          stages.onStageStart?.(stage);
        },
      },
    );
    printRun(outcome, options, isCheck, reporter);
    reporter.done(outcome.report);
    exitCode = Math.max(exitCode, exitCodeOf(outcome.report, flags));
  }
  reporter.finish(exitCode);
  return exitCode;
}

export function exitCodeOf(report: Pick<ApiReport, "changes" | "status">, flags: Flags): number {
  if (report.status === "failed") return 2;
  if (report.status === "stale") return 1;
  if (flags["fail-on-breaking"] && report.changes.some((c) => c.isBreaking)) return 1;
  return 0;
}
