// The per-attempt timers must hold a Node process open exactly while a request runs: a script
// that made its calls exits at once (not a timeout later), and a hung request still times out.
// Runs the built runtime (dist/runtime, from `npm run build`) in a child process.
import { execFile } from "node:child_process";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const transportUrl = pathToFileURL(path.resolve("dist/runtime/transport.js")).href;

function runScript(body: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const script = `import { Transport } from ${JSON.stringify(transportUrl)};\n${body}`;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--input-type=module", "-e", script],
      { timeout: 30_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number((error as { code?: unknown }).code ?? -1) : 0,
          stdout,
          stderr,
        }),
    );
  });
}

const op = `{ id: "getThing", method: "GET", path: "/thing", params: [], responses: [{ status: "200", kind: "json" }], auth: [], isIdempotent: true }`;

describe("per-attempt timers and the Node process", () => {
  it("a script exits as soon as its requests are done, long before the timeout", async () => {
    const run = await runScript(`
      import { createServer } from "node:http";
      const server = createServer((req, res) => res.writeHead(200, { "content-type": "application/json", connection: "close" }).end('{"ok":true}'));
      await new Promise((r) => server.listen(0, "127.0.0.1", r));
      const transport = new Transport({ timeoutMs: 600_000 }, { baseUrl: "http://127.0.0.1:" + server.address().port });
      const started = Date.now();
      console.log(JSON.stringify(await Promise.all([transport.request(${op}), transport.request(${op})])));
      server.close();
      process.on("exit", () => console.log(Date.now() - started < 20_000 ? "exited promptly" : "held open"));
    `);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe('[{"ok":true},{"ok":true}]\nexited promptly\n');
  });

  it("a hung request keeps the process alive until its timeout, then fails with TimeoutError", async () => {
    const run = await runScript(`
      // A fetch that only ever settles through its signal, and holds no handle of its own.
      const fetch = (url, init) => new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(init.signal.reason)));
      const transport = new Transport({ fetch, timeoutMs: 300, retry: { maxRetries: 0 } }, { baseUrl: "http://127.0.0.1:9" });
      await transport.request(${op}).catch((error) => console.log(error.name));
    `);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("TimeoutError\n");
  });
});
