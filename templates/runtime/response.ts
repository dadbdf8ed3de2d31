// Reads a response body: the declared kind for the status (exact code, then "2XX", then
// "default"), or a guess from Content-Type when the spec says nothing about the status; never more
// than maxResponseBytes of it. Also decides which statuses are results: the declared ones.
import { ResponseParseError, ResponseTooLargeError } from "./errors.js";
import type { RequestInfo } from "./errors.js";
import type { OperationSpec, ResponseSpec } from "./types.js";

type BodyKind = ResponseSpec["kind"];

/** Statuses that never carry a body. */
const BODYLESS_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);

/**
 * The ResponseSpec for a status: exact code, then its range ("2XX"), then "default". Memoized
 * per responses list and status, like isDeclaredResult: every successful call looks it up.
 */
export function findResponseSpec(
  responses: readonly ResponseSpec[],
  status: number,
): ResponseSpec | undefined {
  let byStatus = specCache.get(responses);
  if (byStatus === undefined) {
    byStatus = new Map();
    specCache.set(responses, byStatus);
  }
  const known = byStatus.get(status);
  if (known !== undefined || byStatus.has(status)) return known;
  const spec = lookUpResponseSpec(responses, status);
  byStatus.set(status, spec);
  return spec;
}

const specCache = new WeakMap<readonly ResponseSpec[], Map<number, ResponseSpec | undefined>>();

function lookUpResponseSpec(
  responses: readonly ResponseSpec[],
  status: number,
): ResponseSpec | undefined {
  const range = `${Math.floor(status / 100)}XX`;
  return (
    responses.find((response) => response.status === String(status)) ??
    responses.find((response) => response.status.toUpperCase() === range) ??
    responses.find((response) => response.status === "default")
  );
}

/** Bodies larger than this are refused unless the client or the call raises maxResponseBytes. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/**
 * True when the operation declares `status` as a result rather than an error: a declared code or
 * range is a result below 400 (or as its `isError` says); an undeclared status is a result only
 * when the operation declares no result at all and the status is 2xx ("default" is then the
 * success type). So an undeclared 2xx next to declared ones is not a success: its body is not
 * what the return type promises. Memoized per responses list and status: this runs per request.
 */
export function isDeclaredResult(responses: readonly ResponseSpec[], status: number): boolean {
  let byStatus = resultCache.get(responses);
  if (byStatus === undefined) {
    byStatus = new Map();
    resultCache.set(responses, byStatus);
  }
  let isResult = byStatus.get(status);
  if (isResult === undefined) {
    isResult = decideResult(responses, status);
    byStatus.set(status, isResult);
  }
  return isResult;
}

const resultCache = new WeakMap<readonly ResponseSpec[], Map<number, boolean>>();

function decideResult(responses: readonly ResponseSpec[], status: number): boolean {
  const range = `${Math.floor(status / 100)}XX`;
  const declared =
    responses.find((response) => response.status === String(status)) ??
    responses.find((response) => response.status.toUpperCase() === range);
  if (declared !== undefined)
    return declared.isError === undefined ? status < 400 : !declared.isError;
  const declaresResult = responses.some(
    (response) =>
      response.status !== "default" &&
      (response.isError === false ||
        (response.isError === undefined && !/^[45]/.test(response.status))),
  );
  return !declaresResult && status >= 200 && status < 300;
}

/**
 * A success body parsed per its ResponseSpec; invalid JSON throws ResponseParseError. Not async:
 * a text body takes one reaction on the read instead of a suspended frame per call.
 */
export function readSuccessBody(
  response: Response,
  op: Pick<OperationSpec, "dateTable" | "responses">,
  info: RequestInfo,
  maxResponseBytes: number,
  secrets: readonly string[],
): Promise<unknown> {
  // Read once: fetch's Response checks its brand on every getter call.
  const { status } = response;
  const declared = findResponseSpec(op.responses, status);
  const kind = declared?.kind ?? kindFromContentType(response.headers.get("content-type"));
  if (info.method === "HEAD" || BODYLESS_STATUSES.has(status) || kind === "empty")
    return discardBody(response);
  if (kind === "binary") return readBlob(response, maxResponseBytes, info);
  // Read event by event by an EventStream, never buffered here (not bounded by maxResponseBytes).
  if (kind === "stream") return Promise.resolve(response.body);
  return readText(response, maxResponseBytes, info).then((text) => {
    // An undeclared status with an empty body is "nothing", not an empty string.
    if (kind === "text") return declared || text !== "" ? text : undefined;
    if (isBlank(text)) return undefined;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (cause) {
      throw new ResponseParseError(
        { ...info, status, headers: response.headers, text, cause },
        secrets,
      );
    }
    const dates = op.dateTable;
    return declared?.dates && dates ? dates.revive(body, declared.dates, dates) : body;
  });
}

