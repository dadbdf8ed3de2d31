// Calls every operation of a generated client against a Prism mock and sorts each call into:
// ok, violation (Prism found the request does not match the document), parse (the client did not
// hand back what Prism sent), mock (Prism itself could not answer: not the client's doing) or
// client (the client threw before sending).
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { bodyKindOf } from "../../generator/normalize/from-openapi/media-type.js";
import { encodeBinary, encodeJson, encodeText } from "../../templates/runtime/body.js";
import { encodeForm, encodeMultipart } from "../../templates/runtime/body-forms.js";
import type { BodySpec, OperationSpec } from "../../templates/runtime/types.js";
import { bodyValue, findOperation, parametersOf, parameterValue } from "./args.js";
import { deref, withoutExamples, type JsonObject } from "./load.js";
import { parseViolations, type PrismViolation } from "./prism.js";

export type Outcome = "ok" | "violation" | "parse" | "mock" | "client";

export interface Exchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response?: { status: number; headers: Record<string, string>; text: string };
}

export interface CallResult {
  /** Client method name, plus " [media type]" for extra request media types sent through the runtime. */
  label: string;
  operationId: string;
  outcome: Outcome;
  detail: string;
  /** Error-level request violations Prism reported. */
  violations: PrismViolation[];
  /** Warning-level request violations (reported, never failing). */
  warnings: PrismViolation[];
  exchange?: Exchange;
  /** Prism rejected the document's own example; the result is the retry with sampled arguments. */
  exampleRejected?: string;
}

/** The credential: works for bearer, API keys and (with its colon) HTTP Basic. */
export const contractCredential = "contract-user:contract-secret";

interface LoadedClient {
  descriptors: [string, OperationSpec][];
  /** The API's security (descriptors.ts's auth_default), which the generated core hands its Transport. */
  auth: OperationSpec["auth"];
  /** The API's retry policy (descriptors.ts's retry_default), handed to the Transport the same way. */
  retry: OperationSpec["retry"];
  create: (
    options: Record<string, unknown>,
  ) => Record<string, (args: unknown, options?: unknown) => Promise<unknown>>;
  Transport: new (
    options: Record<string, unknown>,
    defaults: { baseUrl: string; auth?: OperationSpec["auth"]; retry?: OperationSpec["retry"] },
  ) => {
    request(op: OperationSpec, args: unknown, options?: unknown): Promise<unknown>;
  };
  ApiError: new (...args: never[]) => Error & { status: number; body: unknown };
  ResponseParseError: new (...args: never[]) => Error;
}

/** Imports a generated folder: its client factory, every OperationSpec, the runtime Transport. */
export async function loadClient(clientDir: string): Promise<LoadedClient> {
  const load = (file: string) =>
    import(pathToFileURL(path.join(clientDir, file)).href) as Promise<Record<string, unknown>>;
  const [index, ops, transport, descriptorsModule] = await Promise.all([
    load("index.ts"),
    load("operations.ts"),
    load("runtime/transport.ts"),
    load("descriptors.ts"),
  ]);
  const factory = Object.entries(index).find(
    ([name, value]) => /^create\w*Client$/.test(name) && typeof value === "function",
  );
  if (!factory) throw new Error(`${clientDir}: no create*Client export`);
  const descriptors = Object.entries(ops)
    .filter(([, value]) => isOperationSpec(value))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) as [string, OperationSpec][];
  return {
    descriptors,
    auth: descriptorsModule.auth_default as OperationSpec["auth"],
    retry: descriptorsModule.retry_default as OperationSpec["retry"],
    create: factory[1] as LoadedClient["create"],
    Transport: transport.Transport as LoadedClient["Transport"],
    ApiError: index.ApiError as LoadedClient["ApiError"],
    ResponseParseError: index.ResponseParseError as LoadedClient["ResponseParseError"],
  };
}

function isOperationSpec(value: unknown): value is OperationSpec {
  return (
    value !== null &&
    typeof value === "object" &&
    typeof (value as OperationSpec).method === "string" &&
    typeof (value as OperationSpec).path === "string"
  );
}

/** Header parameters OpenAPI says to ignore (the client sets these itself). */
const ignoredHeaders = new Set(["accept", "content-type", "authorization"]);

/** One planned call: a client method, or an extra media type sent through the runtime. */
export interface PlannedCall {
  label: string;
  name: string;
  op: OperationSpec;
  args: Record<string, unknown>;
  /** Set for extra media types: the descriptor variant given to Transport.request. */
  variant?: OperationSpec;
  /** The same arguments built from the schemas alone, when `args` used the document's own examples. */
  fallbackArgs?: Record<string, unknown>;
  /** Extra request headers (the harness's own sanity test). */
  headers?: Record<string, string>;
}

