// Generated clients in the hosts TypeScript and JavaScript users have: each host project gets a
// copy of the client folder and a small program (a plain call, an error, a poller, pagination),
// compiles it the way that host does, runs it against a local server and must print the expected
// line. `npm run test:hosts`; tools the repository does not depend on are installed on first use
// (test/hosts/tools.ts).
import { execFile } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";
import { javascriptProgram, typescriptProgram } from "./program.js";
import { expectedLine, startJobsServer } from "./server.js";
import { binOf, installed } from "./tools.js";

const repo = path.resolve(".");
const work = mkdtempSync(path.join(os.tmpdir(), "clientgen-hosts-"));
let server: Awaited<ReturnType<typeof startJobsServer>>;

/** The client as each kind of host takes it: TypeScript with .js or .ts imports, or JavaScript + .d.ts. */
type Client = "ts" | "ts-imports" | "js";
const clients: Record<Client, string> = { ts: "", "ts-imports": "", js: "" };

beforeAll(async () => {
  server = await startJobsServer();
  for (const [client, options] of [
    ["ts", {}],
    ["ts-imports", { importExtension: "ts" }],
    ["js", { emit: "js" }],
  ] as const) {
    const output = path.join(work, "clients", client);
    const report = await generate({
      spec: "test/hosts/fixture/jobs.yaml",
      overlays: ["test/hosts/fixture/jobs.overlay.yaml"],
      output,
      name: "Jobs",
      options,
    });
    expect(report.status, JSON.stringify(report)).toBe("generated");
    clients[client] = output;
  }
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

interface Project {
  client: Client;
  /** "ts": main.ts importing ./api/index.js; "ts-imports": ./api/index.ts; "js": main.js. */
  program: "ts" | "ts-imports" | "js";
  /** package.json "type"; undefined writes a package.json without one. */
  type?: "commonjs" | "module";
  tsconfig?: Record<string, unknown>;
  files?: Record<string, string>;
}

/** A host project folder: package.json, tsconfig.json, the client in api/, the program, the repo's node_modules (@types/node). */
function project(name: string, spec: Project): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  cpSync(clients[spec.client], path.join(dir, "api"), { recursive: true });
  symlinkSync(path.join(repo, "node_modules"), path.join(dir, "node_modules"), "dir");
  writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({
      name: `host-${name}`,
      private: true,
      ...(spec.type ? { type: spec.type } : {}),
    }),
  );
  if (spec.program === "js")
    writeFileSync(path.join(dir, "main.js"), javascriptProgram(server.baseUrl));
  else
    writeFileSync(
      path.join(dir, "main.ts"),
      typescriptProgram(server.baseUrl, spec.program === "ts-imports" ? ".ts" : ".js"),
    );
  if (spec.tsconfig) {
    const include = spec.program === "js" ? ["main.js", "api"] : ["main.ts", "api"];
    writeFileSync(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({ compilerOptions: spec.tsconfig, include }),
    );
  }
  for (const [file, text] of Object.entries(spec.files ?? {}))
    writeFileSync(path.join(dir, file), text);
  return dir;
}

