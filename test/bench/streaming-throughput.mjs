// Streaming throughput of a generated client's EventStream against bare fetch + a hand-written SSE
// loop (split on blank lines, take `data:`, JSON.parse): events/s and MB/s on loopback, the
// server in a child process sending the same SSE body each time. Prints one JSON object on stdout.
// As in runtime-overhead.mjs, the verdict is paired (each round's clientgen sample against that
// round's bare sample) and each sample also records the client process's CPU per event, which
// other load on a shared machine disturbs much less than wall time.
//
//   node test/bench/streaming-throughput.mjs [--mb 32] [--rounds 5] [--clientgen-root <dir>]
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const here = path.dirname(fileURLToPath(import.meta.url));

if (process.argv[2] === "--server") {
  const megabytes = Number(process.argv[3]);
  // One chunk of 256 events, written until the body holds `megabytes` MB.
  const events = Array.from(
    { length: 256 },
    (_, i) => `data: {"seq":${i},"delta":"${"x".repeat(180)}"}\n\n`,
  ).join("");
  const chunk = Buffer.from(events);
  const chunks = Math.ceil((megabytes * 1024 * 1024) / chunk.length);
  const server = http.createServer(async (req, res) => {
    res.writeHead(200, {
      "content-type": "text/event-stream",
      "x-events": String(chunks * 256),
      "x-bytes": String(chunks * chunk.length),
    });
    for (let i = 0; i < chunks; i++)
      if (!res.write(chunk)) await new Promise((resolve) => res.once("drain", resolve));
    res.end();
  });
  server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
} else {
  const { values } = parseArgs({
    options: {
      mb: { type: "string", default: "32" },
      rounds: { type: "string", default: "5" },
      "clientgen-root": { type: "string", default: path.resolve(here, "../..") },
    },
  });
  process.stdout.write(
    `${JSON.stringify(await run(Number(values.mb), Number(values.rounds), values["clientgen-root"]))}\n`,
  );
}

async function run(megabytes, rounds, clientgenRoot) {
  const server = spawn(
    process.execPath,
    [fileURLToPath(import.meta.url), "--server", String(megabytes)],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const port = await new Promise((resolve, reject) => {
    server.stdout.once("data", (d) => resolve(Number(String(d).trim())));
    server.once("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const tmp = mkdtempSync(path.join(os.tmpdir(), "cg-streaming-"));
  try {
    const contestants = await load(baseUrl, tmp, clientgenRoot);
    const samples = Object.fromEntries(Object.keys(contestants).map((name) => [name, []]));
    // Warm-up, and a check that every contestant sees every event.
    const want = {};
    for (const [name, consume] of Object.entries(contestants)) {
      const got = await consume();
      want[name] = got;
      if (got.events !== got.expectedEvents)
        throw new Error(`${name} saw ${got.events} of ${got.expectedEvents} events`);
    }
    const names = Object.keys(contestants);
    const paired = Object.fromEntries(names.map((name) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      const got = {};
      for (const name of names.map((_, i) => names[(i + round) % names.length])) {
        const cpuBefore = process.cpuUsage();
        const started = process.hrtime.bigint();
        const result = await contestants[name]();
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const used = process.cpuUsage(cpuBefore);
        got[name] = {
          eventsPerS: result.events / seconds,
          mbPerS: result.bytes / 1024 / 1024 / seconds,
          cpuUsPerEvent: (used.user + used.system) / result.events,
        };
        samples[name].push(got[name]);
      }
      for (const name of names) paired[name].push(got[name].eventsPerS / got[names[0]].eventsPerS);
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const summary = Object.fromEntries(
      names.map((name) => [
        name,
        {
          eventsPerS: Math.round(median(samples[name].map((s) => s.eventsPerS))),
          mbPerS: Number(median(samples[name].map((s) => s.mbPerS)).toFixed(1)),
          cpuUsPerEvent: Number(median(samples[name].map((s) => s.cpuUsPerEvent)).toFixed(3)),
          // Events/s over the bare contestant's in the same round, median over rounds.
          pairedRatio: Number(median(paired[name]).toFixed(3)),
        },
      ]),
    );
    return { megabytes, rounds, node: process.version, summary, samples };
  } finally {
    server.kill();
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function load(baseUrl, tmp, clientgenRoot) {
  const out = path.join(tmp, "client");
  execFileSync(
    process.execPath,
    [
      path.join(clientgenRoot, "bin/clientgen.mjs"),
      "generate",
      "--spec",
      path.join(here, "fixtures/streaming-api.yaml"),
      "--out",
      out,
      "--name",
      "StreamBench",
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
  const { createStreamBenchClient } = await import(pathToFileURL(bundle).href);
  const client = createStreamBenchClient({ baseUrl });

  return {
    "bare fetch + hand-written parser": async () => {
      const res = await fetch(`${baseUrl}/events`);
      const decoder = new TextDecoder();
      let rest = "";
      let events = 0;
      let checksum = 0;
      for await (const bytes of res.body) {
        const text = rest + decoder.decode(bytes, { stream: true });
        const blocks = text.split("\n\n");
        rest = blocks.pop();
        for (const block of blocks) {
          const data = block.slice(block.indexOf("data: ") + 6);
          checksum += JSON.parse(data).seq;
          events++;
        }
      }
      return {
        events,
        checksum,
        expectedEvents: Number(res.headers.get("x-events")),
        bytes: Number(res.headers.get("x-bytes")),
      };
    },
    clientgen: async () => {
      const stream = await client.watchEvents();
      let events = 0;
      let checksum = 0;
      for await (const event of stream) {
        checksum += event.seq;
        events++;
      }
      return {
        events,
        checksum,
        expectedEvents: Number(stream.headers.get("x-events")),
        bytes: Number(stream.headers.get("x-bytes")),
      };
    },
  };
}