/** Every call for one client: each operation with all its parameters, plus each extra body media type. */
export function planCalls(
  document: JsonObject,
  client: LoadedClient,
): { calls: PlannedCall[]; problems: CallResult[] } {
  const plain = withoutExamples(document);
  const calls: PlannedCall[] = [];
  const problems: CallResult[] = [];
  for (const [name, op] of client.descriptors) {
    const found = findOperation(document, op.path, op.method);
    if (!found) {
      problems.push({
        label: name,
        operationId: op.id,
        outcome: "client",
        detail: `no ${op.method} ${op.path} in the document`,
        violations: [],
        warnings: [],
      });
      continue;
    }
    const requestBody = deref<
      { content?: Record<string, { schema?: Record<string, unknown> }> } | undefined
    >(document, found.operation.requestBody);
    const content = requestBody?.content ?? {};
    const bodyArg = op.body?.bodyArg ?? "body";
    const plainFound = findOperation(plain, op.path, op.method) ?? found;
    const plainContent =
      deref<{ content?: typeof content } | undefined>(plain, plainFound.operation.requestBody)
        ?.content ?? {};
    /** With the document's examples, or (for the fallback) from the schemas alone. */
    const buildArgs = (
      useExamples: boolean,
      mediaType = op.body?.mediaType,
    ): Record<string, unknown> => {
      const doc = useExamples ? document : plain;
      const where = useExamples ? found : plainFound;
      const args: Record<string, unknown> = {};
      for (const param of parametersOf(doc, where.item, where.operation)) {
        if (param.in === "header" && ignoredHeaders.has(param.name.toLowerCase())) continue;
        const value = parameterValue(doc, param, useExamples);
        if (value !== undefined) args[param.name] = value;
      }
      // Placeholders the document forgot to declare: the generator adds them as required strings.
      for (const [, placeholder] of op.path.matchAll(/\{([^}]+)\}/g))
        if (args[placeholder] === undefined) args[placeholder] = "x";
      if (mediaType !== undefined)
        args[bodyArg] = bodyValue(
          doc,
          (useExamples ? content : plainContent)[mediaType],
          mediaType,
          useExamples,
        );
      return args;
    };
    const plan = (label: string, mediaType: string | undefined, variant?: OperationSpec): void => {
      const args = buildArgs(true, mediaType);
      const fallbackArgs = buildArgs(false, mediaType);
      calls.push({
        label,
        name,
        op,
        variant,
        args,
        fallbackArgs: sameArgs(args, fallbackArgs) ? undefined : fallbackArgs,
      });
    };
    plan(name, op.body?.mediaType);
    // Every other media type of the request body, sent through the same runtime (the client
    // method itself sends the one the generator picked). Parameters (";odata...") do not count.
    const sentTypes = new Set([essence(op.body?.mediaType ?? "")]);
    for (const mediaType of Object.keys(content)) {
      if (!op.body || mediaType.includes("*") || sentTypes.has(essence(mediaType))) continue;
      sentTypes.add(essence(mediaType));
      plan(`${name} [${mediaType}]`, mediaType, {
        ...op,
        body: bodySpecOf(bodyKindOf(mediaType), mediaType, op.body.bodyArg),
      });
    }
  }
  return { calls, problems };
}

/** A body of another kind than the client's, with the encoder its descriptor would name. */
function bodySpecOf(kind: BodySpec["kind"], mediaType: string, bodyArg?: string): BodySpec {
  if (kind === "form") return { kind, mediaType, bodyArg, encode: encodeForm };
  if (kind === "multipart") return { kind, mediaType, bodyArg, encode: encodeMultipart };
  const encode = kind === "json" ? encodeJson : kind === "text" ? encodeText : encodeBinary;
  return { kind, mediaType, bodyArg, encode };
}

function essence(mediaType: string): string {
  return mediaType.split(";")[0].trim().toLowerCase();
}

function sameArgs(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every(
    (key) =>
      (a[key] instanceof Blob && b[key] instanceof Blob) || isDeepStrictEqual(a[key], b[key]),
  );
}

/** How Prism answers: from the document's examples, or generated by json-schema-faker from a seed. */
export type MockMode = { dynamic: false } | { dynamic: true; seed: string };

/**
 * Sends every planned call (a few at a time) to `baseUrl` and classifies each. The mode goes in
 * Prism's `Prefer` header (dynamic=true/false, seed=...), so one server answers both ways and a
 * dynamic response depends on the seed alone, not on the order of concurrent requests.
 */
