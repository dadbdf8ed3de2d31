// Hostile spec text (test/fixtures/hostile/): comment closers, quotes, backticks, `${`, every
// kind of line break, NUL, bidi-free but weird unicode, Handlebars delimiters, `__proto__` and
// reserved words as names, non-identifier `x-name`s. The generated folder must (a) compile alone,
// (b) bundle, import and work against a local server without running any spec text, and (c)
// contain no line that starts with an injected statement.
import { createServer, type IncomingMessage, type Server } from "node:http";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generate, type GenerateResult } from "../../generator/pipeline.js";
import { compileAlone } from "../types/compile.js";

const spec = "test/fixtures/hostile/hostile.yaml";
const overlay = "test/fixtures/hostile/hostile.overlay.yaml";
const tmp = mkdtempSync(path.join(os.tmpdir(), "clientgen-hostile-"));
const dir = path.join(tmp, "client");
let result: GenerateResult;

interface Seen {
  headers: IncomingMessage["headers"];
  method: string;
  url: string;
}
const seen: Seen[] = [];
let server: Server;
let baseUrl = "";

beforeAll(async () => {
  result = await generate({ overlays: [overlay], spec });
  for (const file of result.files) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.text);
  }
  server = createServer((req, res) => {
    seen.push({ headers: req.headers, method: req.method ?? "", url: req.url ?? "" });
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname.startsWith("/things/") && req.method === "GET") {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ status: "done", constructor: "c", __proto__x: 1 }));
    } else if (req.method === "POST") {
      res.writeHead(202, { "content-type": "application/json" }).end('{"id":"job-1"}');
    } else if (url.pathname.startsWith("/payload/")) {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify("*/ globalThis.__pwned = 1; /*"));
    } else {
      res.writeHead(204).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(tmp, { recursive: true, force: true });
  delete (globalThis as { __pwned?: unknown }).__pwned;
});

describe("hostile spec", () => {
  it("generates, with warnings only", () => {
    expect(result.files.length).toBeGreaterThan(5);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("(a) the folder compiles alone under tsc --strict", async () => {
    const compiled = await compileAlone({ client: dir });
    expect(compiled.output).toBe("");
    expect(compiled.ok).toBe(true);
  });

  it("(c) no spec text became code: no line starts with an injected statement", () => {
    for (const file of result.files) {
      const lines = file.text.split(/\r\n|\r|\n|\u2028|\u2029/);
      const injected = lines.filter((line) =>
        /^\s*(globalThis\.__pwned|process\.exit|<\/script>)/.test(line),
      );
      expect(injected, file.path).toEqual([]);
    }
  });

  it("(c) output is plain text: no NUL or other control characters, no raw bidi controls or separators", () => {
    for (const file of result.files) {
      expect(file.text, file.path).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
      expect(file.text, file.path).not.toMatch(/[\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      expect(file.text.includes("\r"), file.path).toBe(false);
    }
  });

  it("(c) non-identifier x-name values are made identifiers", () => {
    // The client's methods are declared by the standalone functions (client.ts derives them).
    const text = (name: string) => result.files.find((f) => f.path === name)!.text;
    const client = `${text("client.ts")}\n${text("functions.ts")}`;
    expect(client).not.toContain("interface X");
    expect(client).toMatch(/\bgetThing\w*interfaceX\(/i);
    expect(client).toMatch(/\bprocess_?exit7\(/i);
  });

  it("(b) bundles, imports without running spec text, and calls reach a local server", async () => {
    const out = path.join(tmp, "bundle");
    await build({
      bundle: true,
      entryPoints: {
        index: path.join(dir, "index.ts"),
        operations: path.join(dir, "operations.ts"),
      },
      format: "esm",
      logLevel: "silent",
      outdir: out,
      outExtension: { ".js": ".mjs" },
      platform: "neutral",
    });
    const canary = globalThis as { __pwned?: unknown };
    delete canary.__pwned;
    const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`process.exit(${code}) called by generated code`);
    });
    try {
      const index = (await import(pathToFileURL(path.join(out, "index.mjs")).href)) as Record<
        string,
        unknown
      >;
      const operations = (await import(
        pathToFileURL(path.join(out, "operations.mjs")).href
      )) as Record<string, unknown>;
      const factoryName = Object.keys(index).find((k) => /^create\w+Client$/.test(k))!;
      const client = (index[factoryName] as (o: object) => Record<string, unknown>)({
        baseUrl,
        retry: { maxRetries: 0 },
      });

      // A poller's `until` targets keep `__proto__` as a key, not as the prototype.
      const targets = Object.entries(operations).find(([k]) => /targets/i.test(k))?.[1] as object;
      expect(Object.getPrototypeOf(targets)).toBe(Object.prototype);
      expect(Object.keys(targets).sort()).toEqual([
        "*/ globalThis.__pwned = 1; /*",
        "__proto__",
        "constructor",
      ]);

      const args: Record<string, unknown> = {
        id: "a/b c",
        "a\"b'c": "p1",
        "`x`": "p2",
        q: "hello",
        "*/ globalThis.__pwned = 1; /*": "*/",
        "${globalThis.__pwned = 1}": "${x}",
        body: {},
      };
      const methods = Object.keys(client).filter(
        (k) => typeof client[k] === "function" && !/^(poll|waitFor|resumePoller)|AndWait$/.test(k),
      );
      expect(methods.length).toBeGreaterThan(30);
      for (const name of methods) {
        // Some calls fail by design (TRACE is forbidden by fetch); none may run spec text.
        await (client[name] as (a: object) => Promise<unknown>)(args).catch(() => undefined);
      }
      const get = seen.find((s) => s.method === "GET" && s.url.startsWith("/things/"));
      expect(get).toBeDefined();
      const url = new URL(get!.url, baseUrl);
      expect(url.pathname).toBe("/things/a%2Fb%20c");
      expect(url.searchParams.get("q")).toBe("hello");
      expect(url.searchParams.get("*/ globalThis.__pwned = 1; /*")).toBe("*/");
      expect(url.searchParams.get("${globalThis.__pwned = 1}")).toBe("${x}");
      // Parameters named after Object.prototype members are covered by known-bugs.test.ts.
      const weird = seen.find((s) => s.url.startsWith("/weird/"));
      expect(weird?.url).toBe("/weird/p1/p2");
      expect(seen.filter((s) => s.url.startsWith("/payload/")).length).toBe(14);
      expect(canary.__pwned).toBeUndefined();
      expect(exit).not.toHaveBeenCalled();
    } finally {
      exit.mockRestore();
    }
  });
});
