// npm run bench: clientgen against openapi-typescript, hey-api and orval on the big corpus specs and
// on synthetic specs of 1k/4k/16k operations; then no-op regeneration and runtime overhead.
// Writes test/bench/results/latest.{md,json} and prints the Markdown.
//
//   npm run bench -- [--runs 3] [--tsc-runs 3] [--quick] [--only openai,synthetic-1k]
//                    [--big-runs 1] [--big-peers] [--sizes 1000,4000,16000] [--tools clientgen,openapi-typescript]
//                    [--no-synthetic] [--no-corpus] [--no-github] [--no-runtime] [--no-noop] [--no-tsc]
//                    [--no-streaming] [--no-bundle]
//                    [--clientgen-root <checkout>] [--no-build] [--help]
//
// Every figure is a whole process under GNU time (wall, CPU, peak RSS), rounds alternating between
// the tools. No-op regeneration: `node bin/clientgen.mjs generate` in the checkout, once to warm
// the caches, then timed (at least 3 runs): the generator's cached path with nothing changed.
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import YAML from "yaml";
import { measure } from "./measure.mjs";
import { targets, toMarkdown } from "./report.mjs";
import { writeSyntheticSpec } from "./synthetic-spec.mjs";
import {
  checkers,
  clientgenEnv,
  outputSize,
  repoRoot,
  tools,
  typecheck,
  writeTsconfig,
} from "./tools.mjs";

const { values: opt } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    // The 16k-op spec costs minutes per clientgen run: by default it gets this many rounds instead.
    "big-runs": { type: "string", default: "1" },
    // ...and only clientgen and openapi-typescript run on it (hey-api needs 30 s and 860 MiB at 4k).
    "big-peers": { type: "boolean", default: false },
    "tsc-runs": { type: "string" },
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    sizes: { type: "string", default: "1000,4000,16000" },
    tools: { type: "string" },
    "no-synthetic": { type: "boolean", default: false },
    "no-corpus": { type: "boolean", default: false },
    "no-runtime": { type: "boolean", default: false },
    "no-streaming": { type: "boolean", default: false },
    "no-bundle": { type: "boolean", default: false },
    "no-github": { type: "boolean", default: false },
    "no-noop": { type: "boolean", default: false },
    "no-tsc": { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    "clientgen-root": { type: "string", default: repoRoot },
    timeout: { type: "string", default: "900" },
    help: { type: "boolean", default: false },
  },
});
if (opt.help) {
  // The usage is this file's opening comment.
  const lines = readFileSync(new URL(import.meta.url), "utf8").split("\n");
  const header = lines.slice(
    0,
    lines.findIndex((line) => !line.startsWith("//")),
  );
  process.stdout.write(`${header.map((line) => line.replace(/^\/\/ ?/, "")).join("\n")}\n`);
  process.exit(0);
}
const runsDefault = opt.quick ? 1 : Number(opt.runs);
const tscRunsDefault = opt["no-tsc"] ? 0 : Number(opt["tsc-runs"] ?? runsDefault);
const cgRoot = path.resolve(opt["clientgen-root"]);
const timeoutS = Number(opt.timeout);
const corpusDir = path.resolve(repoRoot, "../shared/corpus/specs");
const resultsDir = path.join(repoRoot, "test/bench/results");
const tmp = mkdtempSync(path.join(os.tmpdir(), "clientgen-bench-"));
const log = (msg) => process.stderr.write(`${msg}\n`);

/** The corpus specs over 500 KB (DigitalOcean is multi-file: its folder is well over). */
const corpus = [
  "openai.yaml",
  "internal-accounting-api.yaml",
  "dutchie.json",
  "clerk.yaml",
  "opencode.yaml",
  "digital-ocean-api/DigitalOcean-public.v2.yaml",
];
/** The GitHub REST document (13 MB, ~1,200 operations) from its npm package, a devDependency. */
const githubSpec = path.join(
  repoRoot,
  "node_modules/@octokit/openapi/generated/api.github.com.json",
);

const activeTools = opt.tools ? tools.filter((t) => opt.tools.split(",").includes(t.name)) : tools;

// Every tool runs from the same clientgen checkout's bin (--clientgen-root lets a reference run use a
// clean snapshot while others edit the working tree).
const clientgenTool = activeTools.find((t) => t.name === "clientgen");
if (clientgenTool) {
  const base = clientgenTool.command;
  clientgenTool.command = (spec, out) => {
    const c = base(spec, out);
    return { cmd: c.cmd, args: [path.join(cgRoot, "bin/clientgen.mjs"), ...c.args.slice(1)] };
  };
}

