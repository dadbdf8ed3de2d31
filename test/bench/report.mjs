// results (see run.mjs) -> Markdown: machine line, one table per spec with ratios, targets, runtime.
import { summarize } from "./measure.mjs";

const s = (x, d = 2) => (x == null || Number.isNaN(x) ? "–" : x.toFixed(d));
const range = (sum, d = 2) => (sum ? `${s(sum.median, d)} (${s(sum.min, d)}–${s(sum.max, d)})` : "–");
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(2)} MB`;
const ratio = (a, b) => (a != null && b != null && b > 0 ? a / b : null);
const x = (r) => (r == null ? "–" : `${r.toFixed(2)}x`);
const pass = (ok) => (ok == null ? "n/a" : ok ? "**met**" : "**missed**");

/** Medians etc. of one tool's runs on one spec. */
export function toolSummary(t) {
  const ok = t.runs.filter((r) => r.ok);
  const failed = t.runs.find((r) => !r.ok);
  return {
    failed: ok.length === 0 && failed ? failed.error : undefined,
    gen: summarize(ok.map((r) => r.wallS)),
    rss: summarize(ok.map((r) => r.rssMiB)),
    warm: summarize((t.warm ?? []).filter((r) => r.ok).map((r) => r.wallS)),
    warmRss: summarize((t.warm ?? []).filter((r) => r.ok).map((r) => r.rssMiB)),
    tsc: Object.fromEntries(
      Object.entries(t.tsc ?? {}).map(([checker, runs]) => [
        checker,
        { ...summarize(runs.map((r) => r.wallS)), errors: runs[0]?.errors ?? 0, firstError: runs[0]?.firstError },
      ]),
    ),
  };
}

/** Medians of the lib-only project's tsc runs on one spec, by checker. */
function baselineOf(spec) {
  if (!spec.tscBaseline) return undefined;
  return Object.fromEntries(Object.entries(spec.tscBaseline).map(([c, runs]) => [c, summarize(runs.map((r) => r.wallS))]));
}

/** The part of a tsc time above the lib-only project (never below 0). */
const above = (time, lib) => (time != null && lib != null ? Math.max(0, time - lib) : null);

/** @param {any} results */
export function toMarkdown(results) {
  const m = results.machine;
  const lines = [];
  lines.push(`# clientgen benchmark`);
  lines.push("");
  lines.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memGiB} GiB RAM, Node ${m.node}, ${m.os}; ${m.date}. ` +
      `clientgen ${m.clientgen.commit}${m.clientgen.dirty ? ` (+${m.clientgen.dirty} uncommitted files)` : ""} from \`${m.clientgen.root}\`; ` +
      `${Object.entries(m.versions).map(([k, v]) => `${k} ${v}`).join(", ")}.`,
  );
  lines.push("");
  lines.push(
    `Whole processes under GNU time, ${results.options.runs} alternating rounds; median (min–max). ` +
      `"cold" = empty format cache and fresh output folder; "warm" = the same command again (cache kept, output unchanged: the cached no-op regeneration). ` +
      `Ratios are against openapi-typescript (types only) in the same run. tsc = \`tsc --noEmit --strict\` over the whole output folder (${results.options.tscRuns} runs).`,
  );
  for (const spec of results.specs) {
    lines.push("");
    lines.push(`## ${spec.name}`);
    lines.push("");
    lines.push(`${spec.source}: ${mib(spec.bytes)}${spec.runs !== results.options.runs ? ` (${spec.runs} round${spec.runs > 1 ? "s" : ""}, tsc ${spec.tscRuns}: \`--big-runs\`)` : ""}${spec.operations ? `, ${spec.operations} operations` : ""}${spec.schemas ? `, ${spec.schemas} schemas` : ""}`);
    lines.push("");
    const checkers = results.options.checkers;
    lines.push(`| tool | gen s | peak RSS MiB | output | ${checkers.map((c) => `${c} s`).join(" | ")} | gen / o-ts | RSS / o-ts | ${checkers.map((c) => `${c} / o-ts`).join(" | ")} |`);
    lines.push(`|---|---|---|---|${checkers.map(() => "---|").join("")}---|---|${checkers.map(() => "---|").join("")}`);
    const base = spec.tools["openapi-typescript"] ? toolSummary(spec.tools["openapi-typescript"]) : undefined;
    for (const [name, t] of Object.entries(spec.tools)) {
      const sum = toolSummary(t);
      if (sum.failed) {
        lines.push(`| ${name} | failed: ${sum.failed.replace(/\|/g, "\\|")} | | | ${checkers.map(() => "").join(" | ")} | | | ${checkers.map(() => "").join(" | ")} |`);
        continue;
      }
      const out = t.output ? `${(t.output.bytes / 1024).toFixed(0)} KB / ${t.output.files} files` : "–";
      const tscCells = checkers.map((c) => {
        const r = sum.tsc[c];
        return r?.median == null ? "–" : `${range(r)}${r.errors ? ` **${r.errors} errors**` : ""}`;
      });
      const tscRatios = checkers.map((c) => x(ratio(sum.tsc[c]?.median, base?.tsc[c]?.median)));
      lines.push(
        `| ${name} (cold) | ${range(sum.gen)} | ${range(sum.rss, 0)} | ${out} | ${tscCells.join(" | ")} | ${x(ratio(sum.gen?.median, base?.gen?.median))} | ${x(ratio(sum.rss?.median, base?.rss?.median))} | ${tscRatios.join(" | ")} |`,
      );
      if (sum.warm)
        lines.push(
          `| ${name} (warm) | ${range(sum.warm)} | ${range(sum.warmRss, 0)} | | ${checkers.map(() => "").join(" | ")} | ${x(ratio(sum.warm.median, base?.gen?.median))} | ${x(ratio(sum.warmRss?.median, base?.rss?.median))} | ${checkers.map(() => "").join(" | ")} |`,
        );
    }
    const libOnly = baselineOf(spec);
    if (libOnly) {
      const cells = checkers.map((c) => range(libOnly[c]));
      lines.push(`| lib only (empty project) | | | | ${cells.join(" | ")} | | | ${checkers.map(() => "").join(" | ")} |`);
      const cg = spec.tools.clientgen ? toolSummary(spec.tools.clientgen) : undefined;
      const added = checkers
        .map((c) => {
          const mine = above(cg?.tsc[c]?.median, libOnly[c]?.median);
          const theirs = above(base?.tsc[c]?.median, libOnly[c]?.median);
          return mine == null || theirs == null ? null : `${c} ${s(mine)} s vs ${s(theirs)} s (${x(ratio(mine, theirs))})`;
        })
        .filter(Boolean);
      if (added.length)
        lines.push("", `Above the lib-only project, the checker spends on clientgen's output vs openapi-typescript's: ${added.join("; ")}.`);
    }
    const errs = Object.entries(spec.tools).flatMap(([name, t]) =>
      Object.entries(toolSummary(t).tsc)
        .filter(([, r]) => r.errors)
        .map(([c, r]) => `${name} / ${c}: ${r.errors} errors, first: \`${r.firstError}\``),
    );
    if (errs.length) lines.push("", ...errs.map((e) => `- ${e}`));
  }

  if (results.noop) {
    lines.push("", "## No-op regeneration of the configured APIs", "");
    const n = results.noop;
    if (n.skipped) lines.push(`Skipped: ${n.skipped}`);
    else
      lines.push(
        `\`node bin/clientgen.mjs generate\` in the repo root, nothing changed (second and later runs): ${range(summarize(n.runs.map((r) => r.wallS)), 3)} s, ` +
          `peak RSS ${range(summarize(n.runs.map((r) => r.rssMiB)), 0)} MiB. \`git status --porcelain generated\` afterwards: ${n.gitStatus ? `**not clean**: ${n.gitStatus}` : "clean"}.`,
      );
  }

  if (results.runtime) {
    const rt = results.runtime;
    lines.push("", "## Runtime overhead (loopback, node:http, small JSON body)", "");
    if (rt.error) lines.push(`Failed: ${rt.error}`);
    else {
      lines.push(`${rt.requests} requests per sample, ${rt.rounds} rounds alternating, after a warm-up. µs per request, median (min–max).`, "");
      lines.push(`| mode | contestant | µs / request | overhead vs bare fetch |`, `|---|---|---|---|`);
      for (const mode of ["sequential", "16 in flight"]) {
        const bare = summarize(rt.samples[`${mode}|bare fetch`]);
        for (const name of ["bare fetch", "clientgen", "openapi-fetch"]) {
          const sum = summarize(rt.samples[`${mode}|${name}`]);
          const over = name === "bare fetch" ? "" : `${((sum.median / bare.median - 1) * 100).toFixed(1)}%`;
          lines.push(`| ${mode} | ${name} | ${range(sum, 1)} | ${over} |`);
        }
      }
    }
  }

  if (results.streaming) {
    const st = results.streaming;
    lines.push("", "## Streaming throughput (loopback, server-sent events of ~200 bytes)", "");
    if (st.error) lines.push(`Failed: ${st.error}`);
    else {
      lines.push(`${st.megabytes} MB per sample, ${st.rounds} rounds alternating, after a warm-up; median.`, "");
      lines.push("| contestant | events/s | MB/s |", "|---|---|---|");
      for (const [name, sum] of Object.entries(st.summary)) lines.push(`| ${name} | ${sum.eventsPerS} | ${sum.mbPerS} |`);
    }
  }

  lines.push("", "## Targets", "", "| target | result | figures |", "|---|---|---|");
  for (const t of results.targets) lines.push(`| ${t.target} | ${pass(t.ok)} | ${t.figures} |`);
  lines.push("");
  return lines.join("\n");
}

