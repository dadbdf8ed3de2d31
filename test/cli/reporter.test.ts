// Feedback on long work: a progress line per API on a terminal (never in CI or with --json), with
// the stages it names, in order, and what they produced; elsewhere one line per finished stage with
// its time, so CI logs show where time goes.
import { rmSync } from "node:fs";
import * as path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { Reporter, reporterOptions } from "../../generator/cli/reporter.js";
import { sortDiagnostics } from "../../generator/diagnostics/diagnostic.js";
import { diagnosticLines } from "../../generator/diagnostics/group.js";
import { printRun } from "../../generator/cli/print-run.js";
import { withDefaults } from "../../generator/options.js";
import { run } from "../../generator/pipeline.js";
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
    expect(reporterOptions({})).toMatchObject({ showsProgress: true, showsStageLines: false });
    expect(reporterOptions({ json: true })).toMatchObject({
      showsProgress: false,
      showsStageLines: false,
    });
    vi.stubEnv("CI", "true");
    expect(reporterOptions({})).toMatchObject({ showsProgress: false, showsStageLines: true });
    setTty(false);
    vi.stubEnv("CI", "");
    expect(reporterOptions({})).toMatchObject({ showsProgress: false, showsStageLines: true });
  });

  const pets = () =>
    withDefaults({
      name: "Pets",
      output: path.join(dir, "pets"),
      spec: path.join(fixtures, "pets.yaml"),
    });

  it("not on a terminal: one line per finished stage with its time and counts", async () => {
    const err: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation(
      (chunk) => (err.push(String(chunk)), true),
    );
    vi.stubEnv("CLIENTGEN_CACHE_DIR", path.join(dir, ".cache"));
    const reporter = new Reporter({
      isJson: false,
      isVerbose: false,
      showsProgress: false,
      showsStageLines: true,
    });
    const outcome = await run(pets(), { isCheck: true }, reporter.stages("Pets"));
    expect(outcome.report.status).toBe("stale");
    expect(err.slice(0, 5).map((line) => line.replace(/\d+ ms/, "N ms"))).toEqual([
      "Pets: parsing N ms (2 files)\n",
      "Pets: normalising N ms (4 operations, 3 schemas)\n",
      "Pets: emitting N ms\n",
      `Pets: formatting N ms (${outcome.report.files} files)\n`,
      `Pets: comparing N ms (${outcome.report.files} stale files)\n`,
    ]);
  });

  it("one line per API, rewritten in place per stage, cleared before results", async () => {
    const err: string[] = [];
    const out: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation(
      (chunk) => (err.push(String(chunk)), true),
    );
    vi.spyOn(process.stdout, "write").mockImplementation(
      (chunk) => (out.push(String(chunk)), true),
    );
    vi.stubEnv("CLIENTGEN_CACHE_DIR", path.join(dir, ".cache"));
    const reporter = new Reporter({
      isJson: false,
      isVerbose: false,
      showsProgress: true,
      showsStageLines: false,
    });
    const outcome = await run(pets(), { isCheck: true }, reporter.stages("Pets"));
    printRun(outcome, pets(), true, reporter);
    expect(outcome.report.status).toBe("stale");
    expect(err.slice(0, 6)).toEqual([
      "\r\u001b[2KPets: parsing...",
      "\r\u001b[2KPets: normalising... (2 files)",
      "\r\u001b[2KPets: emitting... (4 operations, 3 schemas)",
      "\r\u001b[2KPets: formatting... (4 operations, 3 schemas)",
      `\r\u001b[2KPets: comparing... (${outcome.report.files} files)`,
      "\r\u001b[2K",
    ]);
    expect(err[6]).toContain("is stale");
  });
});

describe("repeated warnings", () => {
  const at = (
    code: string,
    line: number,
    severity: "error" | "warning" = "warning",
    file = "specs/a.yaml",
  ) => ({ code, col: 3, file, line, message: `m${line}`, pointer: `#/p${line}`, severity });
  const many = [1, 3, 4, 5, 7, 8].map((line) => at("REF005", line));
  const list = [
    ...many,
    at("SCH002", 2),
    at("REF005", 6, "warning", "specs/b.yaml"),
    at("REF001", 9, "error"),
    at("REF001", 10, "error"),
    at("NAME001", 11),
    at("NAME001", 12),
  ];

  it("more than a few of one code in one file: one line with a count; errors never grouped", () => {
    expect(diagnosticLines(sortDiagnostics(list), false)).toEqual([
      "specs/a.yaml:1:3 #/p1 warning REF005 m1 [REF005 x6 in this file, the first shown; --verbose lists each]",
      "specs/a.yaml:2:3 #/p2 warning SCH002 m2",
      "specs/a.yaml:9:3 #/p9 error REF001 m9",
      "specs/a.yaml:10:3 #/p10 error REF001 m10",
      "specs/a.yaml:11:3 #/p11 warning NAME001 m11",
      "specs/a.yaml:12:3 #/p12 warning NAME001 m12",
      "specs/b.yaml:6:3 #/p6 warning REF005 m6",
    ]);
  });

  it("--verbose prints each one; the reporter prints what diagnosticLines gives", () => {
    expect(diagnosticLines(list, true)).toHaveLength(list.length);
    const err: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation(
      (chunk) => (err.push(String(chunk)), true),
    );
    new Reporter({
      isJson: false,
      isVerbose: false,
      showsProgress: false,
      showsStageLines: false,
    }).diagnostics(sortDiagnostics(list));
    expect(err).toHaveLength(7);
    new Reporter({
      isJson: true,
      isVerbose: false,
      showsProgress: false,
      showsStageLines: false,
    }).diagnostics(list);
    expect(err).toHaveLength(7);
  });
});
