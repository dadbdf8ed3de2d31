// Per-request cost of the generated client against bare fetch (and openapi-fetch as a reference),
// on loopback: a node:http server in a child process returns a small JSON body, always 200 (so
// retries never fire). Prints one JSON object on stdout.
//
// On a shared machine a whole-run median moves by more than the 5% it judges, so samples are
// short blocks, contestants alternate inside every round, and the overhead is the median of the
// per-round ratios (clientgen's block over the bare-fetch block next to it). Each sample also
// records the client process's CPU time per request (the server runs in its own process), which
// other load disturbs much less than wall time. Last, the runtime's own cost: the same call over a
// stub fetch that answers at once, in CPU µs, with the default options and with each feature on.
//
//   node test/bench/runtime-overhead.mjs [--requests 250] [--rounds 30] [--clientgen-root <dir>]
//     [--own-only]  (only the stub-fetch own CPU: no server, seconds instead of minutes)
//     [--instructions [--from 4000] [--to 12000]]  (not run by `npm run bench`: about 15 minutes)
//
// --instructions counts what wall time on a shared machine cannot resolve: the client process's
// instructions per request under `valgrind --tool=callgrind`, for bare fetch, clientgen and
// openapi-fetch. Each contestant runs `from` and then `to` sequential requests in two processes;
// the difference over `to - from` is the steady state (JIT warm-up and start-up cancel out).
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const here = path.dirname(fileURLToPath(import.meta.url));
const body = JSON.stringify({ id: "thing_1", name: "A thing", count: 3, tags: ["a", "b"] });

