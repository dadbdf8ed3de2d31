// Where the host's type-checker (tsc 5.9) spends its time on an output folder, file by file:
//   node test/bench/tsc-phases.mjs [--runs 6] [--top 12] <dir> ...
// tsc-cost.mjs says how much a folder costs; this says which file and which phase (parse, bind,
// check) costs it, to choose what to change. Each run is a fresh process (the cost that matters is
// a cold one: the parser, binder and checker paths that lib .d.ts files never warm up), the folders
// alternate, and each file's phase is the minimum over runs: load on a shared machine only ever
// adds time, so the minimum is its least disturbed figure. Same options as tsc-cost (writeTsconfig)
// and the same JSDoc mode as the tsc command line: doc comments in .ts files are skipped unless
// they contain @see or @link. Time is wall time within the process: read the lines of one run
// against each other, not against another day's.
import { execFileSync } from "node:child_process";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { repoRoot, writeTsconfig } from "./tools.mjs";

/** In a child process: one cold check of `dir`, printed as {file: {parse, bind, check}} in ms. */
async function measureOnce(dir) {
  const { default: ts } = await import(
    path.join(repoRoot, "node_modules/typescript/lib/typescript.js")
  );
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(dir, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic() {},
    },
  );
  const host = ts.createCompilerHost(config.options);
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  const ms = {};
  const fileKey = (file) =>
    file.includes("/typescript/lib/") ? "<lib>" : path.relative(dir, file);
  const add = (file, phase, t0) => {
    const row = (ms[fileKey(file)] ??= { parse: 0, bind: 0, check: 0 });
    row[phase] += performance.now() - t0;
  };
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (file, ...rest) => {
    const t0 = performance.now();
    const sourceFile = getSourceFile.call(host, file, ...rest);
    add(file, "parse", t0);
    return sourceFile;
  };
  const program = ts.createProgram(config.fileNames, config.options, host);
  // Binding is idempotent: binding here first times each file, the checker then skips them.
  for (const sourceFile of program.getSourceFiles()) {
    const t0 = performance.now();
    ts.bindSourceFile(sourceFile, config.options);
    add(sourceFile.fileName, "bind", t0);
  }
  for (const sourceFile of program.getSourceFiles()) {
    const t0 = performance.now();
    program.getSemanticDiagnostics(sourceFile);
    add(sourceFile.fileName, "check", t0);
  }
  console.log(JSON.stringify(ms));
}

const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: "string", default: "6" },
    top: { type: "string", default: "12" },
    child: { type: "boolean", default: false },
  },
});
if (opt.child) {
  await measureOnce(path.resolve(positionals[0]));
} else {
  const dirs = positionals.map((d) => path.resolve(d));
  for (const dir of dirs) writeTsconfig(dir);
  const runs = new Map(dirs.map((d) => [d, []]));
  const self = fileURLToPath(import.meta.url);
  for (let run = 0; run < Number(opt.runs); run++)
    for (const dir of dirs)
      runs
        .get(dir)
        .push(
          JSON.parse(execFileSync(process.execPath, [self, "--child", dir], { encoding: "utf8" })),
        );

  const fmt = (x) => x.toFixed(0).padStart(6);
  console.log(
    `ms, minimum of ${opt.runs} cold runs per file and phase (load average at end ${os.loadavg()[0].toFixed(1)})`,
  );
  for (const dir of dirs) {
    const all = runs.get(dir);
    const rows = Object.keys(all[0]).map((file) => {
      const min = (phase) => Math.min(...all.map((r) => r[file][phase]));
      return { file, parse: min("parse"), bind: min("bind"), check: min("check") };
    });
    const ours = rows.filter((r) => r.file !== "<lib>");
    const sum = (phase) => ours.reduce((total, r) => total + r[phase], 0);
    console.log(`\n${dir}\n${"file".padEnd(36)} parse   bind  check`);
    console.log(
      `${"(all but lib)".padEnd(36)}${fmt(sum("parse"))} ${fmt(sum("bind"))} ${fmt(sum("check"))}`,
    );
    const total = (r) => r.parse + r.bind + r.check;
    for (const r of [
      ...rows.filter((r) => r.file === "<lib>"),
      ...ours.sort((a, b) => total(b) - total(a)).slice(0, Number(opt.top)),
    ])
      console.log(`${r.file.padEnd(36)}${fmt(r.parse)} ${fmt(r.bind)} ${fmt(r.check)}`);
  }
}
