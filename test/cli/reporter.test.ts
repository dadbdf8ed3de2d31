// Feedback on long work: a progress line per API on a terminal (never in CI or with --json), and
// the stages it names, in order.
import { rmSync } from "node:fs";
import * as path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { Reporter, reporterOptions } from "../../generator/cli/reporter.js";
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
