// The README's "Using clientgen in a build" examples run as written: the config, the overlay and
// the tour's commands; its CLI reference is the CLI's own usage text.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usage } from "../../generator/cli/args.js";
import { buildCli, fixtures, removeCli, runCli, tempDir } from "./helpers.js";
import { withoutStageLines } from "../helpers/stage-lines.js";

const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
const dir = tempDir("clientgen-readme-");

/** The fenced block right after `<!-- readme-test: name -->`. */
function block(name: string): string {
  const match = readme.match(
    new RegExp(`<!-- readme-test: ${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\`\\n`),
  );
  if (!match) throw new Error(`README has no block marked readme-test: ${name}`);
  return match[1];
}

beforeAll(() => buildCli(), 120_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeCli();
});

describe("README: using clientgen in a build", () => {
  it("the tour: config + overlay + commands, as written", async () => {
    mkdirSync(path.join(dir, "specs"), { recursive: true });
    copyFileSync(path.join(fixtures, "jobs.yaml"), path.join(dir, "specs/jobs.yaml"));
    writeFileSync(path.join(dir, "specs/jobs.overlay.yaml"), block("overlay"));
    writeFileSync(path.join(dir, "clientgen.config.ts"), block("config"));
    const commands = block("tour")
      .split("\n")
      .map((line) => line.replace(/#.*$/, "").trim())
      .filter(Boolean);
    expect(commands).toHaveLength(4);
    const outputs: string[] = [];
    for (const command of commands) {
      const args = command.split(/\s+/);
      expect(args.slice(0, 2)).toEqual(["npx", "clientgen"]);
      const run = await runCli(args.slice(2), dir);
      expect(withoutStageLines(run.stderr), command).toBe("");
      expect(run.code, command).toBe(0);
      outputs.push(run.stdout);
    }
    expect(outputs[1]).toMatch(/up to date/);
    const client = readFileSync(path.join(dir, "generated/jobs/functions.ts"), "utf8");
    for (const method of ["createJobAndWait(", "waitForJob(", "pollJob(", "listJobs("])
      expect(client).toContain(method);
    expect(client).toMatch(/listJobs\([^)]*\): PagePromise</);
    const jobsReadme = readFileSync(path.join(dir, "generated/jobs/README.md"), "utf8");
    expect(jobsReadme).toContain("for await (const item of client.listJobs()) console.log(item);");
    expect(jobsReadme).toContain(
      "const result = await client.createJobAndWait({ body: { /* ... */ } }, { timeoutMs: 10 * 60_000 });",
    );
  });

  it("the CLI reference is the CLI's usage text", () => {
    expect(readme).toContain(`### CLI reference\n\n\`\`\`text\n${usage}\n\`\`\``);
  });
});
