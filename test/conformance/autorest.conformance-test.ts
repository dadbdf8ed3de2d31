// `npm run test:conformance`: clients generated from the AutoRest test server's own swaggers
// (unmodified), driven against the server; its coverage report is the judge, beside our checks.
import { execFile } from "node:child_process";
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { driving } from "./args.js";
import { drive, type ArgsFor, type Call } from "./drive.js";
import { knownExceptions } from "./known-exceptions.js";
import { formatTable, rowOf, type SwaggerResult } from "./report.js";
import { scenariosOf, suiteSwaggers } from "./scenarios.js";
import { startTestServer, type TestServer } from "./server.js";

const run = promisify(execFile);
let server: TestServer;
let outDir: string;
const callsBySwagger = new Map<string, Call[]>();
const generationErrors = new Map<string, string>();
/** Swaggers with typed arguments (test/conformance/typed/<name>.ts), copied into their client. */
const typedSwaggers = suiteSwaggers.filter(({ name }) => existsSync(typedSource(name)));

function typedSource(swagger: string): string {
  return path.resolve("test/conformance/typed", `${swagger}.ts`);
}

function typedCopy(swagger: string): string {
  return path.join(outDir, swagger, "conformance-args.ts");
}

beforeAll(async () => {
  server = await startTestServer();
  outDir = await mkdtemp(path.join(tmpdir(), "autorest-clients-"));
  await Promise.all(
    suiteSwaggers.map(async ({ name }) => {
      try {
        await run(process.execPath, [
          "bin/clientgen.mjs",
          "generate",
          "--spec",
          path.join(server.swaggerDir, `${name}.json`),
          "--out",
          path.join(outDir, name),
        ]);
      } catch (error) {
        generationErrors.set(name, String((error as { stderr?: string }).stderr ?? error));
      }
    }),
  );
});