/** Evaluate the issue's targets against the results. */
export function targets(results) {
  const out = [];
  const big = results.specs.filter((sp) => sp.target);
  const pairs = big.map((sp) => ({
    name: sp.name,
    lib: baselineOf(sp),
    cg: toolSummary(sp.tools.clientgen ?? { runs: [] }),
    ot: toolSummary(sp.tools["openapi-typescript"] ?? { runs: [] }),
  }));
  const check = (label, f) => {
    const rs = pairs.map((p) => ({ name: p.name, r: f(p) }));
    const known = rs.filter((q) => q.r != null);
    out.push({
      target: label,
      ok: known.length === 0 ? null : known.every((q) => q.r <= 1) && known.length === rs.length,
      figures: rs.map((q) => `${q.name} ${x(q.r)}`).join(", "),
    });
  };
  check("clientgen cold generation <= 1.0x openapi-typescript (corpus > 500 KB, synthetic 16k)", (p) => ratio(p.cg.gen?.median, p.ot.gen?.median));
  check("peak RSS <= 1.0x openapi-typescript (same specs)", (p) => ratio(p.cg.rss?.median, p.ot.rss?.median));
  for (const c of results.options.checkers) {
    check(`${c} on the output <= 1.0x ${c} on openapi-typescript's output (same specs)`, (p) => ratio(p.cg.tsc[c]?.median, p.ot.tsc[c]?.median));
    const row = out[out.length - 1];
    const added = pairs
      .map((p) => ({ name: p.name, r: ratio(above(p.cg.tsc[c]?.median, p.lib?.[c]?.median), above(p.ot.tsc[c]?.median, p.lib?.[c]?.median)) }))
      .filter((q) => q.r != null);
    if (added.length) row.figures += `; above the lib-only project: ${added.map((q) => `${q.name} ${x(q.r)}`).join(", ")}`;
  }

  const syn = results.specs.filter((sp) => sp.synthetic && sp.tools.clientgen);
  const per = (sp) => {
    const g = toolSummary(sp.tools.clientgen).gen;
    return g ? g.median / sp.operations : null;
  };
  const small = syn.find((sp) => sp.synthetic === 1000);
  const large = syn.find((sp) => sp.synthetic === 16000);
  if (small && large) {
    const r = ratio(per(large), per(small));
    out.push({
      target: "time per operation at 16k <= 1.5x that at 1k",
      ok: r == null ? null : r <= 1.5,
      figures: `${s(per(small) * 1e3, 2)} ms/op at 1k, ${s(per(large) * 1e3, 2)} ms/op at 16k: ${x(r)}` +
        ` (openapi-typescript: ${x(ratio(toolSummary(large.tools["openapi-typescript"] ?? { runs: [] }).gen?.median / large.operations, toolSummary(small.tools["openapi-typescript"] ?? { runs: [] }).gen?.median / small.operations))})`,
    });
  }
  if (results.noop && !results.noop.skipped) {
    const med = summarize(results.noop.runs.map((r) => r.wallS))?.median;
    out.push({ target: "no-op regeneration of all configured APIs <= 0.3 s", ok: med != null && med <= 0.3 && !results.noop.gitStatus, figures: `${s(med, 3)} s` });
  }
  if (results.runtime && !results.runtime.error) {
    const rt = results.runtime;
    const figs = [];
    let ok = true;
    for (const mode of ["sequential", "16 in flight"]) {
      const bare = summarize(rt.samples[`${mode}|bare fetch`]).median;
      const cg = summarize(rt.samples[`${mode}|clientgen`]).median;
      const of = summarize(rt.samples[`${mode}|openapi-fetch`]).median;
      const over = cg / bare - 1;
      ok &&= over <= 0.05 && cg <= of;
      figs.push(`${mode}: ${(over * 100).toFixed(1)}% over bare fetch, ${x(cg / of)} openapi-fetch`);
    }
    out.push({ target: "runtime overhead <= 5% over bare fetch, never slower than openapi-fetch", ok, figures: figs.join("; ") });
  }
  if (results.streaming && !results.streaming.error) {
    const { summary } = results.streaming;
    const bare = summary["bare fetch + hand-written parser"].eventsPerS;
    const cg = summary.clientgen.eventsPerS;
    out.push({ target: "streaming throughput within 10% of bare fetch + a hand-written parser", ok: cg >= bare * 0.9, figures: `${cg} vs ${bare} events/s (${((cg / bare - 1) * 100).toFixed(1)}%)` });
  }
  return out;
}
