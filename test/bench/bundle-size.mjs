// Bytes a browser page ships: each tool's TensorPool client bundled by esbuild and by Vite,
// minified, raw and gzip. Two pages per tool: one that calls a single operation (what
// tree-shaking can leave out) and one that keeps the whole client; for clientgen the single
// operation is its standalone function, and a third page (`clientOne`) makes the same call
// through the client object. esbuild results also list the minified bytes per source file
// (`modules`). Prints one JSON object.
//
//   node test/bench/bundle-size.mjs [--tools clientgen,hey-api,orval] [--clientgen-root <dir>]
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { measure } from "./measure.mjs";
import { repoRoot, tools } from "./tools.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The operation the one-operation page calls: a GET with a path parameter and typed errors. */
const OPERATION_ID = "get_cluster_info_cluster_info__cluster__get";
const CLIENTGEN_METHOD = "getClusterInfo";

/**
 * How each tool's output is used by the two pages. `dir` is the tool's output folder (relative
 * imports from the page, which sits beside it). Every page does its work at load time, so a
 * bundler keeps exactly what the call needs; `globalThis` keeps the full client alive.
 */
const pages = {
  clientgen: (out) => ({
    one: `import { createTensorPoolCore } from "./${out}/core.ts";
import { ${CLIENTGEN_METHOD} } from "./${out}/functions.ts";
const core = createTensorPoolCore({ baseUrl: location.origin, apiKey: "key" });
${CLIENTGEN_METHOD}(core, { cluster: "c-1" }).then((info) => console.log(info), (error) => console.error(error));
`,
    clientOne: `import { createTensorPoolClient } from "./${out}/index.ts";
const client = createTensorPoolClient({ baseUrl: location.origin, apiKey: "key" });
client.${CLIENTGEN_METHOD}({ cluster: "c-1" }).then((info) => console.log(info), (error) => console.error(error));
`,
    full: `import { createTensorPoolClient } from "./${out}/index.ts";
globalThis.client = createTensorPoolClient({ baseUrl: location.origin, apiKey: "key" });
`,
  }),
  "hey-api": (out, fn) => ({
    one: `import { ${fn} } from "./${out}/sdk.gen.ts";
${fn}({ path: { cluster: "c-1" } }).then((info) => console.log(info), (error) => console.error(error));
`,
    full: `import * as sdk from "./${out}/index.ts";
globalThis.sdk = sdk;
`,
  }),
  orval: (out, fn) => ({
    one: `import { ${fn} } from "./${out}/api.ts";
${fn}("c-1").then((info) => console.log(info), (error) => console.error(error));
`,
    full: `import * as api from "./${out}/api.ts";
globalThis.api = api;
`,
  }),
};

/** The exported function a peer generated for OPERATION_ID (names differ only in case and separators). */
function exportedFunction(dir) {
  const wanted = OPERATION_ID.replace(/_/g, "").toLowerCase();
  for (const file of listFiles(dir).filter((f) => f.endsWith(".ts"))) {
    for (const m of readFileSync(file, "utf8").matchAll(
      /export (?:const|function|async function) (\w+)/g,
    ))
      if (m[1].toLowerCase() === wanted) return m[1];
  }
  return undefined;
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

/** Minified bytes and gzip bytes (level 9) of every JavaScript chunk. */
function sizeOf(chunks) {
  const code = chunks.join("\n");
  return { minBytes: Buffer.byteLength(code), gzipBytes: gzipSync(code, { level: 9 }).length };
}

async function withEsbuild(entry) {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  return { ...sizeOf(result.outputFiles.map((f) => f.text)), modules: modulesOf(result.metafile) };
}

/**
 * Minified bytes each source file left in the bundle, largest first (files that left nothing are
 * omitted): where a page's size comes from, so a regression names its module.
 */
function modulesOf(metafile) {
  const inputs = Object.values(metafile.outputs).flatMap((output) => Object.entries(output.inputs));
  return Object.fromEntries(
    inputs
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([file, input]) => [
        /-client\//.test(file) ? file.replace(/^.*?-client\//, "") : path.basename(file),
        input.bytesInOutput,
      ])
      .sort((a, b) => b[1] - a[1]),
  );
}

async function withVite(entry) {
  const { build } = await import("vite");
  const output = await build({
    configFile: false,
    root: path.dirname(entry),
    logLevel: "silent",
    build: {
      write: false,
      minify: true,
      target: "es2022",
      modulePreload: false,
      rollupOptions: { input: entry },
    },
  });
  const outputs = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  return sizeOf(outputs.filter((o) => o.type === "chunk").map((o) => o.code));
}

/** Generates each peer's TensorPool client (clientgen's is the committed one) and bundles both pages. */
export async function bundleSizes({
  toolNames = ["clientgen", "hey-api", "orval"],
  clientgenRoot = repoRoot,
} = {}) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "cg-bundle-"));
  const spec = path.join(clientgenRoot, "specs/tensorpool.yaml");
  const results = {};
  try {
    for (const name of toolNames) {
      const out = `${name}-client`;
      const outDir = path.join(tmp, out);
      let fn = CLIENTGEN_METHOD;
      if (name === "clientgen") {
        // The committed client (`generate --check` keeps it current): the spec plus its overlays.
        cpSync(path.join(clientgenRoot, "generated/tensorpool"), outDir, { recursive: true });
      } else {
        const tool = tools.find((t) => t.name === name);
        mkdirSync(outDir, { recursive: true });
        const { cmd, args } = tool.command(spec, outDir);
        const r = await measure(cmd, args, { cwd: tmp });
        fn = r.ok ? exportedFunction(outDir) : undefined;
        if (!r.ok || fn === undefined) {
          results[name] = { error: r.ok ? `no exported function for ${OPERATION_ID}` : r.error };
          continue;
        }
      }
      const sources = pages[name](out, fn);
      results[name] = { operation: fn };
      for (const [page, source] of Object.entries(sources)) {
        const entry = path.join(tmp, `${name}-${page}.ts`);
        writeFileSync(entry, source);
        results[name][page] = {};
        for (const [bundler, bundle] of [
          ["esbuild", withEsbuild],
          ["vite", withVite],
        ]) {
          try {
            results[name][page][bundler] = await bundle(entry);
          } catch (error) {
            results[name][page][bundler] = {
              error: String(error?.message ?? error)
                .split("\n")[0]
                .slice(0, 200),
            };
          }
        }
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      tools: { type: "string", default: "clientgen,hey-api,orval" },
      "clientgen-root": { type: "string", default: path.resolve(here, "../..") },
    },
  });
  const results = await bundleSizes({
    toolNames: values.tools.split(","),
    clientgenRoot: values["clientgen-root"],
  });
  process.stdout.write(`${JSON.stringify(results)}\n`);
}
