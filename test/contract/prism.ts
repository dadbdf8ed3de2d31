// Starts Stoplight Prism (`prism mock`) on 127.0.0.1 for one OpenAPI document and stops it again.
// Prism validates every request against the document in mock mode: a request with an error-level
// violation is answered with the operation's 422/400 response (or a generated 422 problem+json
// listing the violations), and every response carries the violations (request and response) as
// JSON in the `sl-violations` header. `--errors` only turns *response* violations into errors
// (prism-http-server/dist/server.js), so it is left off: the responses are Prism's own, and we
// want to see whether the client parses whatever Prism sends.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import * as path from "node:path";

const prismCli = path.resolve("node_modules/@stoplight/prism-cli/dist/index.js");

export interface PrismServer {
  readonly url: string;
  /** Everything Prism printed (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

export interface PrismOptions {
  /** json-schema-faker responses instead of examples (`-d`). */
  dynamic?: boolean;
  /** Seed for dynamic responses (`--seed`), so runs repeat. */
  seed?: string;
  /** Give up waiting for "listening" after this long. */
  startTimeoutMs?: number;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** `prism mock <document>` on a free port; resolves once Prism answers HTTP. */
export async function startPrism(
  document: string,
  options: PrismOptions = {},
): Promise<PrismServer> {
  const port = await freePort();
  const args = [
    prismCli,
    "mock",
    document,
    "--host",
    "127.0.0.1",
    "--port",
    String(port),
    "--verboseLevel",
    "warn",
  ];
  if (options.dynamic) args.push("--dynamic");
  if (options.seed !== undefined) args.push("--seed", options.seed);
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  let exited: number | null | undefined;
  child.stdout?.on(
    "data",
    (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)),
  );
  child.stderr?.on(
    "data",
    (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)),
  );
  const exit = new Promise<void>((resolve) =>
    child.once("exit", (code) => ((exited = code), resolve())),
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (exited === undefined && child.pid !== undefined) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exit;
      clearTimeout(timer);
    }
  };
  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
  for (;;) {
    if (exited !== undefined)
      throw new Error(`prism exited with ${exited} before listening:\n${output}`);
    try {
      // Any HTTP answer (usually 404 for "/") means the server is up.
      await fetch(`${url}/__contract_probe__`, { signal: AbortSignal.timeout(2000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(
          `prism did not listen within ${options.startTimeoutMs ?? 120_000} ms:\n${output}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  return { url, log: () => output, stop };
}

/** One entry of the `sl-violations` header. */
export interface PrismViolation {
  /** ["request", "query", "limit"], ["request", "body", ...], ["response", ...]. */
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

/** Parses `sl-violations`; a header Prism truncated ("Too many violations!") yields one synthetic error. */
export function parseViolations(header: string | null): PrismViolation[] {
  if (!header) return [];
  try {
    return JSON.parse(header) as PrismViolation[];
  } catch {
    // Over 8 KB Prism sends "Too many violations! " and a cut JSON text. Request violations come
    // first, so every one of them that fits is still readable entry by entry.
    const found: PrismViolation[] = [];
    const entry =
      /\{"location":(\[[^\]]*\]),"severity":"(\w+)","code":("(?:[^"\\]|\\.)*"|\d+),"message":("(?:[^"\\]|\\.)*")\}/g;
    for (const match of header.matchAll(entry)) {
      found.push({
        location: JSON.parse(match[1]) as string[],
        severity: match[2],
        code: JSON.parse(match[3]) as string,
        message: JSON.parse(match[4]) as string,
      });
    }
    const last = found.at(-1);
    // Cut inside the request part: the rest is unknown, count it as one more error.
    if (!last || last.location[0] === "request")
      found.push({
        location: ["request"],
        severity: "Error",
        code: "truncated",
        message: "sl-violations truncated by Prism",
      });
    return found;
  }
}
