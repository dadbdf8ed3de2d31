// argv -> commands. Exit codes: 0 ok; 1 stale (--check), breaking (--fail-on-breaking) or edited
// (verify); 2 bad input or usage. Kept light: the pipeline, watcher and verifier load on demand.
import { findConfigFile, loadConfig, type ApiConfig } from "./config.js";
import { parse, selectApis, usage, type Flags } from "./cli/args.js";
import { Reporter, reporterOptions } from "./cli/reporter.js";
import { runApi } from "./cli/run-api.js";
import { generatorVersion } from "./version.js";

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  const { values: flags, positionals } = parsed;
  if (flags.version) {
    process.stdout.write(`${generatorVersion()}\n`);
    return 0;
  }
  if (flags.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (positionals[0] === "verify") return (await import("./cli/verify.js")).verify(positionals.slice(1), flags);
  if (positionals[0] !== "generate" || positionals.length > 1) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const resolved = await resolveApis(flags);
  if (typeof resolved === "number") return resolved;
  if (flags.watch) return (await import("./cli/watch.js")).watch(argv, flags, resolved);
  return generateAll(resolved.apis, flags);
}

/** The config (when not --spec) and the APIs it selects; 2 after printing the problem. */
export async function resolveApis(flags: Flags): Promise<{ apis: ApiConfig[]; configFiles: string[] } | number> {
  try {
    if (flags.spec !== undefined) return { apis: selectApis(flags, undefined), configFiles: [] };
    const file = flags.config ?? findConfigFile();
    if (file === undefined) throw new Error("no config file found (create clientgen.config.ts, .json or .yaml, or pass --spec and --out)");
    const config = await loadConfig(file);
    return { apis: selectApis(flags, config.apis), configFiles: config.files };
  } catch (error) {
    process.stderr.write(`clientgen: ${(error as Error).message}\n`);
    return 2;
  }
}

/** Run every API once; the exit code is the worst of them. */
export async function generateAll(apis: ApiConfig[], flags: Flags): Promise<number> {
  const reporter = new Reporter(reporterOptions(flags));
  let exitCode = 0;
  for (const api of apis) {
    const report = await runApi(api, { isCheck: flags.check === true }, reporter);
    exitCode = Math.max(exitCode, exitCodeOf(report, flags));
  }
  reporter.finish(exitCode);
  return exitCode;
}

export function exitCodeOf(report: { changes: { isBreaking: boolean }[]; status: string }, flags: Flags): number {
  if (report.status === "failed") return 2;
  if (report.status === "stale") return 1;
  if (flags["fail-on-breaking"] && report.changes.some((c) => c.isBreaking)) return 1;
  return 0;
}
