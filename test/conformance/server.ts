// Starts Microsoft's AutoRest test server (npm @microsoft.azure/autorest.testserver) on 127.0.0.1
// with a fresh coverage directory, and reads its coverage reports (scenario name -> times the
// server saw the client do it right).
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { freePort } from "../contract/prism.js";

const packageDir = path.resolve("node_modules/@microsoft.azure/autorest.testserver");
const cli = path.join(packageDir, "dist/cli/cli.js");
const loopback = path.resolve("test/conformance/loopback.cjs");

/** Coverage categories the server writes (report-<category>.json). */
export const categories = ["vanilla", "azure", "optional"] as const;

export interface TestServer {
  readonly url: string;
  /** The server's swagger folder (the documents we generate from, unmodified). */
  readonly swaggerDir: string;
  coverage(): Promise<Map<string, number>>;
  log(): string;
  stop(): Promise<void>;
}

export async function startTestServer(startTimeoutMs = 30_000): Promise<TestServer> {
  const port = await freePort();
  const coverageDir = await mkdtemp(path.join(tmpdir(), "autorest-coverage-"));
  const child = spawn(
    process.execPath,
    ["-r", loopback, cli, "run", "--port", String(port), "--coverageDirectory", coverageDir],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on("data", append);
  child.stderr.on("data", append);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, startTimeoutMs, () => output, exited);
  return {
    url,
    swaggerDir: path.join(packageDir, "swagger"),
    async coverage() {
      // The server's in-memory counts (GET /report/<category>): its report files are written by
      // concurrent async writes, so a file read right after the run can hold an older snapshot.
      const all = new Map<string, number>();
      for (const category of categories) {
        const response = await fetch(`${url}/report/${category}`);
        const counts = (await response.json()) as Record<string, number>;
        for (const [name, count] of Object.entries(counts)) {
          all.set(name, (all.get(name) ?? 0) + count);
        }
      }
      return all;
    },
    log: () => output,
    async stop() {
      if (child.exitCode === null) child.kill();
      await exited;
      await rm(coverageDir, { recursive: true, force: true });
    },
  };
}

async function waitUntilUp(
  url: string,
  timeoutMs: number,
  log: () => string,
  exited: Promise<void>,
): Promise<void> {
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !hasExited) {
    if (log().includes("Started server")) {
      try {
        await fetch(`${url}/`); // the home page: no scenario counted
        return;
      } catch {
        // not accepting yet
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`AutoRest test server did not start on ${url}:\n${log()}`);
}