function machine() {
  const cpu =
    readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/)?.[1] ??
    os.cpus()[0]?.model;
  const git = (...args) => {
    try {
      return execFileSync("git", args, {
        cwd: cgRoot,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }).trim();
    } catch {
      return "";
    }
  };
  const version = (pkg) =>
    JSON.parse(readFileSync(path.join(repoRoot, "node_modules", pkg, "package.json"), "utf8"))
      .version;
  let commit = git("rev-parse", "--short", "HEAD");
  const snapshot = path.join(cgRoot, ".bench-commit");
  if (!commit && existsSync(snapshot))
    commit = `${readFileSync(snapshot, "utf8").trim()} (snapshot)`;
  return {
    node: process.version,
    cpu,
    cores: os.cpus().length,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    loadavg: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" "),
    clientgen: {
      root: cgRoot,
      commit: commit || "unknown",
      dirty: git("status", "--porcelain", "generator", "templates", "bin")
        .split("\n")
        .filter(Boolean).length,
    },
    versions: {
      "openapi-typescript": version("openapi-typescript"),
      "@hey-api/openapi-ts": version("@hey-api/openapi-ts"),
      orval: version("orval"),
      "openapi-fetch": version("openapi-fetch"),
      "@octokit/openapi": version("@octokit/openapi"),
      esbuild: version("esbuild"),
      vite: version("vite"),
      typescript: version("typescript"),
      typescript7: version("typescript7"),
    },
  };
}

/** Count operations in an OpenAPI document (following path-item $refs one file deep). */
function countOperations(file) {
  const parse = (f) =>
    f.endsWith(".json")
      ? JSON.parse(readFileSync(f, "utf8"))
      : YAML.parse(readFileSync(f, "utf8"), { maxAliasCount: -1 });
  const doc = parse(file);
  const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
  let n = 0;
  for (const item of Object.values(doc.paths ?? {})) {
    let it = item;
    if (it?.$ref && !it.$ref.startsWith("#"))
      it = parse(path.resolve(path.dirname(file), it.$ref.split("#")[0]));
    n += methods.filter((m) => it?.[m]).length;
  }
  return { operations: n, schemas: Object.keys(doc.components?.schemas ?? {}).length };
}

function dirBytes(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true }))
    n += e.isDirectory() ? dirBytes(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).size;
  return n;
}

function specList() {
  const specs = [];
  if (!opt["no-corpus"])
    for (const rel of opt.quick ? ["openai.yaml"] : corpus) {
      const file = path.join(corpusDir, rel);
      const multi = rel.includes("/");
      specs.push({
        name: path.basename(rel).replace(/\.(ya?ml|json)$/, ""),
        source: multi ? `corpus ${rel} (multi-file; folder size)` : `corpus ${rel}`,
        file,
        bytes: multi ? dirBytes(path.dirname(file)) : statSync(file).size,
        target: true,
        ...countOperations(file),
      });
    }
  if (!opt["no-github"] && !opt.quick)
    specs.push({
      name: "github",
      source: "@octokit/openapi generated/api.github.com.json",
      file: githubSpec,
      bytes: statSync(githubSpec).size,
      target: true,
      ...countOperations(githubSpec),
    });
  if (!opt["no-synthetic"])
    for (const n of opt.quick ? [1000] : opt.sizes.split(",").map(Number)) {
      const file = path.join(tmp, `synthetic-${n}.json`);
      const info = writeSyntheticSpec(n, file);
      specs.push({
        name: `synthetic-${n / 1000}k`,
        source: `synthetic-spec.mjs ${n}`,
        file,
        synthetic: n,
        target: n === 16000,
        ...info,
      });
    }
  const only = opt.only?.split(",");
  return only ? specs.filter((s) => only.some((o) => s.name.includes(o))) : specs;
}

const libOnly = "lib only";

