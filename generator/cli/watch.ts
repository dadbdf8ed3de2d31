// --watch: generate once, then regenerate an API whenever one of its inputs (spec, overlays,
// referenced files), the config or a template changes. Changes are debounced; each regeneration
// runs in a fresh child process (so edited templates are read again) and prints one line with its
// time. A failed regeneration prints its problems and leaves the previous output as it was.
import { spawn } from "node:child_process";
import * as path from "node:path";
import { formatDiagnostic } from "../diagnostics/diagnostic.js";
import { isUrl } from "../load/fetch-spec.js";
import type { OutputOptions } from "../options.js";
import { recordedInputs } from "../output/up-to-date.js";
import { packageRoot } from "../package-root.js";
import type { ApiReport } from "../pipeline.js";
import type { Flags } from "./args.js";
import { generateAll, resolveApis } from "./generate-command.js";

/** Quiet time after the last change before regenerating: editors write a file in several steps. */
const debounceMs = 100;

interface Watched {
  api: OutputOptions;
  inputs: Set<string>;
}

export async function watch(
  argv: string[],
  flags: Flags,
  resolved: { apis: OutputOptions[]; configFiles: string[] },
): Promise<number> {
  const { watch: chokidarWatch } = await import("chokidar");
  await generateAll(resolved.apis, { ...flags, json: false });
  let configFiles = resolved.configFiles.map((f) => path.resolve(f));
  let watched: Watched[] = resolved.apis.map((api) => ({ api, inputs: new Set(inputsOf(api)) }));
  const templates = path.join(packageRoot(), "templates");
  const watcher = chokidarWatch(
    [...configFiles, templates, ...watched.flatMap((w) => [...w.inputs])],
    { ignoreInitial: true },
  );
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  const count = () => new Set([...configFiles, ...watched.flatMap((w) => [...w.inputs])]).size;
  process.stdout.write(`watching ${count()} files and the templates (Ctrl-C to stop)\n`);

  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const onChange = (file: string) => {
    pending.add(path.resolve(file));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = [...pending];
      pending.clear();
      running = running.then(() => regenerate(changed));
    }, debounceMs);
  };
  watcher.on("add", onChange).on("change", onChange).on("unlink", onChange);

  async function regenerate(changed: string[]): Promise<void> {
    let affected: Watched[];
    if (changed.some((f) => configFiles.includes(f))) {
      const again = await resolveApis(flags);
      if (typeof again === "number") return; // the problem is printed; keep watching the old config
      configFiles = again.configFiles.map((f) => path.resolve(f));
      watched = again.apis.map((api) => ({
        api,
        inputs: new Set([
          ...(watched.find((w) => w.api.output === api.output)?.inputs ?? []),
          ...inputsOf(api),
        ]),
      }));
      watcher.add(configFiles);
      affected = watched;
    } else if (changed.some((f) => f.startsWith(templates + path.sep))) {
      affected = watched;
    } else {
      affected = watched.filter((w) => changed.some((f) => w.inputs.has(f)));
    }
    for (const w of affected) {
      const report = await runChild(argv, w.api, watched.length);
      printRun(report, w.api);
      if (report?.inputs) {
        const fresh = report.inputs.filter((f) => !w.inputs.has(f));
        w.inputs = new Set([...report.inputs, ...inputsOf(w.api)]);
        if (fresh.length > 0) watcher.add(fresh);
      }
    }
  }

  return new Promise<number>((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      void watcher.close().then(() => resolve(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

/** The files an API was last generated from (the spec and overlays at least). */
function inputsOf(api: OutputOptions): string[] {
  const own = [
    ...(isUrl(api.spec) ? [] : [path.resolve(api.spec)]),
    ...api.overlays.map((o) => path.resolve(o)),
  ];
  return [...new Set([...own, ...(recordedInputs(api) ?? [])])];
}

/** `clientgen generate --json` for one API in a child process; undefined when it crashed. */
function runChild(
  argv: string[],
  api: OutputOptions,
  apiCount: number,
): Promise<ApiReport | undefined> {
  const args = childArgs(argv, api, apiCount);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1], ...args], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.on("close", () => {
      try {
        resolve(
          (JSON.parse(stdout.trim().split("\n").pop() ?? "") as { apis: ApiReport[] }).apis[0],
        );
      } catch {
        resolve(undefined);
      }
    });
  });
}

/** The watch command line without --watch/--json/--verbose/--api, plus --json and this API. */
export function childArgs(argv: string[], api: OutputOptions, apiCount: number): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--watch" || arg === "--json" || arg === "--verbose" || arg.startsWith("--api="))
      continue;
    if (arg === "--api") {
      i++;
      continue;
    }
    args.push(arg);
  }
  args.push("--json");
  if (apiCount > 1 || !argv.includes("--spec")) args.push("--api", api.output);
  return args;
}

function printRun(report: ApiReport | undefined, api: OutputOptions): void {
  const time = new Date().toTimeString().slice(0, 8);
  const label = report?.name ?? api.name ?? api.output;
  if (!report) {
    process.stderr.write(
      `[${time}] ${label}: regeneration crashed; ${api.output} left unchanged\n`,
    );
    return;
  }
  for (const d of report.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (report.status === "failed") {
    process.stderr.write(
      `[${time}] ${label}: error${report.error ? ` (${report.error})` : ""}; ${api.output} left unchanged, still watching\n`,
    );
    return;
  }
  if (report.status === "up-to-date") {
    process.stdout.write(`[${time}] ${label}: up to date (${report.ms} ms)\n`);
    return;
  }
  const breaking = report.changes.filter((c) => c.isBreaking).length;
  const changes =
    report.changes.length > 0
      ? `; ${report.changes.length} change${report.changes.length === 1 ? "" : "s"} for callers, ${breaking} breaking`
      : "";
  process.stdout.write(
    `[${time}] ${label}: regenerated ${report.files} files -> ${api.output} in ${report.ms} ms${changes}\n`,
  );
  for (const change of report.changes)
    process.stdout.write(
      `  ${change.isBreaking ? "BREAKING " : ""}${change.message.replace(/`/g, "")}\n`,
    );
}
