// bin/clientgen.mjs outside a checkout of clientgen: it never builds (an installed package runs
// its prebuilt dist/), and a problem of its own exits 2, never 1 (which means "stale").
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "./helpers.js";

const dir = tempDir("clientgen-bin-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bin/clientgen.mjs installed under node_modules", () => {
  it("without dist/: exit 2 with what is wrong, and no build attempted even with sources beside it", async () => {
    const pkg = path.join(dir, "node_modules/clientgen");
    mkdirSync(path.join(pkg, "bin"), { recursive: true });
    mkdirSync(path.join(pkg, "generator"), { recursive: true });
    writeFileSync(path.join(pkg, "generator/cli.ts"), "export {};\n");
    writeFileSync(
      path.join(pkg, "package.json"),
      JSON.stringify({ name: "clientgen", version: "0.0.0", type: "module" }),
    );
    copyFileSync("bin/clientgen.mjs", path.join(pkg, "bin/clientgen.mjs"));
    const run = await promisify(execFile)(
      process.execPath,
      [path.join(pkg, "bin/clientgen.mjs"), "--version"],
      { cwd: dir },
    ).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "dist/clientgen.mjs is missing: this copy of clientgen was installed without its build",
    );
    expect(existsSync(path.join(pkg, "dist"))).toBe(false);
  });
});
