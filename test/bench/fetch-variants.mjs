// Attribution for the runtime-overhead benchmark: bare fetch against the same local server, adding
// one thing at a time of what the generated client's attempt does (init shape, headers, redirect
// mode, signal, body reading, header look-ups). Client CPU µs per request (median of alternating
// rounds) and the difference to plain bare fetch. Not part of `npm run bench`.
//
//   node test/bench/fetch-variants.mjs [--requests 300] [--rounds 15] [--concurrency 1]
//     [--only "variant|variant"]  (bare is always measured: every figure is a difference to it)
//     [--data-url] [--construct]  (see below)
import { spawn } from "node:child_process";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "300" },
    rounds: { type: "string", default: "15" },
    concurrency: { type: "string", default: "1" },
    only: { type: "string" },
    construct: { type: "boolean", default: false },
    "data-url": { type: "boolean", default: false },
  },
});

// The client's timeout windows: one controller shared by up to 16 attempts (signals.ts). One
// signal kept for ever would pile up undici's listeners on it until GC and cost more and more.
let windowJoins = 0;
let windowSignal;
function sharedSignal() {
  if (windowJoins++ % 16 === 0) windowSignal = new AbortController().signal;
  return windowSignal;
}

// --construct: only what fetch's `new Request(url, init)` costs per variant of init, no network.
// Far steadier than the loopback figures on a loaded machine (no server, no sockets, no I/O wait).
if (values.construct) {
  const target = "http://127.0.0.1:1/things/thing_1";
  const inits = {
    none: undefined,
    "{ method }": { method: "GET" },
    "{ headers: record }": { headers: { accept: "application/json" } },
    "{ headers: Headers }": () => ({ headers: new Headers({ accept: "application/json" }) }),
    '{ redirect: "manual" }': { redirect: "manual" },
    "client init, no signal": {
      method: "GET",
      headers: { accept: "application/json" },
      body: undefined,
      redirect: "manual",
    },
    "signal per call": () => ({ signal: new AbortController().signal }),
    "signal per 16 calls": () => ({ signal: sharedSignal() }),
    "client init + signal per 16": () => ({
      method: "GET",
      headers: { accept: "application/json" },
      body: undefined,
      signal: sharedSignal(),
      redirect: "manual",
    }),
  };
  const build = (init) =>
    typeof init === "function"
      ? () => new Request(target, init())
      : () => new Request(target, init);
  const calls = Object.fromEntries(Object.entries(inits).map(([n, init]) => [n, build(init)]));
  const perCall = 20_000;
  const cpu = Object.fromEntries(Object.keys(calls).map((n) => [n, []]));
  for (const call of Object.values(calls)) for (let i = 0; i < perCall; i++) call();
  for (let round = 0; round < Number(values.rounds); round++)
    for (const [name, call] of Object.entries(calls)) {
      const before = process.cpuUsage();
      for (let i = 0; i < perCall; i++) call();
      const used = process.cpuUsage(before);
      cpu[name].push((used.user + used.system) / perCall);
      await new Promise((resolve) => setImmediate(resolve));
    }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const none = median(cpu.none);
  console.table(
    Object.keys(calls).map((n) => ({
      init: n,
      cpuUs: +median(cpu[n]).toFixed(2),
      cpuDiffUs: +(median(cpu[n]) - none).toFixed(2),
    })),
  );
  process.exit(0);
}

