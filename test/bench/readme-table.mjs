// A benchmark results file -> the README's speed tables, written between two markers so the
// README quotes the committed reference run instead of numbers copied by hand.
//
//   node test/bench/readme-table.mjs [results.json] [README.md]
//   (defaults: test/bench/results/reference.json, README.md)
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cpuAbove, pass, ratio, s, toolSummary, x } from "./report.mjs";

const START = "<!-- speed-table:start (test/bench/readme-table.mjs writes this part) -->";
const END = "<!-- speed-table:end -->";

/** Short spec labels for the README: the corpus file names are long. */
const label = (spec) => {
  const size = `${(spec.bytes / 2 ** 20).toFixed(1)} MB`;
  const ops = spec.operations ? `, ${spec.operations} ops` : "";
  return `${spec.name} (${size}${ops}${spec.runs === 1 ? ", 1 round" : ""})`;
};

/** @param {any} results @returns {string} the Markdown between the markers */
export function speedTables(results) {
  const m = results.machine;
  const checkers = results.options.checkers ?? [];
  const lines = [
    `Reference run: ${m.date.slice(0, 10)}, ${m.cores} cores (${m.cpu}), Node ${m.node}, clientgen ${m.clientgen.commit}; ` +
      `${results.options.runs} alternating rounds, tsc ${results.options.tscRuns} runs, medians, caches cold. ` +
      "Ratios are clientgen over openapi-typescript (types only) in the same run; tsc is the CPU time " +
      "`tsc --noEmit --strict` spends above an empty project. All figures: " +
      "[`test/bench/results/reference.md`](test/bench/results/reference.md).",
    "",
  ];
  const head = [
    "spec",
    "clientgen cold",
    "openapi-typescript",
    "time",
    "peak RSS",
    ...checkers.map((c) => `${c} CPU`),
  ];
  lines.push(`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`);
  for (const spec of results.specs) {
    const cg = spec.tools.clientgen && toolSummary(spec.tools.clientgen);
    const ot = spec.tools["openapi-typescript"] && toolSummary(spec.tools["openapi-typescript"]);
    if (!cg?.gen || !ot?.gen) continue;
    const tsc = checkers.map((c) =>
      x(ratio(cpuAbove(spec, "clientgen", c), cpuAbove(spec, "openapi-typescript", c))),
    );
    lines.push(
      `| ${[
        label(spec),
        `${s(cg.gen.median)} s, ${s(cg.rss.median, 0)} MiB`,
        `${s(ot.gen.median)} s, ${s(ot.rss.median, 0)} MiB`,
        x(ratio(cg.gen.median, ot.gen.median)),
        x(ratio(cg.rss.median, ot.rss.median)),
        ...tsc,
      ].join(" | ")} |`,
    );
  }
  lines.push(
    "",
    "Issue #18's goals in that run:",
    "",
    "| goal | result | figures |",
    "|---|---|---|",
  );
  for (const t of results.targets) lines.push(`| ${t.target} | ${pass(t.ok)} | ${t.figures} |`);
  return lines.join("\n");
}

/** Replace what is between the markers; refuse a README without them rather than guess. */
export function withSpeedTables(readme, tables) {
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README has no ${START} ... ${END} section`);
  return `${readme.slice(0, from + START.length)}\n${tables}\n${readme.slice(to)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const resultsFile = process.argv[2] ?? path.join(root, "test/bench/results/reference.json");
  const readmeFile = process.argv[3] ?? path.join(root, "README.md");
  const results = JSON.parse(readFileSync(resultsFile, "utf8"));
  const next = withSpeedTables(readFileSync(readmeFile, "utf8"), speedTables(results));
  const tmp = `${readmeFile}.tmp-${process.pid}`;
  writeFileSync(tmp, next);
  renameSync(tmp, readmeFile);
  console.log(`${path.relative(process.cwd(), readmeFile)}: speed tables from ${resultsFile}`);
}