async function benchSpec(spec) {
  const runs =
    spec.operations > 10_000 ? Math.min(Number(opt["big-runs"]), runsDefault) : runsDefault;
  const tscRuns = spec.operations > 10_000 ? Math.min(runs, tscRunsDefault) : tscRunsDefault;
  const big = spec.operations > 10_000;
  const specTools =
    big && !opt["big-peers"]
      ? activeTools.filter((t) => t.name === "clientgen" || t.name === "openapi-typescript")
      : activeTools;
  const result = {
    ...spec,
    runs,
    tscRuns,
    tools: Object.fromEntries(
      specTools.map((t) => [t.name, { runs: [], warm: t.cached ? [] : undefined }]),
    ),
  };
  const dir = path.join(tmp, spec.name);
  const lastOut = {};
  for (let round = 0; round < runs; round++) {
    // Alternate: rotate the order each round.
    const order = specTools.map((_, i) => specTools[(i + round) % specTools.length]);
    for (const tool of order) {
      const t = result.tools[tool.name];
      if (round > 0 && t.runs.length > 0 && t.runs.every((r) => !r.ok)) continue; // refused once: refuses always
      const work = path.join(dir, `${tool.name}-${round}`);
      const out = path.join(work, "out");
      // A fresh cwd with its own node_modules: clientgen's format cache starts empty there.
      mkdirSync(path.join(work, "node_modules"), { recursive: true });
      const { cmd, args } = tool.command(spec.file, out);
      const env = tool.cached ? clientgenEnv(work) : {};
      const r = await measure(cmd, args, { cwd: work, env, timeoutS });
      t.runs.push(slim(r));
      log(
        `${spec.name} ${tool.name} round ${round + 1}: ${r.ok ? `${r.wallS.toFixed(2)} s, ${r.rssMiB?.toFixed(0)} MiB` : `failed: ${r.error}`}`,
      );
      if (r.ok && tool.cached) {
        const w = await measure(cmd, args, { cwd: work, env, timeoutS });
        t.warm.push(slim(w));
        log(
          `${spec.name} ${tool.name} warm  ${round + 1}: ${w.ok ? `${w.wallS.toFixed(2)} s, ${w.rssMiB?.toFixed(0)} MiB` : `failed: ${w.error}`}`,
        );
      }
      if (r.ok) {
        if (lastOut[tool.name])
          rmSync(path.dirname(lastOut[tool.name]), { recursive: true, force: true });
        lastOut[tool.name] = out;
      } else rmSync(work, { recursive: true, force: true });
    }
  }
  for (const [name, out] of Object.entries(lastOut)) {
    result.tools[name].output = outputSize(out);
    writeTsconfig(out);
    result.tools[name].tsc = Object.fromEntries(checkers.map((c) => [c.name, []]));
  }
  // "lib only": a project of one empty module, checked in the same rotation. Its time is the
  // standard library (lib.dom is most of it), paid alike by every output; the rest is the client's.
  const baselineDir = path.join(dir, "lib-only");
  if (tscRuns > 0 && Object.keys(lastOut).length > 0) {
    mkdirSync(baselineDir, { recursive: true });
    writeFileSync(path.join(baselineDir, "index.ts"), "export {};\n");
    writeTsconfig(baselineDir);
    lastOut[libOnly] = baselineDir;
    result.tscBaseline = Object.fromEntries(checkers.map((c) => [c.name, []]));
  }
  const checked = Object.keys(lastOut);
  for (let round = 0; round < tscRuns; round++)
    for (let i = 0; i < checked.length; i++) {
      const name = checked[(i + round) % checked.length];
      for (const c of checkers) {
        const r = await typecheck(c, lastOut[name]);
        (name === libOnly ? result.tscBaseline : result.tools[name].tsc)[c.name].push(r);
        log(
          `${spec.name} ${name} ${c.name} round ${round + 1}: ${r.wallS.toFixed(2)} s${r.errors ? `, ${r.errors} errors` : ""}`,
        );
      }
    }
  rmSync(dir, { recursive: true, force: true });
  return result;
}

const slim = (r) => ({
  ok: r.ok,
  wallS: r.wallS,
  rssMiB: r.rssMiB,
  ...(r.ok ? {} : { error: r.error, code: r.code }),
});

