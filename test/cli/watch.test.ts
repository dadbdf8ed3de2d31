// clientgen generate --watch as a child process: a spec edit regenerates (one line with its
// time), a broken spec prints its error and leaves the output as it was, a referenced file and the
// config are watched too; the watcher keeps going until killed.
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildCli,
  builtTemplates,
  fixtures,
  readTree,
  removeCli,
  spawnCli,
  tempDir,
} from "./helpers.js";

const dir = tempDir("clientgen-watch-");
const out = path.join(dir, "generated/pets");
let child: ChildProcess;
let stdout = "";
let stderr = "";

beforeAll(async () => {
  cpSync(fixtures, path.join(dir, "specs"), { recursive: true });
  writeFileSync(
    path.join(dir, "clientgen.config.json"),
    JSON.stringify({ apis: [{ name: "Pets", spec: "specs/pets.yaml", output: "generated/pets" }] }),
  );
  await buildCli({ isCopyingTemplates: true });
}, 120_000);

afterAll(() => {
  child?.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
  removeCli();
});

/** Resolve when `stream`'s text after `from` matches `pattern`. */
async function waitFor(
  get: () => string,
  from: number,
  pattern: RegExp,
  timeoutMs = 30_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = get().slice(from).match(pattern);
    if (match) return match[0];
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${pattern}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
}

function edit(file: string, from: string, to: string): void {
  const full = path.join(dir, "specs", file);
  writeFileSync(full, readFileSync(full, "utf8").replace(from, to));
}

describe("clientgen generate --watch", () => {
  it("regenerates on spec, referenced file, template and config changes; keeps the old output on errors", async () => {
    child = await spawnCli(["generate", "--watch", "--config", "clientgen.config.json"], dir);
    child.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    await waitFor(() => stdout, 0, /watching \d+ files and the templates/);
    expect(stdout).toMatch(/^Pets: \d+ files -> generated\/pets \(\d+ ms\)\n/);

    // The spec: one line per regeneration, with the time of day and how long it took.
    let mark = stdout.length;
    edit("pets.yaml", "summary: Get a pet", "summary: Fetch one pet");
    const line = await waitFor(
      () => stdout,
      mark,
      /\[\d\d:\d\d:\d\d\] Pets: regenerated \d+ files -> generated\/pets in \d+ ms\n/,
    );
    expect(stdout.slice(mark)).toBe(line);
    expect(readFileSync(path.join(out, "functions.ts"), "utf8")).toContain("Fetch one pet");

    // A broken spec: the error is printed, the output stays byte for byte, the watch goes on.
    const before = readTree(out);
    mark = stderr.length;
    edit("pets.yaml", "paths:\n", "paths:\n  bad: [\n");
    await waitFor(
      () => stderr,
      mark,
      /Pets: error; generated\/pets left unchanged, still watching\n/,
    );
    expect(stderr.slice(mark)).toMatch(/pets\.yaml:\d+:\d+ .* error LOAD002 invalid YAML/);
    expect(readTree(out)).toEqual(before);

    // Fixed again, then a change in a referenced file (pet.yaml) is a breaking change for callers.
    mark = stdout.length;
    edit("pets.yaml", "paths:\n  bad: [\n", "paths:\n");
    await waitFor(() => stdout, mark, /Pets: (regenerated|up to date)/);
    mark = stdout.length;
    edit("pet.yaml", "enum: [available, pending, sold]", "enum: [available, pending]");
    await waitFor(
      () => stdout,
      mark,
      /Pets: regenerated \d+ files -> generated\/pets in \d+ ms; 1 change for callers, 1 breaking\n {2}BREAKING Status enum value "sold" removed\n/,
    );

    // A template.
    mark = stdout.length;
    const readme = path.join(builtTemplates, "README.md.hbs");
    writeFileSync(readme, readFileSync(readme, "utf8").replace("## Use it", "## Use it now"));
    await waitFor(() => stdout, mark, /Pets: regenerated \d+ files/);
    expect(readFileSync(path.join(out, "README.md"), "utf8")).toContain("## Use it now");

    // The config: a new name regenerates with it.
    mark = stdout.length;
    writeFileSync(
      path.join(dir, "clientgen.config.json"),
      JSON.stringify({
        apis: [{ name: "Animals", spec: "specs/pets.yaml", output: "generated/pets" }],
      }),
    );
    await waitFor(() => stdout, mark, /Animals: regenerated \d+ files/);
    expect(readFileSync(path.join(out, "index.ts"), "utf8")).toContain("createAnimalsClient");
    expect(child.exitCode).toBe(null);
  }, 120_000);
});
