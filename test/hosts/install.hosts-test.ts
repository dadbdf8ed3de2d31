// What a user does first: `npm pack`, `npm i -D <tarball>` in an empty project (no TypeScript),
// node_modules made read-only, then `npx clientgen generate --spec ... --out src/api` and a
// clientgen.config.ts with defineConfig, both on the first run; plus the programmatic API and its
// types. As root, read-only is not enforced by permissions, so the commands run as `nobody`.
import { execFile } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withoutStageLines } from "../helpers/stage-lines.js";

const repo = path.resolve(".");
const work = mkdtempSync(path.join(os.tmpdir(), "clientgen-install-"));
const project = path.join(work, "project");
const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
const isRoot = process.getuid?.() === 0;

async function sh(
  command: string,
  args: string[],
  cwd: string,
  asUser = false,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: path.join(work, "home"),
    npm_config_cache: path.join(work, asUser ? "npm-cache-user" : "npm-cache"),
    npm_config_update_notifier: "false",
  };
  delete env.CLIENTGEN_CACHE_DIR;
  const [file, argv] =
    asUser && isRoot
      ? ["setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", command, ...args]]
      : [command, args];
  try {
    const { stdout, stderr } = await promisify(execFile)(file, argv, {
      cwd,
      env,
      timeout: 240_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof e.code === "number" ? e.code : 1,
      stdout: e.stdout ?? "",
      stderr: e.stderr ?? "",
    };
  }
}

/** Set the mode of everything under `dir` (symlinks aside) from its current mode. */
function chmodTree(dir: string, mode: (current: number) => number): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) chmodTree(full, mode);
    chmodSync(full, mode(statSync(full).mode & 0o777));
  }
}

const readOnly = (mode: number) => mode & ~0o222;
const writable = (mode: number) => mode | 0o200;

beforeAll(async () => {
  mkdirSync(path.join(work, "home"), { recursive: true });
  const packed = await sh("npm", ["pack", "--pack-destination", work, "--loglevel=error"], repo);
  expect(packed.code, packed.stderr).toBe(0);
  const tarball = path.join(work, packed.stdout.trim().split("\n").at(-1)!);
  mkdirSync(project);
  writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify({ name: "empty-project", version: "1.0.0", private: true }),
  );
  const install = await sh(
    "npm",
    ["i", "-D", tarball, "--no-audit", "--no-fund", "--loglevel=error"],
    project,
  );
  expect(install.code, install.stderr).toBe(0);
  mkdirSync(path.join(project, "specs"));
  copyFileSync(path.join(repo, "specs/tensorone.yaml"), path.join(project, "specs/tensorone.yaml"));
  // The tree stays readable by everyone; node_modules is read-only, the project folder writable.
  chmodTree(path.join(project, "node_modules"), readOnly);
  chmodSync(path.join(project, "node_modules"), 0o555);
  for (const dir of [work, project, path.join(project, "specs"), path.join(work, "home")])
    chmodSync(dir, 0o777);
  mkdirSync(path.join(work, "npm-cache-user"));
  chmodSync(path.join(work, "npm-cache-user"), 0o777);
}, 600_000);
afterAll(() => {
  if (existsSync(path.join(project, "node_modules")))
    chmodTree(path.join(project, "node_modules"), writable);
  rmSync(work, { recursive: true, force: true });
});

describe("installed from its packed tarball", () => {
  it("holds the built CLI and no tests; installs no TypeScript", () => {
    const installed = path.join(project, "node_modules/clientgen");
    expect(existsSync(path.join(installed, "dist/clientgen.mjs"))).toBe(true);
    expect(existsSync(path.join(installed, "dist/types/index.d.ts"))).toBe(true);
    expect(existsSync(path.join(installed, "test"))).toBe(false);
    expect(existsSync(path.join(installed, "generator"))).toBe(false);
    expect(existsSync(path.join(project, "node_modules/typescript"))).toBe(false);
  });

  it("npx clientgen --version", async () => {
    const run = await sh("npx", ["--no-install", "clientgen", "--version"], project, true);
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe(version);
  });

  it("npx clientgen generate --spec --out works on the first run, read-only node_modules", async () => {
    const run = await sh(
      "npx",
      [
        "--no-install",
        "clientgen",
        "generate",
        "--spec",
        "specs/tensorone.yaml",
        "--out",
        "src/api",
      ],
      project,
      true,
    );
    expect(withoutStageLines(run.stderr)).toBe("");
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(project, "src/api/index.ts"), "utf8")).toContain(
      "createTensorOneClient",
    );
    expect(existsSync(path.join(project, "src/api/runtime/transport.ts"))).toBe(true);
  });

  it("clientgen.config.ts with defineConfig works on the first run", async () => {
    writeFileSync(
      path.join(project, "clientgen.config.ts"),
      'import { defineConfig } from "clientgen/config";\n\nexport default defineConfig({\n  apis: [{ name: "TensorOne", spec: "specs/tensorone.yaml", output: "src/tensorone" }],\n});\n',
    );
    chmodSync(path.join(project, "clientgen.config.ts"), 0o666);
    const run = await sh("npx", ["--no-install", "clientgen", "generate"], project, true);
    expect(withoutStageLines(run.stderr)).toBe("");
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(project, "src/tensorone/client.ts"), "utf8")).toContain(
      "TensorOneClient",
    );
  });

  it('import { generate } from "clientgen": generates, and is typed', async () => {
    const script =
      'import { generate } from "clientgen";\nconst report = await generate({ spec: "specs/tensorone.yaml", output: "src/from-api" });\nconsole.log(report.status, report.files);\n';
    writeFileSync(path.join(project, "use-api.mjs"), script);
    chmodSync(path.join(project, "use-api.mjs"), 0o666);
    const run = await sh(process.execPath, ["use-api.mjs"], project, true);
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toMatch(/^generated \d+$/);
    const typed =
      'import { generate, type GenerateOptions } from "clientgen";\nconst options: GenerateOptions = { spec: "a.yaml", output: "out" };\nconst status: "failed" | "generated" | "stale" | "up-to-date" = (await generate(options)).status;\nvoid status;\n// @ts-expect-error output is required\nvoid generate({ spec: "a.yaml" });\n';
    writeFileSync(path.join(project, "typed.mts"), typed);
    const tsconfig = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        module: "nodenext",
        moduleResolution: "nodenext",
        target: "ES2022",
        types: ["node"],
        typeRoots: [path.join(repo, "node_modules/@types")],
        skipLibCheck: true,
      },
      files: ["typed.mts"],
    };
    // "clientgen" resolves from the project's node_modules, @types/node from the repository's.
    writeFileSync(path.join(project, "tsconfig.json"), JSON.stringify(tsconfig));
    const check = await sh(
      process.execPath,
      [path.join(repo, "node_modules/typescript/bin/tsc"), "-p", "."],
      project,
    );
    expect(check.stdout + check.stderr).toBe("");
  });
});
