// Feedback on long work: a progress line per API on a terminal (never in CI or with --json), and
// the stages it names, in order.
import { rmSync } from "node:fs";
import * as path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { Reporter, reporterOptions } from "../../generator/cli/reporter.js";
import { diagnosticLines } from "../../generator/diagnostics/group.js";
import { runApi } from "../../generator/cli/run-api.js";
import { fixtures, tempDir } from "./helpers.js";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function setTty(isTTY: boolean): void {
  Object.defineProperty(process.stderr, "isTTY", { configurable: true, value: isTTY });
}

describe("progress", () => {
  it("shows on a terminal only: not in CI, not with --json", () => {
    setTty(true);
    vi.stubEnv("CI", "");
    expect(reporterOptions({}).showsProgress).toBe(true);
    expect(reporterOptions({ json: true }).showsProgress).toBe(false);
    vi.stubEnv("CI", "true");
    expect(reporterOptions({}).showsProgress).toBe(false);
    setTty(false);
    vi.stubEnv("CI", "");
    expect(reporterOptions({}).showsProgress).toBe(false);
  });

  it("one line per API, rewritten in place per stage, cleared before results", async () => {
    const err: string[] = [];
    const out: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (err.push(String(chunk)), true));
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
    vi.stubEnv("CLIENTGEN_CACHE_DIR", path.join(dir, ".cache"));
    const reporter = new Reporter({ isJson: false, isVerbose: false, showsProgress: true });
    const api = { name: "Pets", options: { allowOutsideRefs: false, allowUrl: false, dates: false, emit: "ts" as const, heuristics: false }, output: path.join(dir, "pets"), overlays: [], spec: path.join(fixtures, "pets.yaml") };
    const report = await runApi(api, { isCheck: true }, reporter);
    expect(report.status).toBe("stale");
    expect(err.slice(0, 5)).toEqual([
      "\r\u001b[2KPets: parsing...",
      "\r\u001b[2KPets: normalising...",
      "\r\u001b[2KPets: emitting...",
      "\r\u001b[2KPets: formatting...",
      "\r\u001b[2K",
    ]);
    expect(err[5]).toContain("is stale");
  });
});

describe("repeated warnings", () => {
  const at = (code: string, line: number, severity: "error" | "warning" = "warning", file = "specs/a.yaml") =>
    ({ code, col: 3, file, line, message: `m${line}`, pointer: `#/p${line}`, severity });
  const list = [at("REF005", 1), at("SCH002", 2), at("REF005", 3), at("REF005", 4, "warning", "specs/b.yaml"), at("REF001", 5, "error"), at("REF001", 6, "error"), at("REF005", 7)];

  it("one line per code and file with a count; errors never grouped", () => {
    expect(diagnosticLines(list, false)).toEqual([
      "specs/a.yaml:1:3 #/p1 warning REF005 m1 [REF005 x3 in this file, the first shown; --verbose lists each]",
      "specs/a.yaml:2:3 #/p2 warning SCH002 m2",
      "specs/b.yaml:4:3 #/p4 warning REF005 m4",
      "specs/a.yaml:5:3 #/p5 error REF001 m5",
      "specs/a.yaml:6:3 #/p6 error REF001 m6",
    ]);
  });

  it("--verbose prints each one; the reporter prints what diagnosticLines gives", () => {
    expect(diagnosticLines(list, true)).toHaveLength(list.length);
    const err: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (err.push(String(chunk)), true));
    new Reporter({ isJson: false, isVerbose: false, showsProgress: false }).diagnostics(list);
    expect(err).toHaveLength(5);
    new Reporter({ isJson: true, isVerbose: false, showsProgress: false }).diagnostics(list);
    expect(err).toHaveLength(5);
  });
});
