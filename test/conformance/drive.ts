// Drives every method of a generated client the way a user would: plain calls awaited, `...AndWait`
// for long-running operations (never the bare start), `for await` over pageables. Arguments come
// from the swagger (an enum's values, one call per value), from the server itself (a PUT sends back
// what the GET of the same path returned: the test server expects the same value both ways), or
// from the swagger's own table of arguments (args.ts) where the swagger only describes them in prose.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { cookieFetch } from "./cookie-fetch.js";

type Args = Record<string, unknown>;
/** What the driver reads of an operation's descriptor (the runtime's OperationSpec). */
interface OperationOf {
  readonly id: string;
  readonly method: string;
  readonly path: string;
}

/** One client method the driver calls: how it is called, and the operation behind it. */
interface MethodCall {
  readonly method: string;
  readonly kind: "request" | "paginate" | "startAndWait" | "startAndPaginate";
  readonly operation: OperationOf;
}

/** One call the driver made and how it ended. */
export interface Call {
  readonly method: string;
  readonly operationId: string;
  readonly args: Args | undefined;
  readonly outcome: "ok" | "error";
  /** The resolved value (items for a pageable) or the error's message. */
  readonly value: unknown;
  readonly durationMs: number;
  /** A plain call's `.withResponse().headers` (the driver reads every plain call through it). */
  readonly headers?: Record<string, unknown>;
  /** The headers the swagger declares on the call's 2XX responses: lower-cased name -> type. */
  readonly declaredHeaders?: Record<string, string>;
}

/** Arguments for one operation: one call per entry; a function may read the client first. */
export type ArgsFor = Args[] | ((client: Record<string, Function>) => Promise<Args[]>);

export interface DriveOptions {
  readonly clientDir: string;
  readonly swaggerFile: string;
  /** The server's URL; undefined when the client options name it (server URL variables). */
  readonly baseUrl: string | undefined;
  /** Client options beside baseUrl (headers the swagger asks every request to carry). */
  readonly clientOptions?: object;
  /** operationIds not to call. */
  readonly skip?: Readonly<Record<string, string>>;
  /** operationId -> the calls to make, overriding what the swagger yields. */
  readonly args?: Readonly<Record<string, ArgsFor>>;
  /** Longest a single call (LRO wait included) may take before it counts as hung. */
  readonly callTimeoutMs: number;
  /** Calls in flight at once (the server keeps per-scenario state, never per-call state). */
  readonly concurrency: number;
}

interface SwaggerParameter {
  name: string;
  in: string;
  required?: boolean;
  enum?: unknown[];
  schema?: { enum?: unknown[] };
  "x-ms-enum"?: { modelAsString?: boolean };
  $ref?: string;
}

interface SwaggerOperation {
  operationId?: string;
  parameters?: SwaggerParameter[];
  responses?: Record<string, { headers?: Record<string, { type?: string }> }>;
}

/** Response headers the swagger declares on 2XX responses, by lower-cased name, with their type. */
function declaredHeadersOf(op: SwaggerOperation | undefined): Record<string, string> {
  const declared: Record<string, string> = {};
  for (const [status, response] of Object.entries(op?.responses ?? {})) {
    if (!status.startsWith("2")) continue;
    for (const [name, header] of Object.entries(response.headers ?? {}))
      declared[name.toLowerCase()] = header.type ?? "string";
  }
  return declared;
}

/** The swagger's operations by operationId, parameters resolved (path-level ones included). */
function swaggerOperations(file: string): Map<
  string,
  {
    path: string;
    verb: string;
    op: SwaggerOperation;
    parameters: SwaggerParameter[];
  }
> {
  const document = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, "")) as {
    paths?: Record<string, Record<string, unknown>>;
    "x-ms-paths"?: Record<string, Record<string, unknown>>;
    parameters?: Record<string, SwaggerParameter>;
  };
  const resolve = (parameter: SwaggerParameter): SwaggerParameter =>
    parameter.$ref ? document.parameters![parameter.$ref.replace("#/parameters/", "")]! : parameter;
  const result = new Map();
  const all = { ...document.paths, ...document["x-ms-paths"] };
  for (const [template, item] of Object.entries(all)) {
    const shared = ((item.parameters ?? []) as SwaggerParameter[]).map(resolve);
    for (const [verb, value] of Object.entries(item)) {
      if (verb === "parameters") continue;
      const op = value as SwaggerOperation;
      const own = (op.parameters ?? []).map(resolve);
      const parameters = [
        ...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)),
        ...own,
      ];
      if (op.operationId) result.set(op.operationId, { path: template, verb, op, parameters });
    }
  }
  return result;
}

/**
 * The argument sets the swagger itself yields: every combination of a required parameter's enum
 * values. Optional parameters are left out, as a user leaves them, and so are constants (a
 * required enum of one value, not modelAsString): the client sends those itself.
 */
function enumArgs(parameters: readonly SwaggerParameter[]): Args[] | undefined {
  let sets: Args[] = [{}];
  for (const parameter of parameters) {
    if (parameter.in === "body" || !parameter.required) continue;
    const values = parameter.enum ?? parameter.schema?.enum;
    if (!values) return undefined;
    if (values.length === 1 && parameter["x-ms-enum"]?.modelAsString !== true) continue;
    sets = sets.flatMap((set) => values.map((value) => ({ ...set, [parameter.name]: value })));
  }
  return sets;
}

