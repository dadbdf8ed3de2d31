// Browser suite: the three generated clients, bundled for the browser by esbuild (platform
// "browser": any import of a Node module fails the build), run in headless Chromium (Debian's
// /usr/bin/chromium driven by playwright-core; no browser download) against a local API on another
// origin behind CORS. Proves that nothing in the output needs Node: a plain call, an error, a
// poller honouring Retry-After (readable only because the API exposes it through CORS),
// pagination across pages, and abort. `npm run test:browser`.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { build } from "esbuild";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { startServers, type Servers } from "./server.js";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const clients: Record<string, string> = {
  tensorpool: "generated/tensorpool/index.ts",
  /** The standalone functions (functions.ts), called with a core from the index. */
  tensorpoolFunctions: "generated/tensorpool/functions.ts",
  tensorone: "generated/tensorone/index.ts",
  operations: "generated/operations/index.ts",
};
/** A client with streaming operations (test/fixtures/streams), generated for this run. */
const streamsDir = mkdtempSync(path.join(os.tmpdir(), "clientgen-browser-streams-"));

let servers: Servers;
let context: BrowserContext;
let page: Page;
let profile: string;
const pageErrors: string[] = [];
let bundleBytes = 0;

/** One IIFE exposing `clientgen.<api>` (each folder's index.ts), built for browsers only. */
async function bundleClients(): Promise<string> {
  const entry = Object.entries(clients)
    .map(([name, file]) => `export * as ${name} from ${JSON.stringify(path.resolve(file))};`)
    .join("\n");
  const result = await build({
    stdin: {
      contents: entry,
      resolveDir: process.cwd(),
      loader: "ts",
      sourcefile: "browser-entry.ts",
    },
    bundle: true,
    write: false,
    format: "iife",
    globalName: "clientgen",
    platform: "browser",
    target: ["chrome120", "firefox120", "safari17"],
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

beforeAll(async () => {
  for (const f of (await generate({ overlays: [], spec: "test/fixtures/streams/streams.yaml" }))
    .files) {
    mkdirSync(path.dirname(path.join(streamsDir, f.path)), { recursive: true });
    writeFileSync(path.join(streamsDir, f.path), f.text);
  }
  clients.streams = path.join(streamsDir, "index.ts");
  if (!existsSync(chromiumPath))
    throw new Error(
      `${chromiumPath} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  const bundle = await bundleClients();
  bundleBytes = bundle.length;
  servers = await startServers(bundle);
  profile = mkdtempSync(path.join(os.tmpdir(), "clientgen-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-default-apps",
      "--disable-extensions",
      "--no-proxy-server",
    ],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
  await page.goto(servers.pageUrl);
  await page.waitForFunction(
    () => typeof (window as unknown as { clientgen?: unknown }).clientgen === "object",
  );
}, 60_000);

afterAll(async () => {
  await context?.close();
  await servers?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  rmSync(streamsDir, { recursive: true, force: true });
});

describe("generated clients in headless Chromium", () => {
  it("load in a page with no Node globals", async () => {
    const globals = await page.evaluate(() => ({
      process: typeof (globalThis as { process?: unknown }).process,
      require: typeof (globalThis as { require?: unknown }).require,
      Buffer: typeof (globalThis as { Buffer?: unknown }).Buffer,
      exports: Object.keys(
        (window as unknown as { clientgen: Record<string, Record<string, unknown>> }).clientgen,
      )
        .map(
          (api) =>
            `${api}:${Object.keys(
              (window as unknown as { clientgen: Record<string, Record<string, unknown>> })
                .clientgen[api],
            )
              .filter((k) => k.startsWith("create"))
              .join(",")}`,
        )
        .sort(),
    }));
    expect(globals).toEqual({
      process: "undefined",
      require: "undefined",
      Buffer: "undefined",
      exports: [
        "operations:createLakeSailClient,createLakeSailCore,createOperationsClient",
        "streams:createStreamsClient,createStreamsCore",
        "tensorone:createTensorOneClient,createTensorOneCore",
        "tensorpool:createTensorPoolClient,createTensorPoolCore",
        "tensorpoolFunctions:createBucket,createCluster,createClusterAndWait,createStorage,createStorageAndWait",
      ],
    });
    expect(bundleBytes).toBeGreaterThan(10_000);
  });

  it("makes a plain cross-origin call", async () => {
    const result = await page.evaluate(async (apiUrl) => {
      const { tensorpool } = (window as any).clientgen;
      const client = tensorpool.createTensorPoolClient({ baseUrl: apiUrl, apiKey: "browser-key" });
      return client.listClusters({});
    }, servers.apiUrl);
    expect(result).toEqual([{ cluster_id: "c-1", status: "running" }]);
  });

  it("makes the same call with a standalone function and the core", async () => {
    const result = await page.evaluate(async (apiUrl) => {
      const { tensorpool, tensorpoolFunctions } = (window as any).clientgen;
      const core = tensorpool.createTensorPoolCore({ baseUrl: apiUrl, apiKey: "browser-key" });
      return tensorpoolFunctions.listClusters(core, {});
    }, servers.apiUrl);
    expect(result).toEqual([{ cluster_id: "c-1", status: "running" }]);
  });

  it("throws a typed error with status, body and the exposed request id", async () => {
    const result = await page.evaluate(async (apiUrl) => {
      const { tensorpool } = (window as any).clientgen;
      const client = tensorpool.createTensorPoolClient({
        baseUrl: apiUrl,
        apiKey: "browser-key",
        retry: { maxRetries: 0 },
      });
      try {
        await client.getRequestInfo({ request_id: "missing" });
        return { thrown: false };
      } catch (error: any) {
        return {
          thrown: true,
          isNotFound: error instanceof tensorpool.NotFoundError,
          isApiError: error instanceof tensorpool.ApiError,
          name: error.name,
          status: error.status,
          body: error.body,
          requestId: error.requestId,
        };
      }
    }, servers.apiUrl);
    expect(result).toEqual({
      thrown: true,
      isNotFound: true,
      isApiError: true,
      name: "NotFoundError",
      status: 404,
      body: { detail: "Request not found" },
      requestId: "req-404",
    });
  });

  it("follows a same-origin redirect of a GET whose only credential is Authorization", async () => {
    const result = await page.evaluate(async (apiUrl) => {
      const { tensorpool } = (window as any).clientgen;
      const client = tensorpool.createTensorPoolClient({ baseUrl: apiUrl, apiKey: "browser-key" });
      return client.getRequestInfo({ request_id: "moved" });
    }, servers.apiUrl);
    expect(result).toEqual({ request_id: "moved-here", status: "COMPLETED" });
    expect(servers.seen.filter((line) => line.startsWith("GET /request/info/moved"))).toEqual([
      "GET /request/info/moved",
      "GET /request/info/moved",
      "GET /request/info/moved-here",
    ]);
  });

  it("polls a long-running operation at the pace of Retry-After (exposed by CORS)", async () => {
    const started = Date.now();
    const result = await page.evaluate(async (apiUrl) => {
      const { tensorpool } = (window as any).clientgen;
      const client = tensorpool.createTensorPoolClient({ baseUrl: apiUrl, apiKey: "browser-key" });
      const progress: unknown[] = [];
      // Without the server's hint the poller would wait 8 s between polls.
      const done = await client.createClusterAndWait(
        { body: { instance_type: "1xH100" } },
        { intervalMs: 8000, onProgress: (message: unknown) => progress.push(message) },
      );
      return { done, progress };
    }, servers.apiUrl);
    const elapsed = Date.now() - started;
    expect(result.done).toMatchObject({
      tracked: true,
      state: { request_id: "op-1", status: "COMPLETED" },
    });
    expect(result.progress).toEqual(["step 1", "step 2"]);
    const times = servers.polls.get("op-1") ?? [];
    expect(times).toHaveLength(3);
    const gaps = times.slice(1).map((time, index) => time - times[index]);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(900);
      expect(gap).toBeLessThan(4000);
    }
    expect(elapsed).toBeLessThan(8000);
  });

  it("iterates every item across pages", async () => {
    const ids = await page.evaluate(async (apiUrl) => {
      const { tensorone } = (window as any).clientgen;
      const client = tensorone.createTensorOneClient({ baseUrl: apiUrl, apiKey: "browser-key" });
      const seen: string[] = [];
      for await (const cluster of client.listClusters({ limit: 2 })) seen.push(cluster.id);
      return seen;
    }, servers.apiUrl);
    expect(ids).toEqual(["cl-1-1", "cl-1-2", "cl-2-1", "cl-2-2", "cl-3-1", "cl-3-2"]);
    const queries = servers.seen
      .filter((line) => line.startsWith("GET /v1/clusters?"))
      .map((line) => Object.fromEntries(new URLSearchParams(line.slice(line.indexOf("?") + 1))));
    expect(queries).toEqual([{ limit: "2" }, { limit: "2", page: "2" }, { limit: "2", page: "3" }]);
  });

  it("aborts a slow call at once with the caller's signal", async () => {
    const result = await page.evaluate(async (apiUrl) => {
      const { tensorone } = (window as any).clientgen;
      const client = tensorone.createTensorOneClient({ baseUrl: apiUrl, apiKey: "browser-key" });
      const controller = new AbortController();
      const started = performance.now();
      setTimeout(() => controller.abort(), 150);
      try {
        await client.getCluster({ cluster_id: "slow" }, { signal: controller.signal });
        return { thrown: false, ms: performance.now() - started };
      } catch (error: any) {
        return { thrown: true, name: error?.name, ms: performance.now() - started };
      }
    }, servers.apiUrl);
    expect(result.thrown).toBe(true);
    expect(result.name).toBe("AbortError");
    expect(result.ms).toBeLessThan(2000);
  });

  it("streams server-sent events split inside a UTF-8 character (fetch body stream)", async () => {
    const result = await page.evaluate(async (apiUrl) => {
      const { streams } = (window as any).clientgen;
      const client = streams.createStreamsClient({ baseUrl: apiUrl });
      const stream = await client.watchEvents();
      const events: unknown[] = [];
      for await (const event of stream) events.push(event);
      return { events, status: stream.status, lastEventId: stream.lastEventId };
    }, servers.apiUrl);
    expect(result).toEqual({
      events: [{ kind: "héllo" }, { kind: "two" }],
      status: 200,
      lastEventId: "2",
    });
  });

  it("runs TensorPool's job workflow over the browser's own WebSocket: push with onCommand, listen to the end", async () => {
    const result = await page.evaluate(async (apiUrl) => {
      const { tensorpool } = (window as any).clientgen;
      const client = tensorpool.createTensorPoolClient({ baseUrl: apiUrl, apiKey: "browser-key" });
      const commands: string[] = [];
      const jobId = await client.pushJob(
        { tp_config: "commands = []", cluster_id: "c-1", system: "Linux" },
        {
          onCommand: async (message: any) => {
            commands.push(message.command);
            return {
              type: "command_result",
              command: message.command,
              exit_code: 0,
              command_stdout: "ok",
              command_stderr: "",
            };
          },
        },
      );
      const lines: string[] = [];
      const listening = client.listenJob(jobId);
      for await (const message of listening) lines.push(`${message.status}: ${message.message}`);
      return { jobId, commands, lines, end: await listening };
    }, servers.apiUrl);
    expect(result).toEqual({
      jobId: "j-browser",
      commands: ["rsync ./ host:/job"],
      lines: ["running: epoch 1", "success: Job completed"],
      end: { status: "success", message: "Job completed" },
    });
    expect(servers.seen.filter((line) => line.startsWith("WS "))).toEqual([
      "WS /job/push",
      "WS /job/listen/j-browser",
    ]);
    expect(servers.received[0][0]).toEqual({ TENSORPOOL_KEY: "browser-key" });
    expect(servers.received[0][2]).toMatchObject({ type: "command_result", exit_code: 0 });
  });

  it("logged no page errors", () => {
    // A CORS refusal or a missing global shows up here (the 404 of the error test is expected).
    expect(pageErrors.filter((line) => !line.includes("404"))).toEqual([]);
  });
});