/** Run a command in the project; throws with its output when it fails. */
async function run(
  dir: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(command, args, {
      cwd: dir,
      env: { ...process.env, ...env },
      timeout: 180_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${command} ${args.join(" ")} failed in ${dir}:\n${`${e.stdout ?? ""}${e.stderr ?? ""}`.slice(-4000)}`,
    );
  }
}

const lastLine = (stdout: string) => stdout.trim().split("\n").at(-1);
const node = process.execPath;
const tsc = {
  "5.9": path.join(repo, "node_modules/typescript/bin/tsc"),
  "7": path.join(repo, "node_modules/typescript7/bin/tsc"),
};
const tscOf = (version: "5.5" | "6") =>
  path.join(installed([`typescript@${version}`]), "typescript/bin/tsc");

/** tsc with outDir, the most common build: compile, then run dist/main.js with Node. */
const emitting = (
  module: string,
  moduleResolution: string,
  extra: Record<string, unknown> = {},
) => ({
  module,
  moduleResolution,
  target: "ES2022",
  strict: true,
  outDir: "dist",
  rootDir: ".",
  lib: ["ES2022", "DOM"],
  types: ["node"],
  skipLibCheck: true,
  ...extra,
});

/** Every flag a strict host may turn on, and a lib without DOM (Node's types only). */
const strictest = {
  verbatimModuleSyntax: true,
  isolatedModules: true,
  erasableSyntaxOnly: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noPropertyAccessFromIndexSignature: true,
  noImplicitReturns: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noFallthroughCasesInSwitch: true,
  lib: ["ES2022"],
  skipLibCheck: false,
};

describe("tsc with outDir, then Node", () => {
  it.each([
    ["nodenext, type module", "module", emitting("nodenext", "nodenext")],
    ["nodenext, type commonjs", "commonjs", emitting("nodenext", "nodenext")],
    ["nodenext, no type", undefined, emitting("nodenext", "nodenext")],
    ["node16, type module", "module", emitting("node16", "node16")],
    ["node16, type commonjs", "commonjs", emitting("node16", "node16")],
    ["bundler (module esnext), type module", "module", emitting("esnext", "bundler")],
    [
      "strictest flags, lib without DOM, skipLibCheck false",
      "module",
      emitting("nodenext", "nodenext", strictest),
    ],
  ] as const)("%s", async (name, type, tsconfig) => {
    const dir = project(`tsc-${name.replace(/\W+/g, "-")}`, {
      client: "ts",
      program: "ts",
      type,
      tsconfig,
    });
    await run(dir, node, [tsc["5.9"], "-p", "."]);
    expect(lastLine(await run(dir, node, ["dist/main.js"]))).toBe(expectedLine);
  });
});

describe("TypeScript versions (tsc nodenext with outDir)", () => {
  it.each(["5.5", "6", "7"] as const)("TypeScript %s", async (version) => {
    const dir = project(`ts-${version}`, {
      client: "ts",
      program: "ts",
      type: "module",
      tsconfig: emitting("nodenext", "nodenext"),
    });
    await run(dir, node, [version === "7" ? tsc["7"] : tscOf(version), "-p", "."]);
    expect(lastLine(await run(dir, node, ["dist/main.js"]))).toBe(expectedLine);
  });

  it("TypeScript 7, strictest flags, commonjs", async () => {
    const dir = project("ts-7-strictest", {
      client: "ts",
      program: "ts",
      type: "commonjs",
      tsconfig: emitting("nodenext", "nodenext", { ...strictest, verbatimModuleSyntax: false }),
    });
    await run(dir, node, [tsc["7"], "-p", "."]);
    expect(lastLine(await run(dir, node, ["dist/main.js"]))).toBe(expectedLine);
  });
});

describe("importExtension ts: TypeScript run as it is", () => {
  it("Node 22 type stripping", async () => {
    const dir = project("node22-strip", {
      client: "ts-imports",
      program: "ts-imports",
      type: "module",
    });
    const node22 = path.join(installed(["node@22"]), "node/bin/node");
    expect(
      lastLine(await run(dir, node22, ["--experimental-strip-types", "--no-warnings", "main.ts"])),
    ).toBe(expectedLine);
  });

  it("Deno (deno check, then deno run)", async () => {
    const dir = project("deno-ts", { client: "ts-imports", program: "ts-imports" });
    const deno = binOf(["deno"], "deno");
    const env = { DENO_DIR: path.join(work, "deno-cache"), DENO_NO_UPDATE_CHECK: "1" };
    await run(dir, deno, ["check", "main.ts"], env);
    expect(lastLine(await run(dir, deno, ["run", "--allow-net=127.0.0.1", "main.ts"], env))).toBe(
      expectedLine,
    );
  });

  it("tsc checks it with allowImportingTsExtensions, and emits it with rewriteRelativeImportExtensions", async () => {
    const checked = project("ts-imports-noemit", {
      client: "ts-imports",
      program: "ts-imports",
      type: "module",
      tsconfig: {
        ...emitting("nodenext", "nodenext"),
        noEmit: true,
        allowImportingTsExtensions: true,
      },
    });
    await run(checked, node, [tsc["5.9"], "-p", "."]);
    const emitted = project("ts-imports-rewrite", {
      client: "ts-imports",
      program: "ts-imports",
      type: "module",
      tsconfig: emitting("nodenext", "nodenext", { rewriteRelativeImportExtensions: true }),
    });
    await run(emitted, node, [tsc["5.9"], "-p", "."]);
    expect(lastLine(await run(emitted, node, ["dist/main.js"]))).toBe(expectedLine);
  });
});

describe("runtimes and bundlers (default .js imports)", () => {
  it("Bun", async () => {
    const dir = project("bun", { client: "ts", program: "ts", type: "module" });
    expect(lastLine(await run(dir, binOf(["bun"], "bun"), ["run", "main.ts"]))).toBe(expectedLine);
  });

  it("tsx", async () => {
    const dir = project("tsx", { client: "ts", program: "ts", type: "module" });
    expect(lastLine(await run(dir, binOf(["tsx"], "tsx"), ["main.ts"]))).toBe(expectedLine);
  });

  it("esbuild bundle, run by Node", async () => {
    const dir = project("esbuild", { client: "ts", program: "ts", type: "module" });
    await run(dir, path.join(repo, "node_modules/.bin/esbuild"), [
      "main.ts",
      "--bundle",
      "--platform=node",
      "--format=esm",
      "--outfile=dist/main.mjs",
      "--log-level=warning",
    ]);
    expect(lastLine(await run(dir, node, ["dist/main.mjs"]))).toBe(expectedLine);
  });

  it("Vite SSR build, run by Node", async () => {
    const dir = project("vite-ssr", { client: "ts", program: "ts", type: "module" });
    await run(dir, path.join(repo, "node_modules/.bin/vite"), [
      "build",
      "--ssr",
      "main.ts",
      "--outDir",
      "dist",
      "--logLevel",
      "warn",
    ]);
    expect(lastLine(await run(dir, node, ["dist/main.js"]))).toBe(expectedLine);
  });

  it("Vite browser build (index.html), its bundle run where only fetch exists", async () => {
    const html = '<!doctype html><script type="module" src="/main.ts"></script>\n';
    // The modulepreload polyfill touches `document`: off, so the bundle also runs outside a page.
    const config = "export default { build: { modulePreload: { polyfill: false } } };\n";
    const dir = project("vite-browser", {
      client: "ts",
      program: "ts",
      type: "module",
      files: { "index.html": html, "vite.config.mjs": config },
    });
    await run(dir, path.join(repo, "node_modules/.bin/vite"), [
      "build",
      "--outDir",
      "dist",
      "--logLevel",
      "warn",
    ]);
    const bundle = readdirSync(path.join(dir, "dist/assets")).find((f) => f.endsWith(".js"));
    expect(bundle).toBeDefined();
    expect(lastLine(await run(dir, node, [`dist/assets/${bundle}`]))).toBe(expectedLine);
  });

  it("webpack bundle of the --emit js client, run by Node", async () => {
    const dir = project("webpack", { client: "js", program: "js" });
    const webpack = binOf(["webpack@5", "webpack-cli@6"], "webpack");
    await run(dir, webpack, [
      "./main.js",
      "--mode",
      "production",
      "--target",
      "node",
      "--output-path",
      "dist",
      "--no-stats",
    ]);
    expect(lastLine(await run(dir, node, ["dist/main.js"]))).toBe(expectedLine);
  });
});

describe("JavaScript output (--emit js)", () => {
  it("checkJs host: tsc checks the program against the .d.ts, Node runs it", async () => {
    const tsconfig = {
      allowJs: true,
      checkJs: true,
      noEmit: true,
      strict: true,
      module: "nodenext",
      moduleResolution: "nodenext",
      target: "ES2022",
      lib: ["ES2022", "DOM"],
      types: ["node"],
      skipLibCheck: false,
    };
    const dir = project("checkjs", { client: "js", program: "js", type: "module", tsconfig });
    await run(dir, node, [tsc["5.9"], "-p", "."]);
    expect(lastLine(await run(dir, node, ["main.js"]))).toBe(expectedLine);
  });

  it("Deno finds the types through @ts-self-types (deno check), then runs it", async () => {
    const dir = project("deno-js", { client: "js", program: "ts" });
    const deno = binOf(["deno"], "deno");
    const env = { DENO_DIR: path.join(work, "deno-cache"), DENO_NO_UPDATE_CHECK: "1" };
    await run(dir, deno, ["check", "main.ts"], env);
    expect(lastLine(await run(dir, deno, ["run", "--allow-net=127.0.0.1", "main.ts"], env))).toBe(
      expectedLine,
    );
  });
});

describe("Node versions (the tsc nodenext output)", () => {
  it.each(["18", "22"] as const)("Node %s", async (version) => {
    const dir = project(`node-${version}`, {
      client: "ts",
      program: "ts",
      type: "module",
      tsconfig: emitting("nodenext", "nodenext"),
    });
    await run(dir, node, [tsc["5.9"], "-p", "."]);
    const binary = path.join(
      installed([`node@${version === "18" ? "^18.20" : "22"}`]),
      "node/bin/node",
    );
    expect(lastLine(await run(dir, binary, ["dist/main.js"]))).toBe(expectedLine);
  });
});