afterAll(async () => {
  await server?.stop();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe.sequential("AutoRest test server", () => {
  // Typed literals, no casts: the generated types must accept what the server wants sent.
  test("typed arguments type-check against the generated clients", async () => {
    for (const { name } of typedSwaggers) {
      expect(generationErrors.get(name)).toBeUndefined();
      await copyFile(typedSource(name), typedCopy(name));
    }
    const files = typedSwaggers.map(({ name }) => typedCopy(name));
    const tsc = path.resolve("node_modules/typescript/bin/tsc");
    const flags = ["--noEmit", "--strict", "--skipLibCheck", "--target", "ES2022"];
    const modules = [
      "--module",
      "NodeNext",
      "--moduleResolution",
      "NodeNext",
      "--lib",
      "ES2022,DOM",
    ];
    const result = await run(process.execPath, [tsc, ...flags, ...modules, ...files]).then(
      () => "",
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(result).toBe("");
  });

  for (const swagger of suiteSwaggers) {
    test(`drives ${swagger.name}.json`, async () => {
      expect(generationErrors.get(swagger.name)).toBeUndefined();
      const typed = await typedDriving(swagger.name);
      const calls = await drive({
        clientDir: path.join(outDir, swagger.name),
        swaggerFile: path.join(server.swaggerDir, `${swagger.name}.json`),
        args: { ...driving[swagger.name]?.args, ...typed.args },
        // Server URL variables as typed client options, where the swagger has them, else baseUrl.
        baseUrl: typed.serverOptions ? undefined : server.url,
        clientOptions: {
          ...driving[swagger.name]?.clientOptions,
          ...typed.serverOptions?.(new URL(server.url)),
        },
        skip: driving[swagger.name]?.skip,
        callTimeoutMs: 30_000,
        concurrency: 16,
      });
      callsBySwagger.set(swagger.name, calls);
      // header.json's response scenarios are read through `.withResponse()` (declaredHeaderProblem).
      if (swagger.name === "header") {
        const checked = calls.filter(
          (c) => c.headers && Object.keys(c.declaredHeaders ?? {}).length > 0,
        );
        expect(checked.length).toBeGreaterThanOrEqual(20);
      }
      if (process.env.CONFORMANCE_DEBUG)
        for (const c of calls)
          console.log(
            c.method,
            c.outcome,
            Array.isArray(c.value)
              ? `${c.value.length} items`
              : JSON.stringify(c.value)?.slice(0, 200),
          );
      const slowest = [...calls].sort((a, b) => b.durationMs - a.durationMs).slice(0, 3);
      console.log(
        `${swagger.name}: slowest calls ${slowest.map((c) => `${c.method} ${c.durationMs} ms`).join(", ")}`,
      );
    });
  }

  test("coverage: every scenario passes or is a known exception", async () => {
    const coverage = await server.coverage();
    const results: SwaggerResult[] = suiteSwaggers.map((swagger) => {
      const names = scenariosOf(swagger, server.swaggerDir, coverage.keys());
      const calls = callsBySwagger.get(swagger.name) ?? [];
      const expectError = driving[swagger.name]?.expectError;
      const checkFailures = calls.flatMap((call) => {
        const wantsError =
          (expectError?.test(call.operationId) ?? false) ||
          (driving[swagger.name]?.expectErrorArgs?.(call.args ?? {}) ?? false);
        const wantsItems = driving[swagger.name]?.expectItems?.[call.operationId];
        if (wantsItems !== undefined && call.outcome === "ok") {
          const got = Array.isArray(call.value) ? call.value.length : "no";
          return got === wantsItems
            ? []
            : [{ call, problem: `yielded ${got} items, want ${wantsItems}` }];
        }
        const headerProblem = declaredHeaderProblem(call);
        if (headerProblem) return [{ call, problem: headerProblem }];
        if (wantsError === (call.outcome === "error")) return [];
        const problem = wantsError
          ? "resolved, should have rejected"
          : `rejected: ${String(call.value)}`;
        return [{ call, problem }];
      });
      return {
        swagger: swagger.name,
        scenarios: new Map(names.map((name) => [name, coverage.get(name) ?? 0])),
        checkFailures,
        calls: calls.length,
      };
    });
    const excepted = (swagger: string) => (scenario: string) =>
      knownExceptions.some((entry) => entry.swagger === swagger && entry.scenario === scenario);
    const rows = results.map((result) => rowOf(result, excepted(result.swagger)));
    const driven = new Set(results.flatMap((result) => [...result.scenarios.keys()]));
    const undriven = [...coverage.keys()].filter((name) => !driven.has(name));
    console.log(
      `\n${formatTable(rows)}\n${undriven.length} of the server's ${coverage.size} coverage entries not driven\n`,
    );
    if (process.env.CONFORMANCE_DEBUG) console.log(`not driven: ${undriven.join(" ")}`);
    const unexpected: string[] = [];
    for (const result of results) {
      const isExcepted = excepted(result.swagger);
      for (const [name, count] of result.scenarios) {
        if (count === 0 && !isExcepted(name))
          unexpected.push(`${result.swagger}: scenario ${name} not passed`);
      }
      for (const { call, problem } of result.checkFailures) {
        if (!isExcepted(call.operationId) && !isExcepted(call.method)) {
          unexpected.push(
            `${result.swagger}: ${call.method}(${JSON.stringify(call.args) ?? ""}) ${problem}`,
          );
        }
      }
    }
    for (const entry of knownExceptions) {
      const result = results.find((r) => r.swagger === entry.swagger);
      if (result?.scenarios.get(entry.scenario))
        console.log(`known exception now passes: ${entry.swagger} ${entry.scenario}`);
    }
    expect(unexpected).toEqual([]);
  });
});

/** What a typed file (test/conformance/typed/) gives: arguments, and server URL variables as options. */
interface TypedDriving {
  readonly args?: Record<string, ArgsFor>;
  readonly serverOptions?: (server: URL) => object;
}

/** The typed driving of a swagger (its copy beside the client), or none. */
async function typedDriving(swagger: string): Promise<TypedDriving> {
  if (!typedSwaggers.some(({ name }) => name === swagger)) return {};
  return (await import(pathToFileURL(typedCopy(swagger)).href)) as TypedDriving;
}

/** A declared response header of a successful plain call missing from `.withResponse()`, or not parsed per its type. */
function declaredHeaderProblem(call: Call): string | undefined {
  if (call.outcome !== "ok" || !call.headers || !call.declaredHeaders) return undefined;
  for (const [name, type] of Object.entries(call.declaredHeaders)) {
    const value = call.headers[name];
    const want =
      type === "integer" || type === "number"
        ? "number"
        : type === "boolean"
          ? "boolean"
          : "string";
    if (typeof value !== want)
      return `withResponse().headers[${JSON.stringify(name)}] is ${JSON.stringify(value)}, want a ${want}`;
  }
  return undefined;
}