export async function runCalls(
  client: LoadedClient,
  calls: PlannedCall[],
  baseUrl: string,
  mode: MockMode,
  concurrency = 4,
): Promise<CallResult[]> {
  const prefer = mode.dynamic ? `dynamic=true, seed=${mode.seed}` : "dynamic=false";
  const results: CallResult[] = new Array(calls.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < calls.length; index = next++)
      results[index] = await runOne(client, calls[index], baseUrl, prefer);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, calls.length) }, worker));
  return results;
}

/**
 * One call; when Prism rejects a request built from the document's own examples, again with
 * arguments sampled from the schemas (documents' examples do not always match their schemas).
 */
async function runOne(
  client: LoadedClient,
  call: PlannedCall,
  baseUrl: string,
  prefer: string,
): Promise<CallResult> {
  const first = await runWith(client, call, call.args, baseUrl, prefer);
  if (first.outcome !== "violation" || !call.fallbackArgs) return first;
  const second = await runWith(client, call, call.fallbackArgs, baseUrl, prefer);
  return { ...second, exampleRejected: first.detail.slice(0, 300) };
}

/** Prism now and then resets a kept-alive connection (ECONNRESET) under load: one more try. */
async function runWith(
  client: LoadedClient,
  call: PlannedCall,
  args: Record<string, unknown>,
  baseUrl: string,
  prefer: string,
): Promise<CallResult> {
  const result = await runAttempt(client, call, args, baseUrl, prefer);
  if (
    result.outcome !== "client" ||
    !/ConnectionError: .*(ECONNRESET|socket hang up|other side closed)/.test(result.detail)
  )
    return result;
  const again = await runAttempt(client, call, args, baseUrl, prefer);
  return again.outcome === "client" && /ConnectionError/.test(again.detail)
    ? { ...again, outcome: "mock" }
    : again;
}

async function runAttempt(
  client: LoadedClient,
  call: PlannedCall,
  args: Record<string, unknown>,
  baseUrl: string,
  prefer: string,
): Promise<CallResult> {
  let exchange: Exchange | undefined;
  const recordingFetch = async (
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
    const body =
      init?.body === undefined || init.body === null
        ? undefined
        : await new Response(init.body as BodyInit).text();
    exchange = {
      request: {
        method: init?.method ?? "GET",
        url: String(input),
        headers,
        body: body?.slice(0, 4000),
      },
    };
    const response = await fetch(input, init);
    const text = await response.clone().text();
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => (responseHeaders[name] = value));
    exchange.response = { status: response.status, headers: responseHeaders, text };
    return response;
  };
  const options = {
    baseUrl,
    apiKey: contractCredential,
    fetch: recordingFetch,
    retry: { maxRetries: 0 },
    timeoutMs: 30_000,
    headers: { Prefer: prefer, ...call.headers },
  };
  let value: unknown;
  let thrown: unknown;
  let isThrown = false;
  try {
    if (call.variant)
      value = await new client.Transport(options, {
        baseUrl,
        auth: client.auth,
        retry: client.retry,
      }).request(call.variant, args);
    else value = await client.create(options)[call.name](args);
  } catch (error) {
    isThrown = true;
    thrown = error;
  }
  const base = { label: call.label, operationId: call.op.id, exchange };
  // Violations come in the sl-violations header when the document has a 422/400 response Prism can
  // answer with; otherwise only in Prism's own 422 problem+json body (`validation`, no header).
  const all = [
    ...parseViolations(exchange?.response?.headers["sl-violations"] ?? null).filter(
      (v) => v.location[0] === "request",
    ),
    ...(exchange?.response && !exchange.response.headers["sl-violations"]
      ? problemViolations(exchange.response)
      : []),
  ];
  const violations = all.filter((v) => v.severity === "Error");
  const warnings = all.filter((v) => v.severity !== "Error");
  const result = (outcome: Outcome, detail: string): CallResult => ({
    ...base,
    outcome,
    detail,
    violations,
    warnings,
  });
  if (violations.length > 0) {
    return result(
      "violation",
      violations.map((v) => `${v.location.join(".")}: ${v.message}`).join("; "),
    );
  }
  const response = exchange?.response;
  if (!response) return result("client", `threw before sending: ${describe(thrown)}`);
  const prismError = prismProblem(response);
  // The route or the Accept header did not match the document: the client sent the wrong request.
  if (prismError && /NO_PATH_MATCHED|NO_METHOD_MATCHED|NOT_ACCEPTABLE/.test(prismError))
    return result("violation", prismError);
  if (prismError) return result("mock", prismError);
  if (isThrown) {
    if (thrown instanceof client.ResponseParseError) return result("parse", describe(thrown));
    if (thrown instanceof client.ApiError) {
      const expected = parseErrorText(response.text);
      if (thrown.status !== response.status || !isDeepStrictEqual(thrown.body, expected)) {
        return result("parse", `ApiError ${thrown.status} body differs from what Prism sent`);
      }
      return result("ok", `error ${response.status} surfaced as ${thrown.name}`);
    }
    return result("client", `threw after the response: ${describe(thrown)}`);
  }
  if (isStream(value)) return drainStream(value, response, result);
  const mismatch = compareSuccess(call.variant ?? call.op, response, value);
  return mismatch ? result("parse", mismatch) : result("ok", `${response.status}`);
}

