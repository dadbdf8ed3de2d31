// Per-request cost of the generated client against bare fetch (and openapi-fetch as a reference),
// on loopback: a node:http server in a child process returns a small JSON body, always 200 (so
// retries never fire). Prints one JSON object on stdout.
//
//   node test/bench/runtime-overhead.mjs [--requests 2000] [--rounds 5] [--clientgen-root <dir>]
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const here = path.dirname(fileURLToPath(import.meta.url));
const body = JSON.stringify({ id: "thing_1", name: "A thing", count: 3, tags: ["a", "b"] });

if (process.argv[2] === "--server") {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
} else {
  const { values } = parseArgs({
    options: {
      requests: { type: "string", default: "2000" },
      rounds: { type: "string", default: "5" },
      "clientgen-root": { type: "string", default: path.resolve(here, "../..") },
    },
  });
  const result = await run(Number(values.requests), Number(values.rounds), values["clientgen-root"]);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function run(requests, rounds, clientgenRoot) {
  const server = spawn(process.execPath, [fileURLToPath(import.meta.url), "--server"], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise((resolve, reject) => {
    server.stdout.once("data", (d) => resolve(Number(String(d).trim())));
    server.once("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const tmp = mkdtempSync(path.join(os.tmpdir(), "cg-runtime-"));
  try {
    const contestants = await load(baseUrl, tmp, clientgenRoot);
    // Check every contestant gets the same body before timing anything.
    for (const [name, call] of Object.entries(contestants)) {
      const got = await call("thing_1");
      if (got?.name !== "A thing") throw new Error(`${name} returned ${JSON.stringify(got)}`);
    }
    const modes = { sequential: 1, "16 in flight": 16 };
    const samples = {};
    for (const mode of Object.keys(modes)) for (const name of Object.keys(contestants)) samples[`${mode}|${name}`] = [];
    // Warm-up: JIT, sockets, keep-alive pool.
    for (const [mode, concurrency] of Object.entries(modes))
      for (const call of Object.values(contestants)) await drive(call, Math.min(500, requests), concurrency);
    const names = Object.keys(contestants);
    for (let round = 0; round < rounds; round++) {
      // Rotate the order each round so no contestant always runs first.
      const order = names.map((_, i) => names[(i + round) % names.length]);
      for (const [mode, concurrency] of Object.entries(modes))
        for (const name of order) samples[`${mode}|${name}`].push(await drive(contestants[name], requests, concurrency));
    }
    return { requests, rounds, node: process.version, samples };
  } finally {
    server.kill();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Microseconds per request over `requests` calls with `concurrency` in flight. */
async function drive(call, requests, concurrency) {
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      const id = `thing_${next++}`;
      await call(id);
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return Number(process.hrtime.bigint() - started) / 1e3 / requests;
}

async function load(baseUrl, tmp, clientgenRoot) {
  // The generated client: clientgen output for fixtures/runtime-api.yaml, bundled to one ESM file.
  const out = path.join(tmp, "client");
  execFileSync(
    process.execPath,
    [path.join(clientgenRoot, "bin/clientgen.mjs"), "generate", "--spec", path.join(here, "fixtures/runtime-api.yaml"), "--out", out, "--name", "Bench"],
    { cwd: tmp, stdio: ["ignore", "ignore", "inherit"] },
  );
  const esbuild = await import("esbuild");
  const bundle = path.join(tmp, "client.mjs");
  await esbuild.build({ entryPoints: [path.join(out, "index.ts")], bundle: true, format: "esm", platform: "neutral", outfile: bundle, logLevel: "warning" });
  const { createBenchClient } = await import(pathToFileURL(bundle).href);
  const generated = createBenchClient({ baseUrl });

  const { default: createClient } = await import("openapi-fetch");
  const openapiFetch = createClient({ baseUrl });

  return {
    "bare fetch": async (id) => {
      const res = await fetch(`${baseUrl}/things/${encodeURIComponent(id)}`);
      if (!res.ok) throw new Error(String(res.status));
      return res.json();
    },
    clientgen: (id) => generated.getThing({ id }),
    "openapi-fetch": async (id) => (await openapiFetch.GET("/things/{id}", { params: { path: { id } } })).data,
  };
}