// --data-url: the same body from a data: URL, so fetch runs without sockets or a server: what is
// left is undici's own work per call, steady enough to see a few µs on a loaded machine.
const body = JSON.stringify({ id: "thing_1", name: "A thing", count: 3, tags: ["a", "b"] });
const dataUrl = `data:application/json,${encodeURIComponent(body)}`;
const server = values["data-url"]
  ? undefined
  : spawn(process.execPath, [path.join(here, "runtime-overhead.mjs"), "--server"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
const port =
  server &&
  (await new Promise((resolve) =>
    server.stdout.once("data", (d) => resolve(Number(String(d).trim()))),
  ));
const base = `http://127.0.0.1:${port}`;
const url = server ? (id) => `${base}/things/${encodeURIComponent(id)}` : () => dataUrl;
const accept = { accept: "application/json" };

async function json(res) {
  if (!res.ok) throw new Error(String(res.status));
  return res.json();
}

const variants = {
  bare: async (id) => json(await fetch(url(id))),
  "init {method}": async (id) => json(await fetch(url(id), { method: "GET" })),
  "init full, no signal": async (id) =>
    json(
      await fetch(url(id), {
        method: "GET",
        headers: { accept: "application/json" },
        body: undefined,
        signal: undefined,
        redirect: "manual",
      }),
    ),
  "headers record": async (id) => json(await fetch(url(id), { headers: accept })),
  "headers Headers": async (id) => json(await fetch(url(id), { headers: new Headers(accept) })),
  "redirect manual": async (id) => json(await fetch(url(id), { redirect: "manual" })),
  "signal per 16 calls": async (id) => json(await fetch(url(id), { signal: sharedSignal() })),
  "signal per call": async (id) =>
    json(await fetch(url(id), { signal: new AbortController().signal })),
  "text + JSON.parse": async (id) => {
    const res = await fetch(url(id));
    if (!res.ok) throw new Error(String(res.status));
    return JSON.parse(await res.text());
  },
  "arrayBuffer + decode": async (id) => {
    const res = await fetch(url(id));
    return JSON.parse(new TextDecoder().decode(await res.arrayBuffer()));
  },
  "reader loop": async (id) => {
    const res = await fetch(url(id));
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let text = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    return JSON.parse(text + decoder.decode());
  },
  "2 header gets": async (id) => {
    const res = await fetch(url(id));
    res.headers.get("content-encoding");
    res.headers.get("content-length");
    return json(res);
  },
  "headers iterate": async (id) => {
    const res = await fetch(url(id));
    for (const _ of res.headers);
    return json(res);
  },
  "body?.cancel check": async (id) => {
    const res = await fetch(url(id));
    if (res.body === null) throw new Error("no body");
    return json(res);
  },
  "clone()": async (id) => {
    const res = await fetch(url(id));
    res.clone();
    return json(res);
  },
  "client-like": async (id) => {
    const res = await fetch(url(id), {
      method: "GET",
      headers: { accept: "application/json" },
      body: undefined,
      signal: sharedSignal(),
      redirect: "manual",
    });
    res.headers.get("content-encoding");
    res.headers.get("content-length");
    if (res.body === null) throw new Error("no body");
    return JSON.parse(await res.text());
  },
};

async function drive(call, requests, concurrency) {
  let next = 0;
  const worker = async () => {
    while (next < requests) await call(`thing_${next++}`);
  };
  const before = process.cpuUsage();
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallUs = Number(process.hrtime.bigint() - started) / 1e3 / requests;
  const used = process.cpuUsage(before);
  return { wallUs, cpuUs: (used.user + used.system) / requests };
}

try {
  const names = Object.keys(variants).filter(
    (n) => !values.only || n === "bare" || values.only.split("|").includes(n),
  );
  const requests = Number(values.requests);
  const concurrency = Number(values.concurrency);
  for (const name of names) await drive(variants[name], 300, concurrency);
  const cpu = Object.fromEntries(names.map((n) => [n, []]));
  const wall = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < Number(values.rounds); round++)
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      const got = await drive(variants[name], requests, concurrency);
      cpu[name].push(got.cpuUs);
      wall[name].push(got.wallUs);
    }
  const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const bareCpu = med(cpu.bare);
  const bareWall = med(wall.bare);
  const rows = names.map((n) => ({
    variant: n,
    cpuUs: +med(cpu[n]).toFixed(1),
    cpuDiffUs: +(med(cpu[n]) - bareCpu).toFixed(1),
    wallUs: +med(wall[n]).toFixed(1),
    wallDiffUs: +(med(wall[n]) - bareWall).toFixed(1),
  }));
  console.table(rows);
} finally {
  server?.kill();
}