/** `node bin/clientgen.mjs generate` in the checkout, nothing changed: never lets it rewrite generated/. */
async function noopRegeneration() {
  const bin = path.join(cgRoot, "bin/clientgen.mjs");
  const status = () =>
    execFileSync("git", ["status", "--porcelain", "generated"], {
      cwd: cgRoot,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  let before = "";
  try {
    before = status();
  } catch {
    // not a git checkout (a snapshot): compare with --check only
  }
  const check = await measure(process.execPath, [bin, "generate", "--check"], { cwd: cgRoot });
  if (!check.ok)
    return {
      skipped: `generated/ does not match the generator in ${cgRoot} (\`generate --check\` exit ${check.code}): not regenerating over it`,
    };
  await measure(process.execPath, [bin, "generate"], { cwd: cgRoot }); // first run warms the format cache
  const results = [];
  for (let i = 0; i < Math.max(runsDefault, 3); i++) {
    const r = await measure(process.execPath, [bin, "generate"], { cwd: cgRoot });
    results.push(slim(r));
    log(`no-op regeneration ${i + 1}: ${r.ok ? `${r.wallS.toFixed(3)} s` : `failed: ${r.error}`}`);
  }
  let after = "";
  try {
    after = status();
  } catch {}
  const recheck = await measure(process.execPath, [bin, "generate", "--check"], { cwd: cgRoot });
  const changed =
    after !== before
      ? after || "(changed)"
      : recheck.ok
        ? ""
        : `generate --check exit ${recheck.code} afterwards`;
  return { runs: results, gitStatus: changed };
}

async function runtimeOverhead() {
  const r = await measure(
    process.execPath,
    [
      path.join(repoRoot, "test/bench/runtime-overhead.mjs"),
      "--requests",
      "250",
      // 300 rounds (about two minutes): at 80 the median of a 5% question still moved by several
      // points between runs on a shared 2-core VM; the report prints each median's 95% interval.
      "--rounds",
      opt.quick ? "4" : "300",
      "--clientgen-root",
      cgRoot,
    ],
    { cwd: repoRoot },
  );
  if (!r.ok) return { error: r.error };
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

async function bundleSizes() {
  const r = await measure(
    process.execPath,
    [
      path.join(repoRoot, "test/bench/bundle-size.mjs"),
      "--clientgen-root",
      cgRoot,
      ...(opt.tools
        ? [
            "--tools",
            activeTools
              .filter((t) => t.name !== "openapi-typescript")
              .map((t) => t.name)
              .join(","),
          ]
        : []),
    ],
    { cwd: repoRoot, timeoutS },
  );
  if (!r.ok) return { error: r.error };
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

async function streamingThroughput() {
  const r = await measure(
    process.execPath,
    [
      path.join(repoRoot, "test/bench/streaming-throughput.mjs"),
      "--mb",
      opt.quick ? "8" : "32",
      "--rounds",
      opt.quick ? "2" : "7",
      "--clientgen-root",
      cgRoot,
    ],
    { cwd: repoRoot },
  );
  if (!r.ok) return { error: r.error };
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

try {
  if (!opt["no-build"])
    execFileSync("npm", ["run", "-s", "build"], { cwd: cgRoot, stdio: "inherit" });
  const results = {
    machine: machine(),
    options: {
      runs: runsDefault,
      tscRuns: tscRunsDefault,
      bigRuns: Number(opt["big-runs"]),
      quick: opt.quick,
      checkers: tscRunsDefault ? checkers.map((c) => c.name) : [],
      tools: activeTools.map((t) => t.name),
    },
    tools: Object.fromEntries(activeTools.map((t) => [t.name, t.what])),
    specs: [],
  };
  const started = Date.now();
  for (const spec of specList()) {
    log(`== ${spec.name}: ${(spec.bytes / 2 ** 20).toFixed(2)} MB, ${spec.operations} operations`);
    results.specs.push(await benchSpec(spec));
  }
  if (!opt["no-noop"] && activeTools.some((t) => t.name === "clientgen"))
    results.noop = await noopRegeneration();
  if (!opt["no-runtime"]) {
    log("== runtime overhead");
    results.runtime = await runtimeOverhead();
  }
  if (!opt["no-bundle"]) {
    log("== bundle size");
    results.bundle = await bundleSizes();
  }
  if (!opt["no-streaming"]) {
    log("== streaming throughput");
    results.streaming = await streamingThroughput();
  }
  results.targets = targets(results);
  results.elapsedS = Math.round((Date.now() - started) / 1000);
  mkdirSync(resultsDir, { recursive: true });
  const md = `${toMarkdown(results)}\nBench wall time: ${results.elapsedS} s. Load average at start: ${results.machine.loadavg}.\n`;
  writeFileSync(path.join(resultsDir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(resultsDir, "latest.md"), md);
  process.stdout.write(md);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