async function discardBody(response: Response): Promise<undefined> {
  await response.body?.cancel().catch(() => undefined);
  return undefined;
}

/**
 * An error body: JSON when it parses, else the text; undefined when empty. A body that fails to
 * arrive is undefined too (the status alone still makes the error), unless `signal` aborted it.
 */
export async function readErrorBody(
  response: Response,
  signal: AbortSignal | undefined,
  maxResponseBytes: number,
  info: RequestInfo,
): Promise<unknown> {
  let text: string;
  try {
    text = await readText(response, maxResponseBytes, info);
  } catch (error) {
    if (signal?.aborted || error instanceof ResponseTooLargeError) throw error;
    return undefined;
  }
  if (isBlank(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The body as text, at most `limit` bytes. A declared Content-Length within the limit (and no
 * Content-Encoding, which would make the decoded body larger) takes the fast path, response.text();
 * else the body is read chunk by chunk and reading stops as soon as the limit is passed.
 */
function readText(response: Response, limit: number, info: RequestInfo): Promise<string> {
  // Not async: the fast path hands back text()'s own promise, without a wrapper promise to settle.
  if (isWithinDeclaredLength(response, limit, info)) return response.text();
  return readTextInChunks(response, limit, info);
}

async function readTextInChunks(
  response: Response,
  limit: number,
  info: RequestInfo,
): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  await readChunks(response, limit, info, (chunk) => {
    text += decoder.decode(chunk, { stream: true });
  });
  return text + decoder.decode();
}

async function readBlob(response: Response, limit: number, info: RequestInfo): Promise<Blob> {
  if (isWithinDeclaredLength(response, limit, info)) return response.blob();
  const chunks: Uint8Array[] = [];
  await readChunks(response, limit, info, (chunk) => chunks.push(chunk));
  return new Blob(chunks as BlobPart[], { type: response.headers.get("content-type") ?? "" });
}

/** True when Content-Length proves the body fits; throws at once when it proves it does not. */
function isWithinDeclaredLength(response: Response, limit: number, info: RequestInfo): boolean {
  if (limit === Infinity || response.body === null) return true;
  const { headers } = response;
  // Content-Length first: without it (a chunked body) the encoding need not be looked up.
  const declared = headers.get("content-length");
  if (declared === null || !/^\s*\d+\s*$/.test(declared)) return false;
  const encoding = headers.get("content-encoding");
  if (encoding !== null && encoding.trim().toLowerCase() !== "identity") return false;
  if (Number(declared) <= limit) return true;
  void response.body.cancel().catch(() => undefined);
  throw new ResponseTooLargeError(info, response.status, limit);
}

async function readChunks(
  response: Response,
  limit: number,
  info: RequestInfo,
  onChunk: (chunk: Uint8Array) => void,
): Promise<void> {
  if (response.body === null) return;
  const reader = response.body.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLargeError(info, response.status, limit);
    }
    onChunk(value);
  }
}

/** Empty or whitespace only; trims a copy of a large body only when it starts with a space-like character. */
function isBlank(text: string): boolean {
  const first = text.charCodeAt(0);
  return text === "" || ((first <= 32 || first > 126) && text.trim() === "");
}

/** The body kind a Content-Type suggests, for statuses the spec does not declare. */
function kindFromContentType(contentType: string | null): BodyKind {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type === "") return "text";
  if (type === "application/json" || type.endsWith("+json")) return "json";
  if (type.startsWith("text/") || type.endsWith("+xml") || type === "application/xml")
    return "text";
  return "binary";
}
