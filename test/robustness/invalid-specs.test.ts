// Diagnostics baselines: every fixture in test/fixtures/invalid/ goes through the real CLI; its
// stderr must equal `<fixture>.errors.txt` (paths relative to the repository root, the temporary
// output folder written as <out>) and its exit code must match. On an error the previous output
// folder must be left byte for byte as it was. `UPDATE_BASELINES=1 npx vitest run <this file>`
// rewrites the baselines; review the diff.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withoutStageLines } from "../helpers/stage-lines.js";
import { buildCli, readTree, removeCli, runCli } from "./cli.js";

const F = "test/fixtures/invalid";
const isUpdating = process.env.UPDATE_BASELINES === "1";

/** One fixture per diagnostic kind; `exit` 2 for errors, 0 when only warnings are expected. */
const cases: { spec: string; codes: string[]; exit: number; overlays?: string[] }[] = [
  { spec: "invalid-yaml.yaml", codes: ["LOAD002"], exit: 2 },
  { spec: "invalid-json.json", codes: ["LOAD003"], exit: 2 },
  { spec: "not-openapi.yaml", codes: ["LOAD004"], exit: 2 },
  { spec: "unsupported-version.yaml", codes: ["LOAD005"], exit: 2 },
  { spec: "unresolved-local-ref.yaml", codes: ["REF001"], exit: 2 },
  { spec: "unresolved-file-ref.yaml", codes: ["REF001"], exit: 2 },
  { spec: "missing-file-ref.yaml", codes: ["REF001"], exit: 2 },
  { spec: "remote-ref.yaml", codes: ["REF002"], exit: 2 },
  { spec: "outside/spec/ref-outside-tree.yaml", codes: ["REF003"], exit: 2 },
  { spec: "circular-ref.yaml", codes: ["REF004"], exit: 2 },
  { spec: "ref-siblings.yaml", codes: ["REF005"], exit: 0 },
  { spec: "duplicate-operation-id.yaml", codes: ["OP001"], exit: 0 },
  { spec: "path-parameters.yaml", codes: ["PAR003", "PAR004"], exit: 0 },
  {
    spec: "overlay-target-nothing.yaml",
    codes: ["OVL002"],
    exit: 2,
    overlays: ["overlay-target-nothing.overlay.yaml"],
  },
  {
    spec: "invalid-overlay.yaml",
    codes: ["OVL001"],
    exit: 2,
    overlays: ["invalid-overlay.overlay.yaml"],
  },
  { spec: "lro-missing-poller.yaml", codes: ["LRO001"], exit: 2 },
  { spec: "lro-poller-fields.yaml", codes: ["LRO002"], exit: 2 },
  { spec: "lro-unknown-operation.yaml", codes: ["LRO003"], exit: 2 },
  { spec: "lro-id-param.yaml", codes: ["LRO004"], exit: 2 },
  { spec: "lro-unknown-poller.yaml", codes: ["LRO005"], exit: 2 },
  { spec: "lro-targets.yaml", codes: ["LRO006", "LRO007", "LRO008"], exit: 2 },
  { spec: "pagination-style.yaml", codes: ["PAG001"], exit: 2 },
  { spec: "pagination-not-array.yaml", codes: ["PAG002"], exit: 2 },
  { spec: "swagger2-broken-ref.yaml", codes: ["REF001"], exit: 2 },
  { spec: "big-enum-integer.yaml", codes: ["SCH005"], exit: 0 },
  { spec: "name-collisions.yaml", codes: ["NAME001"], exit: 0 },
  { spec: "standalone-name-collisions.yaml", codes: ["NAME001"], exit: 0 },
  { spec: "alias-bomb.yaml", codes: ["LOAD011"], exit: 2 },
  { spec: "deep-nesting.json", codes: ["LOAD010"], exit: 2 },
  { spec: "deep-nesting-flow.yaml", codes: ["LOAD010"], exit: 2 },
];

const tmp = mkdtempSync(path.join(os.tmpdir(), "clientgen-invalid-"));
beforeAll(() => buildCli(), 120_000);
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  removeCli();
});

/** A previous output folder (its manifest lists it): a sentinel file, a nested file, bytes that are not UTF-8. */
function prefill(out: string): void {
  mkdirSync(path.join(out, "runtime"), { recursive: true });
  writeFileSync(path.join(out, "SENTINEL.txt"), "previous output, must survive\n");
  writeFileSync(path.join(out, "index.ts"), "export const previous = 1;\r\n");
  writeFileSync(path.join(out, "runtime/blob.bin"), Buffer.from([0, 255, 254, 10, 13]));
  const files = { "SENTINEL.txt": "", "index.ts": "", "runtime/blob.bin": "" };
  writeFileSync(
    path.join(out, "clientgen.json"),
    JSON.stringify({ files, generator: { name: "clientgen", version: "0.0.0" }, inputs: [] }),
  );
}

describe("invalid specs: CLI diagnostics baselines", () => {
  it.each(cases)("$spec", async ({ spec, codes, exit, overlays }) => {
    const out = path.join(tmp, spec.replace(/[^A-Za-z0-9]+/g, "_"));
    prefill(out);
    const before = readTree(out);
    const args = [
      "generate",
      "--spec",
      `${F}/${spec}`,
      "--out",
      out,
      ...(overlays ?? []).flatMap((o) => ["--overlay", `${F}/${o}`]),
    ];
    const run = await runCli(args);
    // The baseline is the diagnostics: the per-stage timing lines vary from run to run.
    const stderr = withoutStageLines(run.stderr).split(out).join("<out>");
    const baseline = `${F}/${spec.replace(/\.(ya?ml|json)$/, "")}.errors.txt`;
    if (isUpdating || !existsSync(baseline)) writeFileSync(baseline, stderr);
    expect(stderr).toBe(readFileSync(baseline, "utf8"));
    expect(run.code).toBe(exit);
    // Every expected code appears, and no line is an internal error.
    const printed = [...stderr.matchAll(/ (?:error|warning) ([A-Z]+\d{3}) /g)].map((m) => m[1]);
    expect([...new Set(printed)].sort()).toEqual(expect.arrayContaining(codes));
    expect(stderr).not.toMatch(/internal error/);
    if (exit === 2) {
      expect(readTree(out)).toEqual(before);
      expect(run.stdout).toBe("");
      // Nothing left beside the output folder either (output is built beside it, then swapped in).
      expect(readTree(path.dirname(out)).hasOwnProperty(`${path.basename(out)}.tmp/`)).toBe(false);
    } else {
      expect(existsSync(path.join(out, "SENTINEL.txt"))).toBe(false);
      expect(existsSync(path.join(out, "client.ts"))).toBe(true);
    }
  });
});
