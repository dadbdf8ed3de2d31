// Spawn one whole process under GNU time: wall time (measured here, high resolution), peak RSS
// (GNU time's %M, the child's max resident set in KiB) and CPU time (%U user + %S system: what the
// child itself computed, far less moved by other load on a shared machine than wall time).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const GNU_TIME = "/usr/bin/time";

/**
 * @typedef {{ ok: boolean, code: number | null, wallS: number, rssMiB: number | null,
 *   cpuS: number | null, stdout: string, stderr: string, error?: string }} RunResult
 */

/**
 * Run `cmd args` to completion. Never throws for a failing child: `ok` is false and `error` holds
 * the first meaningful line of its output.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeoutS?: number }} [opts]
 * @returns {Promise<RunResult>}
 */
export async function measure(cmd, args, opts = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cg-time-"));
  const timeFile = path.join(dir, "time.txt");
  const env = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", CI: "1", ...opts.env };
  const started = process.hrtime.bigint();
  const child = spawn(GNU_TIME, ["-f", "%e %M %U %S", "-o", timeFile, cmd, ...args], {
    cwd: opts.cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout.length < 1e6 ? (stdout += d) : undefined));
  child.stderr.on("data", (d) => (stderr.length < 1e6 ? (stderr += d) : undefined));
  let timedOut = false;
  const timer = setTimeout(
    () => {
      timedOut = true;
      child.kill("SIGKILL");
    },
    (opts.timeoutS ?? 600) * 1000,
  );
  const code = await new Promise((resolve) => child.on("close", (c) => resolve(c)));
  clearTimeout(timer);
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  let rssMiB = null;
  let cpuS = null;
  try {
    const last = readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "";
    const [, kib, user, system] = last.split(" ").map(Number);
    if (Number.isFinite(kib)) rssMiB = kib / 1024;
    if (Number.isFinite(user) && Number.isFinite(system)) cpuS = user + system;
  } catch {}
  rmSync(dir, { recursive: true, force: true });
  const ok = code === 0;
  return {
    ok,
    code,
    wallS,
    rssMiB,
    cpuS,
    stdout,
    stderr,
    ...(ok
      ? {}
      : {
          error: timedOut
            ? `timed out after ${opts.timeoutS ?? 600} s`
            : firstErrorLine(stdout, stderr, code),
        }),
  };
}

/** The line a reader needs to know why a tool failed (not its banner, not a stack frame). */
export function firstErrorLine(stdout, stderr, code) {
  // eslint-disable-next-line no-control-regex
  const lines = `${stderr}\n${stdout}`
    .replace(/\x1b\[[0-9;]*m/g, "")
    .split("\n")
    .map((l) => l.trim());
  const afterFailed = lines.findIndex((l) => /Failed with the message:?$/.test(l));
  const pick =
    (afterFailed >= 0 ? lines[afterFailed + 1] : undefined) ??
    lines.find((l) => /"message":/.test(l)) ??
    lines.find(
      (l) => /error|failed|not allowed|cannot|invalid|🛑|❌/i.test(l) && !/^at /.test(l),
    ) ??
    lines.find((l) => l && !/^at /.test(l));
  let text = (pick ?? `exit ${code}`).replace(/^\[Job \d+\]\s*/, "").replace(/^"message":\s*/, "");
  if (/^".*"$/.test(text)) {
    try {
      text = JSON.parse(text);
    } catch {}
  }
  return text.length > 140 ? `${text.slice(0, 137)}...` : text;
}

/** @param {number[]} xs */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * A distribution-free 95% confidence interval of the median: the order statistics
 * n/2 -/+ 1.96 sqrt(n)/2 (normal approximation of the binomial). Says how far a median over
 * rounds could move on the same machine, so a reader can tell a 2-point difference from noise.
 * @param {number[]} xs
 */
export function medianInterval(xs) {
  if (xs.length < 6) return null;
  const s = [...xs].sort((a, b) => a - b);
  const half = 0.98 * Math.sqrt(s.length);
  const lo = Math.max(0, Math.floor(s.length / 2 - half));
  const hi = Math.min(s.length - 1, Math.ceil(s.length / 2 + half) - 1);
  return [s[lo], s[hi]];
}

/** @param {number[]} xs */
export function summarize(xs) {
  return xs.length === 0
    ? null
    : { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
}
