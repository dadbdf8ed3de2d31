// The host's type-checker cost of generated output, above an empty project, in CPU time:
//   node test/bench/tsc-cost.mjs [--rounds 5] <name>=<our dir>,<their dir> ...
// (rows may share a folder: `before=<old>,<theirs> after=<new>,<theirs>` compares two of ours)
// Each round checks the lib-only project and every folder with every checker, in an order
// rotated each round; what a folder adds is its CPU time minus the lib-only project's in the SAME
// round (pairing cancels the drift of other load), and the figure is the median over rounds.
// CPU time (user + system of the tsc process) moves far less than wall time on a shared machine.
// A second table counts the checker's work (`--extendedDiagnostics`: identifiers, symbols, types,
// instantiations above the lib-only project): those counts do not move with load, so they say
// which way a change went when the CPU medians of a busy machine cannot.
// Prints Markdown tables (and the raw rounds as JSON with --json).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { checkers, typecheck, writeTsconfig } from "./tools.mjs";

const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: "string", default: "5" }, json: { type: "boolean", default: false } },
});
const rounds = Number(opt.rounds);
const docs = positionals.map((arg) => {
  const [name, dirs] = arg.split("=");
  const [ours, theirs] = dirs.split(",").map((d) => path.resolve(d));
  return { name, ours, theirs };
});

const libOnly = mkdtempSync(path.join(os.tmpdir(), "tsc-lib-only-"));
writeFileSync(path.join(libOnly, "empty.ts"), "export {};\n");
// Each folder once, however many rows name it (e.g. two variants of ours against one theirs):
// a folder checked twice per round would no longer pair with the lib-only run of its round.
const folders = [...new Set([libOnly, ...docs.flatMap((d) => [d.ours, d.theirs])])];
for (const dir of folders) writeTsconfig(dir);

/** cpu[checker][dir] = CPU seconds per round. */
const cpu = Object.fromEntries(
  checkers.map((c) => [c.name, Object.fromEntries(folders.map((f) => [f, []]))]),
);
const errors = {};
for (let round = 0; round < rounds; round++) {
  const order = folders.map((_, i) => folders[(i + round) % folders.length]);
  for (const checker of checkers)
    for (const dir of order) {
      const r = await typecheck(checker, dir);
      cpu[checker.name][dir].push(r.cpuS);
      if (r.errors) errors[`${checker.name} ${dir}`] = r.firstError;
    }
}

const COUNTED = ["Identifiers", "Symbols", "Types", "Instantiations"];
/** counts[checker][dir] = { Identifiers, ... } from one `--extendedDiagnostics` run (exact, not timed). */
const counts = Object.fromEntries(
  checkers.map((c) => [
    c.name,
    Object.fromEntries(
      folders.map((dir) => {
        const args = [...c.args, "-p", path.join(dir, "tsconfig.json"), "--extendedDiagnostics"];
        let out;
        try {
          out = execFileSync(c.cmd, args, { cwd: dir, encoding: "utf8" });
        } catch (error) {
          out = String(error.stdout ?? ""); // type errors exit non-zero; the counts still print
        }
        const row = {};
        for (const name of COUNTED)
          row[name] = Number(out.match(new RegExp(`^${name}:\\s+(\\d+)`, "m"))?.[1]);
        return [dir, row];
      }),
    ),
  ]),
);
rmSync(libOnly, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** Median over rounds of (dir's CPU - the lib-only project's CPU in the same round). */
const above = (checker, dir) =>
  median(cpu[checker][dir].map((s, i) => s - cpu[checker][libOnly][i]));

const lines = [
  `tsc CPU seconds above the lib-only project (median of ${rounds} paired rounds; lib-only: ${checkers
    .map((c) => `${c.name} ${median(cpu[c.name][libOnly]).toFixed(2)} s`)
    .join(", ")}; load average at end ${os.loadavg()[0].toFixed(1)})`,
  "",
  `| doc | ${checkers.map((c) => `${c.name} ours | theirs | ratio`).join(" | ")} |`,
  `|---|${checkers.map(() => "---:|---:|---:").join("|")}|`,
];
for (const d of docs) {
  const cells = checkers.flatMap((c) => {
    const ours = above(c.name, d.ours);
    const theirs = above(c.name, d.theirs);
    return [ours.toFixed(2), theirs.toFixed(2), `${(ours / theirs).toFixed(2)}x`];
  });
  lines.push(`| ${d.name} | ${cells.join(" | ")} |`);
}
lines.push(
  "",
  "Checker work above the lib-only project (`--extendedDiagnostics` counts, exact): ours / theirs",
  "",
  `| doc | ${checkers.map((c) => COUNTED.map((n) => `${c.name} ${n.toLowerCase()}`).join(" | ")).join(" | ")} |`,
  `|---|${checkers.map(() => COUNTED.map(() => "---:").join("|")).join("|")}|`,
);
for (const d of docs) {
  const cells = checkers.flatMap((c) =>
    COUNTED.map((n) => {
      const lib = counts[c.name][libOnly][n];
      const ours = counts[c.name][d.ours][n] - lib;
      const theirs = counts[c.name][d.theirs][n] - lib;
      return `${ours} / ${theirs} (${theirs ? (ours / theirs).toFixed(2) : "–"}x)`;
    }),
  );
  lines.push(`| ${d.name} | ${cells.join(" | ")} |`);
}
for (const [what, first] of Object.entries(errors)) lines.push(`type errors: ${what}: ${first}`);
console.log(lines.join("\n"));
if (opt.json) console.log(JSON.stringify({ rounds, libOnly, cpu, counts }, null, 2));
