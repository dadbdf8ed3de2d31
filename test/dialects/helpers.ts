// Generate a dialect fixture's client into test/dialects/.generated/<name>/ (git-ignored) and
// import it, so the e2e tests go through the generated code exactly as users get it.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { formatDiagnostic } from "../../generator/diagnostics/diagnostic.js";
import { generate } from "../../generator/pipeline.js";
import { afterEach } from "vitest";
import { startServer, type TestServer } from "../runtime/helpers/http-server.js";

export const generatedRoot = path.resolve("test/dialects/.generated");

export interface GeneratedClient {
  /** The folder's index.ts module (create<Api>Client and the error classes). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  mod: Record<string, any>;
  /** Diagnostics, formatted one per line. */
  diagnostics: string[];
  /** operations.ts and descriptors.ts as generated (types, then the descriptors). */
  operations: string;
  /** client.ts and functions.ts (where the client's method signatures and docs are declared). */
  client: string;
}

export async function generateClient(
  fixture: string,
  options: { heuristics?: boolean; folder?: string } = {},
): Promise<GeneratedClient> {
  const result = await generate({
    overlays: [],
    spec: `test/fixtures/dialects/${fixture}`,
    heuristics: options.heuristics,
  });
  const dir = path.join(generatedRoot, options.folder ?? path.basename(fixture, ".yaml"));
  rmSync(dir, { recursive: true, force: true });
  for (const file of result.files) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.text);
  }
  const text = (name: string) => result.files.find((f) => f.path === name)?.text ?? "";
  return {
    mod: await import(pathToFileURL(path.join(dir, "index.ts")).href),
    diagnostics: result.diagnostics.map(formatDiagnostic),
    operations: `${text("operations.ts")}\n${text("descriptors.ts")}`,
    client: `${text("client.ts")}\n${text("functions.ts")}`,
  };
}

/** `serve(...replies)` starts a local server for the test; every one is closed after each test. */
export function serverPool(): (...replies: Parameters<typeof startServer>) => Promise<TestServer> {
  const servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (...replies) => {
    const server = await startServer(...replies);
    servers.push(server);
    return server;
  };
}