/** The violations in Prism's own UNPROCESSABLE_ENTITY / UNAUTHORIZED answers. */
function problemViolations(response: NonNullable<Exchange["response"]>): PrismViolation[] {
  if (!(response.headers["content-type"] ?? "").includes("application/problem+json")) return [];
  try {
    const problem = JSON.parse(response.text) as {
      type?: string;
      detail?: string;
      validation?: PrismViolation[];
    };
    if (problem.type?.endsWith("#UNAUTHORIZED"))
      return [
        {
          location: ["request", "security"],
          severity: "Error",
          code: 401,
          message: problem.detail ?? "unauthorized",
        },
      ];
    if (!problem.type?.endsWith("#UNPROCESSABLE_ENTITY")) return [];
    return (problem.validation ?? []).map((v) => ({
      ...v,
      location: ["request", ...(v.location ?? [])],
    }));
  } catch {
    return [];
  }
}

/** Prism's own problem+json answers (routing, negotiation, generation), as "TYPE: detail". */
function prismProblem(response: NonNullable<Exchange["response"]>): string | undefined {
  if (!(response.headers["content-type"] ?? "").includes("application/problem+json"))
    return undefined;
  try {
    const problem = JSON.parse(response.text) as { type?: string; detail?: string };
    const type = problem.type ?? "";
    if (!type.startsWith("https://stoplight.io/prism/errors#")) return undefined;
    if (type.endsWith("#UNPROCESSABLE_ENTITY") || type.endsWith("#UNAUTHORIZED")) return undefined;
    return `${response.status} ${type.split("#")[1]}: ${problem.detail ?? ""}`.slice(0, 300);
  } catch {
    return undefined;
  }
}

function parseErrorText(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A streamed answer (text/event-stream, NDJSON): the client resolves to an async-iterable stream. */
function isStream(value: unknown): value is AsyncIterable<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Symbol.asyncIterator in value
  );
}

/** Reads a stream to its end: every event must parse, and text events must be what Prism sent. */
async function drainStream(
  stream: AsyncIterable<unknown>,
  response: NonNullable<Exchange["response"]>,
  result: (outcome: Outcome, detail: string) => CallResult,
): Promise<CallResult> {
  const items: unknown[] = [];
  try {
    for await (const item of stream) items.push(item);
  } catch (error) {
    return result("parse", `stream failed after ${items.length} events: ${describe(error)}`);
  }
  const missing = items.find((item) => typeof item === "string" && !response.text.includes(item));
  if (missing !== undefined)
    return result("parse", `stream event ${preview(missing)} is not in the body Prism sent`);
  return result("ok", `${response.status}, stream of ${items.length} events`);
}

/** Why the value the client returned is not the body Prism sent, or undefined when it is. */
function compareSuccess(
  op: OperationSpec,
  response: NonNullable<Exchange["response"]>,
  value: unknown,
): string | undefined {
  const contentType = (response.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  const isEmpty =
    response.text === "" || op.method === "HEAD" || [204, 205, 304].includes(response.status);
  if (isEmpty)
    return value === undefined || value === ""
      ? undefined
      : `expected no body, got ${preview(value)}`;
  const isJson = contentType === "application/json" || contentType.endsWith("+json");
  if (value instanceof Blob)
    return value.size === Buffer.byteLength(response.text) || !/json|text/.test(contentType)
      ? undefined
      : `Blob of ${value.size} bytes for ${response.text.length} chars`;
  if (typeof value === "string" && !isJson)
    return value === response.text
      ? undefined
      : `text differs: ${preview(value)} vs ${preview(response.text)}`;
  if (value === undefined)
    return `no value for a ${contentType || "untyped"} body ${preview(response.text)}`;
  let expected: unknown;
  try {
    expected = JSON.parse(response.text);
  } catch {
    return `parsed ${preview(value)} from a body that is not JSON (${contentType})`;
  }
  return isDeepStrictEqual(value, expected)
    ? undefined
    : `parsed value differs: ${preview(value)} vs ${preview(expected)}`;
}

function preview(value: unknown): string {
  const text =
    typeof value === "string"
      ? JSON.stringify(value)
      : value instanceof Blob
        ? `Blob(${value.size})`
        : JSON.stringify(value);
  return (text ?? String(value)).slice(0, 120);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error);
}