async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`no answer within ${ms} ms`)), ms);
  try {
    return await Promise.race([
      work(controller.signal),
      new Promise<never>((_, reject) =>
        controller.signal.addEventListener("abort", () => reject(controller.signal.reason)),
      ),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The methods to call, one per operation: an operation's descriptor in descriptors.ts is named
 * after its client method; `pagination_<name>` marks a pageable one and `lro_<name>` one polled at
 * the URL its response names. Users wait for LROs: a start with `<name>AndWait` is called through it.
 */
function methodCalls(descriptors: Record<string, unknown>, methods: Set<string>): MethodCall[] {
  const calls: MethodCall[] = [];
  for (const [name, value] of Object.entries(descriptors)) {
    if (!methods.has(name) || !isOperation(value)) continue;
    const isPaged = `pagination_${name}` in descriptors;
    const wait = `${name}AndWait`;
    if (methods.has(wait)) {
      const isPagedAtUrl = isPaged && `lro_${name}` in descriptors;
      calls.push({
        method: wait,
        kind: isPagedAtUrl ? "startAndPaginate" : "startAndWait",
        operation: value,
      });
    } else calls.push({ method: name, kind: isPaged ? "paginate" : "request", operation: value });
  }
  return calls;
}

function isOperation(value: unknown): value is OperationOf {
  const v = value as Partial<OperationOf> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.id === "string" &&
    typeof v.method === "string" &&
    typeof v.path === "string"
  );
}

/** Imports the generated client, calls every method, returns the calls in method order. */
export async function drive(options: DriveOptions): Promise<Call[]> {
  const descriptors = (await import(
    pathToFileURL(path.join(options.clientDir, "descriptors.ts")).href
  )) as Record<string, unknown>;
  const index = (await import(
    pathToFileURL(path.join(options.clientDir, "index.ts")).href
  )) as Record<string, unknown>;
  const create = Object.entries(index).find(([name]) => /^create.*Client$/.test(name))![1] as (
    options: object,
  ) => Record<string, Function>;
  // A client per operation, each with its own cookie jar: scenarios run concurrently and the
  // server keeps per-scenario state in a cookie.
  const clientFor = () =>
    create({
      ...options.clientOptions,
      ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
      fetch: cookieFetch(),
    });
  const operations = swaggerOperations(options.swaggerFile);
  // Pollers, resumePoller and channels are reached through the calls that start them.
  const toCall = methodCalls(descriptors, new Set(Object.keys(clientFor())));

  const jobs: (() => Promise<Call[]>)[] = [];
  for (const { method, kind, operation } of toCall) {
    if (options.skip?.[operation.id] !== undefined) continue;
    const swagger = operations.get(operation.id);
    jobs.push(async () => {
      const client = clientFor();
      const override = options.args?.[operation.id];
      let argSets: (Args | undefined)[];
      if (override) argSets = typeof override === "function" ? await override(client) : override;
      else argSets = (swagger && enumArgs(swagger.parameters)) ?? [undefined];
      if (argSets.length === 0) argSets = [undefined];
      const calls: Call[] = [];
      for (const args of argSets) {
        const withBody = await bodyFromGet(client, toCall, operation, swagger, args);
        calls.push(
          await callOne(
            client,
            kind,
            method,
            operation.id,
            withBody,
            options.callTimeoutMs,
            declaredHeadersOf(swagger?.op),
          ),
        );
      }
      return calls;
    });
  }
  const results: Call[][] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < jobs.length) {
        const index = next++;
        results[index] = await jobs[index]!();
      }
    }),
  );
  return results.flat();
}

/** A required body not given: what the GET of the same path returns (the server's round trip). */
async function bodyFromGet(
  client: Record<string, Function>,
  toCall: readonly MethodCall[],
  operation: OperationOf,
  swagger: { parameters: SwaggerParameter[] } | undefined,
  args: Args | undefined,
): Promise<Args | undefined> {
  const body = swagger?.parameters.find((parameter) => parameter.in === "body");
  if (!body || (args && "body" in args) || operation.method === "GET") return args;
  const getter = toCall.find(
    (c) =>
      c.kind === "request" && c.operation.method === "GET" && c.operation.path === operation.path,
  );
  if (!getter) return args;
  try {
    return { ...args, body: await client[getter.method]!() };
  } catch {
    return args;
  }
}

async function callOne(
  client: Record<string, Function>,
  kind: string,
  method: string,
  operationId: string,
  args: Args | undefined,
  timeoutMs: number,
  declaredHeaders: Record<string, string>,
): Promise<Call> {
  const startedAt = performance.now();
  let headers: Record<string, unknown> | undefined;
  const durationMs = () => Math.round(performance.now() - startedAt);
  try {
    const value = await withTimeout(async (signal) => {
      if (kind === "paginate" || kind === "startAndPaginate") {
        const items: unknown[] = [];
        const options = { signal, intervalMs: 100 };
        for await (const item of client[method]!(args, options)) items.push(item);
        return items;
      }
      // Waits poll every 100 ms (the runtime's floor) instead of Azure's 2 s default when the
      // server sends no Retry-After: the suite's time, not the behaviour, changes.
      if (kind === "startAndWait") return client[method]!(args, { signal, intervalMs: 100 });
      // Plain calls go through `.withResponse()`: the body it gives is what the plain call gives.
      const response = await client[method]!(args, { signal }).withResponse();
      headers = response.headers;
      return response.data;
    }, timeoutMs);
    return {
      method,
      operationId,
      args,
      outcome: "ok",
      value,
      durationMs: durationMs(),
      headers,
      declaredHeaders,
    };
  } catch (error) {
    return {
      method,
      operationId,
      args,
      outcome: "error",
      value: (error as Error).message,
      durationMs: durationMs(),
    };
  }
}