if (process.argv[2] === "--count") {
  // Child of --instructions, run under valgrind: `--count <contestant> <bundle> <baseUrl> <n>`.
  const [name, bundle, baseUrl, n] = process.argv.slice(3);
  const call = (await contestantsOf(baseUrl, bundle))[name];
  for (let i = 0; i < Number(n); i++) await call(`thing_${i}`);
} else if (process.argv[2] === "--server") {
  const server = http.createServer((req, res) => {
    res.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
} else {
  const { values } = parseArgs({
    options: {
      requests: { type: "string", default: "250" },
      rounds: { type: "string", default: "30" },
      "clientgen-root": { type: "string", default: path.resolve(here, "../..") },
      "own-only": { type: "boolean", default: false },
      instructions: { type: "boolean", default: false },
      from: { type: "string", default: "4000" },
      to: { type: "string", default: "12000" },
    },
  });
  const result = values["own-only"]
    ? await runOwnOnly(values["clientgen-root"])
    : values.instructions
      ? await countInstructions(Number(values.from), Number(values.to), values["clientgen-root"])
      : await run(Number(values.requests), Number(values.rounds), values["clientgen-root"]);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** The loopback server in its own process, and its base URL. */
async function startServer() {
  const server = spawn(process.execPath, [fileURLToPath(import.meta.url), "--server"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise((resolve, reject) => {
    server.stdout.once("data", (d) => resolve(Number(String(d).trim())));
    server.once("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
  return { server, baseUrl: `http://127.0.0.1:${port}` };
}

async function run(requests, rounds, clientgenRoot) {
  const { server, baseUrl } = await startServer();
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
    const cpu = {};
    const paired = {};
    for (const mode of Object.keys(modes))
      for (const name of Object.keys(contestants)) {
        samples[`${mode}|${name}`] = [];
        cpu[`${mode}|${name}`] = [];
        paired[`${mode}|${name}`] = [];
      }
    // Warm-up: JIT, sockets, keep-alive pool.
    for (const [mode, concurrency] of Object.entries(modes))
      for (const call of Object.values(contestants)) await drive(call, 500, concurrency);
    const names = Object.keys(contestants);
    for (let round = 0; round < rounds; round++) {
      // Rotate the order each round so no contestant always runs first.
      const order = names.map((_, i) => names[(i + round) % names.length]);
      for (const [mode, concurrency] of Object.entries(modes)) {
        const got = {};
        for (const name of order) got[name] = await drive(contestants[name], requests, concurrency);
        for (const name of names) {
          samples[`${mode}|${name}`].push(got[name].wallUs);
          cpu[`${mode}|${name}`].push(got[name].cpuUs);
          paired[`${mode}|${name}`].push(got[name].wallUs / got["bare fetch"].wallUs);
        }
      }
    }
    const own = await ownCost(tmp);
    return { requests, rounds, node: process.version, samples, cpu, paired, own };
  } finally {
    server.kill();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The stub-fetch own CPU alone (see ownCost). */
async function runOwnOnly(clientgenRoot) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "cg-runtime-"));
  try {
    await load("http://127.0.0.1:1", tmp, clientgenRoot);
    return { node: process.version, own: await ownCost(tmp) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Wall and client-process CPU microseconds per request over `requests` calls with `concurrency` in flight. */
async function drive(call, requests, concurrency) {
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      const id = `thing_${next++}`;
      await call(id);
    }
  };
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallUs = Number(process.hrtime.bigint() - started) / 1e3 / requests;
  const used = process.cpuUsage(cpuBefore);
  return { wallUs, cpuUs: (used.user + used.system) / requests };
}

/**
 * The runtime's own CPU per call, without the network: a stub fetch answers a ready response
 * object, and bare fetch's share (the stub plus its `json()`) is subtracted. Median of alternating
 * rounds. "default" has retries and a 60 s timeout available but unused; the others turn one on.
 */
async function ownCost(tmp) {
  const { createBenchClient } = await import(pathToFileURL(path.join(tmp, "client.mjs")).href);
  const headers = new Headers({
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(body)),
  });
  const response = {
    status: 200,
    ok: true,
    statusText: "OK",
    headers,
    body: {},
    text: async () => body,
    json: async () => JSON.parse(body),
  };
  const stub = async () => response;
  const base = "http://127.0.0.1:1";
  const variants = {
    "bare fetch": async (id) => (await stub(`${base}/things/${encodeURIComponent(id)}`, {})).json(),
    default: createBenchClient({ baseUrl: base, fetch: stub }),
    "60 s timeout": createBenchClient({ baseUrl: base, fetch: stub, timeoutMs: 60_000 }),
    "caller signal": createBenchClient({ baseUrl: base, fetch: stub }),
    hooks: createBenchClient({
      baseUrl: base,
      fetch: stub,
      onRequest: () => {},
      onResponse: () => {},
    }),
    "api key": createBenchClient({ baseUrl: base, fetch: stub, apiKey: "key-123456" }),
  };
  const signal = new AbortController().signal;
  const calls = Object.fromEntries(
    Object.entries(variants).map(([name, v]) => [
      name,
      typeof v === "function"
        ? v
        : name === "caller signal"
          ? (id) => v.getThing({ id }, { signal })
          : (id) => v.getThing({ id }),
    ]),
  );
  const cpuUs = Object.fromEntries(Object.keys(calls).map((name) => [name, []]));
  const names = Object.keys(calls);
  for (const call of Object.values(calls)) await drive(call, 20_000, 1);
  for (let round = 0; round < 15; round++)
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      cpuUs[name].push((await drive(calls[name], 10_000, 1)).cpuUs);
    }
  const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const bare = med(cpuUs["bare fetch"]);
  return Object.fromEntries(
    names.filter((n) => n !== "bare fetch").map((n) => [n, Math.max(0, med(cpuUs[n]) - bare)]),
  );
}

async function load(baseUrl, tmp, clientgenRoot) {
  return contestantsOf(baseUrl, await buildBundle(tmp, clientgenRoot));
}

/** The generated client: clientgen output for fixtures/runtime-api.yaml, bundled to one ESM file. */
async function buildBundle(tmp, clientgenRoot) {
  const out = path.join(tmp, "client");
  execFileSync(
    process.execPath,
    [
      path.join(clientgenRoot, "bin/clientgen.mjs"),
      "generate",
      "--spec",
      path.join(here, "fixtures/runtime-api.yaml"),
      "--out",
      out,
      "--name",
      "Bench",
    ],
    { cwd: tmp, stdio: ["ignore", "ignore", "inherit"] },
  );
  const esbuild = await import("esbuild");
  const bundle = path.join(tmp, "client.mjs");
  await esbuild.build({
    entryPoints: [path.join(out, "index.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    outfile: bundle,
    logLevel: "warning",
  });
  return bundle;
}

async function contestantsOf(baseUrl, bundle) {
  const { createBenchClient } = await import(pathToFileURL(bundle).href);
  const generated = createBenchClient({ baseUrl });
  // The same client with a per-attempt timeout (none by default): what the timeout's signal costs
  // inside fetch (undici links every request to it), apart from the runtime's own work.
  const timed = createBenchClient({ baseUrl, timeoutMs: 60_000 });

  const { default: createClient } = await import("openapi-fetch");
  const openapiFetch = createClient({ baseUrl });

  return {
    // The same request on the wire as the client's (it sends Accept: application/json; fetch
    // would add "accept: */*" otherwise), the same status check and the same JSON parse.
    "bare fetch": async (id) => {
      const res = await fetch(`${baseUrl}/things/${encodeURIComponent(id)}`, {
        headers: { accept: "application/json" },
      });
      if (!res.ok) throw new Error(String(res.status));
      return res.json();
    },
    clientgen: (id) => generated.getThing({ id }),
    "clientgen, 60 s timeout": (id) => timed.getThing({ id }),
    "openapi-fetch": async (id) =>
      (await openapiFetch.GET("/things/{id}", { params: { path: { id } } })).data,
  };
}

/**
 * Client-process instructions per request (callgrind), steady state: the difference between a
 * run of `to` and a run of `from` sequential requests, over `to - from`. Instruction counts do not
 * move with other load, but JIT and GC timing still moved each count by 3-5% between runs
 * (two runs of the same client: +6.0% and +3.1% over bare fetch).
 */
async function countInstructions(from, to, clientgenRoot) {
  const { server, baseUrl } = await startServer();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "cg-runtime-"));
  try {
    const bundle = await buildBundle(tmp, clientgenRoot);
    const collected = (name, n) => {
      const run = spawnSync(
        "valgrind",
        ["--tool=callgrind", "--callgrind-out-file=/dev/null", process.execPath].concat([
          fileURLToPath(import.meta.url),
          "--count",
          name,
          bundle,
          baseUrl,
          String(n),
        ]),
        { encoding: "utf8" },
      );
      const total = /Collected : (\d+)/.exec(run.stderr ?? "")?.[1];
      if (run.status !== 0 || !total)
        throw new Error(`valgrind ${name} ${n}: ${run.error?.message ?? run.stderr.slice(-300)}`);
      return Number(total);
    };
    const perRequest = {};
    for (const name of ["bare fetch", "clientgen", "openapi-fetch"])
      perRequest[name] = Math.round((collected(name, to) - collected(name, from)) / (to - from));
    return { node: process.version, from, to, instructionsPerRequest: perRequest };
  } finally {
    server.kill();
    rmSync(tmp, { recursive: true, force: true });
  }
}
