// argv -> generate(); exit codes: 0 ok, 1 stale (--check), 2 bad input or usage.
import { parseArgs } from "node:util";
import { readConfig, defaultConfigFile, type ApiConfig } from "./config.js";
import { DiagnosticsError, formatDiagnostic, summarizeDiagnostics } from "./diagnostics/diagnostic.js";
import { isUpToDate, recordGeneration } from "./cache/up-to-date.js";
import { compareOutput, writeOutput } from "./emit/write.js";

const usage = `Usage:
  clientgen generate [--config ${defaultConfigFile}] [--check]
  clientgen generate --spec <file> --out <dir> [--overlay <file>]... [--name <Api>] [--check]

Exit codes: 0 ok, 1 output is stale (--check), 2 bad input.`;

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        check: { type: "boolean" },
        config: { type: "string" },
        help: { type: "boolean", short: "h" },
        name: { type: "string" },
        out: { type: "string" },
        overlay: { type: "string", multiple: true },
        spec: { type: "string" },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] !== "generate") {
    (values.help ? process.stdout : process.stderr).write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  let apis: ApiConfig[];
  try {
    apis = values.spec ? [apiFromFlags(values)] : readConfig(values.config ?? defaultConfigFile).apis;
  } catch (error) {
    process.stderr.write(`clientgen: ${(error as Error).message}\n`);
    return 2;
  }
  let exitCode = 0;
  for (const api of apis) exitCode = Math.max(exitCode, await runOne(api, values.check === true));
  return exitCode;
}

function apiFromFlags(values: { spec?: string; out?: string; overlay?: string[]; name?: string }): ApiConfig {
  if (!values.out) throw new Error("--spec needs --out <dir>");
  return { name: values.name, output: values.out, overlays: values.overlay ?? [], spec: values.spec! };
}

async function runOne(api: ApiConfig, isCheck: boolean): Promise<number> {
  const started = performance.now();
  // Nothing changed since the last run: answer without loading the pipeline (--check always regenerates).
  if (!isCheck && isUpToDate(api)) {
    process.stdout.write(`${api.output}: up to date (${Math.round(performance.now() - started)} ms)\n`);
    return 0;
  }
  try {
    const { generate } = await import("./pipeline.js");
    const result = await generate({ name: api.name, output: api.output, overlays: api.overlays, spec: api.spec });
    for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    if (result.diagnostics.length > 0) process.stderr.write(`${api.spec}: ${summarizeDiagnostics(result.diagnostics)}\n`);
    if (isCheck) {
      const stale = compareOutput(api.output, result.files);
      const lines = [
        ...stale.changed.map((f) => `  changed: ${f}`),
        ...stale.missing.map((f) => `  missing: ${f}`),
        ...stale.extra.map((f) => `  extra:   ${f}`),
      ];
      if (lines.length > 0) {
        process.stderr.write(`${api.output} is stale (run \`npm run generate\`):\n${lines.join("\n")}\n`);
        return 1;
      }
      process.stdout.write(`${api.output}: up to date\n`);
      return 0;
    }
    writeOutput(api.output, result.files);
    recordGeneration(api, result.inputs, result.files);
    const ms = Math.round(performance.now() - started);
    process.stdout.write(`${result.name}: ${result.files.length} files -> ${api.output} (${ms} ms)\n`);
    return 0;
  } catch (error) {
    if (error instanceof DiagnosticsError) {
      for (const d of error.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
      process.stderr.write(`${api.spec}: ${summarizeDiagnostics(error.diagnostics)}; ${api.output} left unchanged\n`);
      return 2;
    }
    throw error;
  }
}
