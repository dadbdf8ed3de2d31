// results (see run.mjs) -> Markdown: machine line, one table per spec with ratios, targets, runtime.
import { medianInterval, summarize } from "./measure.mjs";

export const s = (x, d = 2) => (x == null || Number.isNaN(x) ? "–" : x.toFixed(d));
const range = (sum, d = 2) =>
  sum ? `${s(sum.median, d)} (${s(sum.min, d)}–${s(sum.max, d)})` : "–";
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(2)} MB`;
export const ratio = (a, b) => (a != null && b != null && b > 0 ? a / b : null);
export const x = (r) => (r == null || !Number.isFinite(r) ? "–" : `${r.toFixed(2)}x`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const pct = (ratio) => `${((ratio - 1) * 100).toFixed(1).replace(/^-0\.0$/, "0.0")}%`;
/** A median over-bare ratio as a percentage with its 95% interval: "2.5% (1.8–3.3%)". */
const pctWithInterval = (ratios) => {
  const interval = medianInterval(ratios);
  const median = summarize(ratios).median;
  return interval
    ? `${pct(median)} (${pct(interval[0]).replace("%", "")}–${pct(interval[1])})`
    : pct(median);
};
/** One Markdown table row. */
const row = (cells) => `| ${cells.join(" | ")} |`;
export const pass = (ok) => (ok == null ? "n/a" : ok ? "**met**" : "**missed**");

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
        {
          ...summarize(runs.map((r) => r.wallS)),
          cpu: cpuSummary(runs),
          errors: runs[0]?.errors ?? 0,
          firstError: runs[0]?.firstError,
        },
      ]),
    ),
  };
}

/** CPU seconds (user + system) of runs measured with them (older results have none). */
const cpuSummary = (runs) =>
  summarize(runs.map((r) => r.cpuS).filter((v) => typeof v === "number"));

/** Medians of the lib-only project's tsc runs on one spec, by checker (wall; `cpu` inside). */
export function baselineOf(spec) {
  if (!spec.tscBaseline) return undefined;
  return Object.fromEntries(
    Object.entries(spec.tscBaseline).map(([c, runs]) => [
      c,
      { ...summarize(runs.map((r) => r.wallS)), cpu: cpuSummary(runs) },
    ]),
  );
}

/** The part of a tsc time above the lib-only project (never below 0). */
export const above = (time, lib) => (time != null && lib != null ? Math.max(0, time - lib) : null);

/**
 * CPU seconds a tool's output adds to `checker`'s run: the median over rounds of its run minus
 * the lib-only project's run of the SAME round (run.mjs checks both in each round), so drift in
 * other load between rounds cancels. Null without CPU figures for every round.
 */
export function cpuAbove(spec, tool, checker) {
  const runs = spec.tools[tool]?.tsc?.[checker] ?? [];
  const lib = spec.tscBaseline?.[checker] ?? [];
  const diffs = runs.map((r, i) => r.cpuS - lib[i]?.cpuS);
  if (diffs.length === 0 || diffs.some((d) => typeof d !== "number" || Number.isNaN(d)))
    return null;
  return Math.max(0, summarize(diffs).median);
}

/** @param {any} results */
export function toMarkdown(results) {
  const m = results.machine;
  const lines = [];
  lines.push(`# clientgen benchmark`);
  lines.push("");
  lines.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memGiB} GiB RAM, Node ${m.node}, ${m.os}; ${m.date}. ` +
      `clientgen ${m.clientgen.commit}${m.clientgen.dirty ? ` (+${m.clientgen.dirty} uncommitted files)` : ""} from \`${m.clientgen.root}\`; ` +
      `${Object.entries(m.versions)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}.`,
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
    lines.push(
      `${spec.source}: ${mib(spec.bytes)}${spec.runs !== results.options.runs ? ` (${spec.runs} round${spec.runs > 1 ? "s" : ""}, tsc ${spec.tscRuns}: \`--big-runs\`)` : ""}${spec.operations ? `, ${spec.operations} operations` : ""}${spec.schemas ? `, ${spec.schemas} schemas` : ""}`,
    );
    lines.push("");
    const checkers = results.options.checkers;
    // Cells as arrays: with --no-tsc there are no checker columns at all.
    const blank = checkers.map(() => "");
    const header = [
      "tool",
      "gen s",
      "peak RSS MiB",
      "output",
      ...checkers.map((c) => `${c} s`),
      "gen / o-ts",
      "RSS / o-ts",
      ...checkers.map((c) => `${c} / o-ts`),
    ];
    lines.push(row(header), row(header.map(() => "---")));
    const base = spec.tools["openapi-typescript"]
      ? toolSummary(spec.tools["openapi-typescript"])
      : undefined;
    for (const [name, t] of Object.entries(spec.tools)) {
      const sum = toolSummary(t);
      if (sum.failed) {
        lines.push(
          row([
            name,
            `failed: ${sum.failed.replace(/\|/g, "\\|")}`,
            "",
            "",
            ...blank,
            "",
            "",
            ...blank,
          ]),
        );
        continue;
      }
      const out = t.output
        ? `${(t.output.bytes / 1024).toFixed(0)} KB / ${t.output.files} files`
        : "–";
      const tscCells = checkers.map((c) => {
        const r = sum.tsc[c];
        return r?.median == null ? "–" : `${range(r)}${r.errors ? ` **${r.errors} errors**` : ""}`;
      });
      const tscRatios = checkers.map((c) => x(ratio(sum.tsc[c]?.median, base?.tsc[c]?.median)));
      lines.push(
        row([
          `${name} (cold)`,
          range(sum.gen),
          range(sum.rss, 0),
          out,
          ...tscCells,
          x(ratio(sum.gen?.median, base?.gen?.median)),
          x(ratio(sum.rss?.median, base?.rss?.median)),
          ...tscRatios,
        ]),
      );
      if (sum.warm)
        lines.push(
          row([
            `${name} (warm)`,
            range(sum.warm),
            range(sum.warmRss, 0),
            "",
            ...blank,
            x(ratio(sum.warm.median, base?.gen?.median)),
            x(ratio(sum.warmRss?.median, base?.rss?.median)),
            ...blank,
          ]),
        );
    }
    const libOnly = baselineOf(spec);
    if (libOnly) {
      const cells = checkers.map((c) => range(libOnly[c]));
      lines.push(row(["lib only (empty project)", "", "", "", ...cells, "", "", ...blank]));
      const cg = spec.tools.clientgen ? toolSummary(spec.tools.clientgen) : undefined;
      const added = checkers
        .map((c) => {
          const mine = above(cg?.tsc[c]?.median, libOnly[c]?.median);
          const theirs = above(base?.tsc[c]?.median, libOnly[c]?.median);
          const mineCpu = cpuAbove(spec, "clientgen", c);
          const theirsCpu = cpuAbove(spec, "openapi-typescript", c);
          const cpu =
            mineCpu == null || theirsCpu == null
              ? ""
              : `, CPU ${s(mineCpu)} s vs ${s(theirsCpu)} s (${x(ratio(mineCpu, theirsCpu))})`;
          return mine == null || theirs == null
            ? null
            : `${c} ${s(mine)} s vs ${s(theirs)} s (${x(ratio(mine, theirs))})${cpu}`;
        })
        .filter(Boolean);
      if (added.length)
        lines.push(
          "",
          `Above the lib-only project, the checker spends on clientgen's output vs openapi-typescript's: ${added.join("; ")}.`,
        );
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
      lines.push(
        `${rt.requests} requests per sample, ${rt.rounds} rounds, contestants alternating inside each round, after a warm-up. ` +
          "Wall and client-process CPU µs per request, median (min–max). Overhead = median over rounds of the ratio to the bare-fetch sample of the same round, with its 95% confidence interval in brackets (order statistics).",
        "",
      );
      lines.push(
        `| mode | contestant | wall µs / request | client CPU µs / request | wall overhead | CPU overhead |`,
        `|---|---|---|---|---|---|`,
      );
      for (const mode of ["sequential", "16 in flight"]) {
        const bareCpu = summarize(rt.cpu?.[`${mode}|bare fetch`] ?? []);
        const names = ["bare fetch", "clientgen", "clientgen, 60 s timeout", "openapi-fetch"];
        for (const name of names.filter((n) => rt.samples[`${mode}|${n}`])) {
          const key = `${mode}|${name}`;
          const cpu = summarize(rt.cpu?.[key] ?? []);
          const isBare = name === "bare fetch";
          const pairedOver = rt.paired ? pctWithInterval(rt.paired[key]) : "–";
          const cpuOver =
            cpu && bareCpu ? `${((cpu.median / bareCpu.median - 1) * 100).toFixed(1)}%` : "–";
          lines.push(
            `| ${mode} | ${name} | ${range(summarize(rt.samples[key]), 1)} | ${range(cpu, 1)} | ${isBare ? "" : pairedOver} | ${isBare ? "" : cpuOver} |`,
          );
        }
      }
      if (rt.own)
        lines.push(
          "",
          "The runtime's own CPU per call, over a stub fetch that answers at once (bare fetch's share subtracted): " +
            Object.entries(rt.own)
              .map(([name, us]) => `${name} ${us.toFixed(1)} µs`)
              .join(", ") +
            ". Attempts share a timeout controller and timer (up to 16 started close together, per caller signal); hooks build their contexts.",
        );
    }
  }

  if (results.bundle) {
    lines.push("", "## Bytes shipped to a browser (TensorPool client, minified)", "");
    const b = results.bundle;
    if (b.error) lines.push(`Failed: ${b.error}`);
    else {
      lines.push(
        "Two pages per tool: one calls a single operation (`get_cluster_info`: a path parameter and typed errors), the other keeps the whole client. " +
          "clientgen's single operation is its standalone function (`getClusterInfo(core, params)`); its row `client object` makes the same call through `createTensorPoolClient`. " +
          "Bundled for the browser by esbuild and by Vite, minified; bytes raw / gzip -9.",
        "",
      );
      lines.push(
        "| tool | one operation, esbuild | one operation, Vite | full client, esbuild | full client, Vite |",
        "|---|---|---|---|---|",
      );
      const cell = (r) =>
        r == null
          ? "–"
          : r.error
            ? `failed: ${r.error.replace(/\|/g, "\\|")}`
            : `${kb(r.minBytes)} / **${kb(r.gzipBytes)}**`;
      for (const [name, t] of Object.entries(b)) {
        if (t.error) lines.push(`| ${name} | failed: ${t.error.replace(/\|/g, "\\|")} | | | |`);
        else
          lines.push(
            `| ${name} | ${cell(t.one?.esbuild)} | ${cell(t.one?.vite)} | ${cell(t.full?.esbuild)} | ${cell(t.full?.vite)} |`,
          );
        if (t.clientOne)
          lines.push(
            `| ${name}, client object | ${cell(t.clientOne.esbuild)} | ${cell(t.clientOne.vite)} | – | – |`,
          );
      }
      lines.push(
        "",
        "hey-api and orval generate from `specs/tensorpool.yaml` without its overlays; clientgen's is the committed `generated/tensorpool`.",
      );
    }
  }

  if (results.streaming) {
    const st = results.streaming;
    lines.push("", "## Streaming throughput (loopback, server-sent events of ~200 bytes)", "");
    if (st.error) lines.push(`Failed: ${st.error}`);
    else {
      lines.push(
        `${st.megabytes} MB per sample, ${st.rounds} rounds alternating, after a warm-up; median. Paired = events/s over the bare contestant's in the same round, median over rounds.`,
        "",
      );
      lines.push(
        "| contestant | events/s | MB/s | client CPU µs / event | paired |",
        "|---|---|---|---|---|",
      );
      for (const [name, sum] of Object.entries(st.summary))
        lines.push(
          `| ${name} | ${sum.eventsPerS} | ${sum.mbPerS} | ${sum.cpuUsPerEvent ?? "–"} | ${sum.pairedRatio == null ? "–" : x(sum.pairedRatio)} |`,
        );
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
    spec: sp,
    lib: baselineOf(sp),
    cg: toolSummary(sp.tools.clientgen ?? { runs: [] }),
    ot: toolSummary(sp.tools["openapi-typescript"] ?? { runs: [] }),
  }));
  // Issue #18's goals; `limit` is the ratio to openapi-typescript's (types only) in the same run.
  const check = (label, limit, f) => {
    const rs = pairs.map((p) => ({ name: p.name, r: f(p) }));
    const known = rs.filter((q) => q.r != null);
    out.push({
      target: label,
      ok:
        known.length === 0 ? null : known.every((q) => q.r <= limit) && known.length === rs.length,
      figures: rs.map((q) => `${q.name} ${x(q.r)}`).join(", "),
    });
  };
  const stretch = (limit) => {
    const row = out[out.length - 1];
    const ratios = [...row.figures.matchAll(/ ([\d.]+)x/g)].map((m) => Number(m[1]));
    if (ratios.length)
      row.figures += `; stretch ${limit}x ${ratios.every((r) => r <= limit) ? "met" : "missed"}`;
  };
  check(
    "cold generation <= 0.5x openapi-typescript (corpus > 500 KB, GitHub, synthetic 16k; stretch 0.3x)",
    0.5,
    (p) => ratio(p.cg.gen?.median, p.ot.gen?.median),
  );
  stretch(0.3);
  check("peak RSS <= 0.6x openapi-typescript (same specs)", 0.6, (p) =>
    ratio(p.cg.rss?.median, p.ot.rss?.median),
  );
  for (const c of results.options.checkers) {
    // What the checker spends on the output itself: above the lib-only project of the same spec.
    check(
      `${c} above the lib-only project <= 0.7x openapi-typescript's (same specs; stretch 0.5x)`,
      0.7,
      (p) =>
        ratio(
          above(p.cg.tsc[c]?.median, p.lib?.[c]?.median),
          above(p.ot.tsc[c]?.median, p.lib?.[c]?.median),
        ),
    );
    stretch(0.5);
    // The same in CPU time (user + system), which other load on the machine moves far less,
    // paired with the lib-only run of the same round.
    check(
      `${c} CPU above the lib-only project <= 0.7x openapi-typescript's (same specs; stretch 0.5x)`,
      0.7,
      (p) => ratio(cpuAbove(p.spec, "clientgen", c), cpuAbove(p.spec, "openapi-typescript", c)),
    );
    stretch(0.5);
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
      figures:
        `${s(per(small) * 1e3, 2)} ms/op at 1k, ${s(per(large) * 1e3, 2)} ms/op at 16k: ${x(r)}` +
        ` (openapi-typescript: ${x(ratio(toolSummary(large.tools["openapi-typescript"] ?? { runs: [] }).gen?.median / large.operations, toolSummary(small.tools["openapi-typescript"] ?? { runs: [] }).gen?.median / small.operations))})`,
    });
  }
  if (results.noop && !results.noop.skipped) {
    const med = summarize(results.noop.runs.map((r) => r.wallS))?.median;
    out.push({
      target: "no-op regeneration of all configured APIs <= 0.3 s",
      ok: med != null && med <= 0.3 && !results.noop.gitStatus,
      figures: `${s(med, 3)} s`,
    });
  }
  if (results.runtime && !results.runtime.error) {
    const rt = results.runtime;
    const figs = [];
    let ok = true;
    for (const mode of ["sequential", "16 in flight"]) {
      // Paired: each round's clientgen sample over that round's bare-fetch sample (older results: whole medians).
      const over = rt.paired
        ? summarize(rt.paired[`${mode}|clientgen`]).median - 1
        : summarize(rt.samples[`${mode}|clientgen`]).median /
            summarize(rt.samples[`${mode}|bare fetch`]).median -
          1;
      const cpu = rt.cpu
        ? summarize(rt.cpu[`${mode}|clientgen`]).median /
            summarize(rt.cpu[`${mode}|bare fetch`]).median -
          1
        : null;
      ok &&= over <= 0.05;
      const wall = rt.paired
        ? pctWithInterval(rt.paired[`${mode}|clientgen`])
        : `${(over * 100).toFixed(1)}%`;
      figs.push(
        `${mode}: ${wall} wall${cpu == null ? "" : `, ${(cpu * 100).toFixed(1)}% client CPU`}`,
      );
    }
    if (rt.own) figs.push(`own cost ${rt.own.default.toFixed(1)} µs CPU per call`);
    out.push({
      target: "per-request overhead <= 5% over bare fetch, sequential and 16 in flight",
      ok,
      figures: figs.join("; "),
    });
  }
  if (
    results.bundle &&
    !results.bundle.error &&
    results.bundle.clientgen &&
    !results.bundle.clientgen.error
  ) {
    const cg = results.bundle.clientgen;
    const sizes = (page) =>
      ["esbuild", "vite"].map((b) => cg[page]?.[b]?.gzipBytes).filter((n) => n != null);
    const bundleTarget = (label, page, limitKb) => {
      const got = sizes(page);
      out.push({
        target: label,
        ok: got.length === 0 ? null : got.every((n) => n <= limitKb * 1024),
        figures:
          `esbuild ${kb(cg[page]?.esbuild?.gzipBytes ?? NaN)}, Vite ${kb(cg[page]?.vite?.gzipBytes ?? NaN)} gzip` +
          (results.bundle["hey-api"]?.[page]?.esbuild
            ? ` (hey-api ${kb(results.bundle["hey-api"][page].esbuild.gzipBytes)})`
            : ""),
      });
    };
    bundleTarget("a page calling one operation <= 5 KB gzip (esbuild and Vite)", "one", 5);
    bundleTarget("the full TensorPool client <= 10 KB gzip (esbuild and Vite)", "full", 10);
  }
  if (results.streaming && !results.streaming.error) {
    const { summary } = results.streaming;
    const bare = summary["bare fetch + hand-written parser"].eventsPerS;
    const cg = summary.clientgen.eventsPerS;
    const r = summary.clientgen.pairedRatio ?? cg / bare;
    out.push({
      target: "streaming throughput within 10% of bare fetch + a hand-written parser",
      ok: r >= 0.9,
      figures: `${cg} vs ${bare} events/s; paired ${((r - 1) * 100).toFixed(1)}%`,
    });
  }
  return out;
}
