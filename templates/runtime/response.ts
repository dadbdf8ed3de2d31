// Reads a response body: the declared kind for the status (exact code, then "2XX", then
// "default"), or a guess from Content-Type when the spec says nothing about the status; never more
// than maxResponseBytes of it. Also decides which statuses are results: the declared ones.
import { ResponseParseError, ResponseTooLargeError } from "./errors.js";
import type { RequestInfo } from "./errors.js";
import type { OperationSpec, ResponseSpec } from "./types.js";

type BodyKind = ResponseSpec["kind"];

/** Statuses that never carry a body. */
const BODYLESS_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);

/** Bodies larger than this are refused unless the client or the call raises maxResponseBytes. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** What a status means for an operation: its ResponseSpec and whether it is a result. */
interface StatusPlan {
  readonly spec: ResponseSpec | undefined;
  readonly isResult: boolean;
}

/**
 * The plan for a status, decided once per responses list and status: every call asks whether its
 * status is a result, every success which ResponseSpec reads its body.
 */
function planOf(responses: readonly ResponseSpec[], status: number): StatusPlan {
  let byStatus = plans.get(responses);
  if (byStatus === undefined) plans.set(responses, (byStatus = new Map()));
  let plan = byStatus.get(status);
  if (plan === undefined) byStatus.set(status, (plan = decidePlan(responses, status)));
  return plan;
}

const plans = new WeakMap<readonly ResponseSpec[], Map<number, StatusPlan>>();

/**
 * A declared code or range ("2XX") is a result below 400 (or as its `isError` says); an
 * undeclared status is a result only when the operation declares no result at all and the status
 * is 2xx ("default" is then the success type). So an undeclared 2xx next to declared ones is not a
 * success: its body is not what the return type promises.
 */
function decidePlan(responses: readonly ResponseSpec[], status: number): StatusPlan {
  const range = `${Math.floor(status / 100)}XX`;
  const declared =
    responses.find((response) => response.status === String(status)) ??
    responses.find((response) => response.status.toUpperCase() === range);
  const isResult = declared
    ? !(declared.isError ?? status >= 400)
    : status >= 200 &&
      status < 300 &&
      !responses.some(
        (response) =>
          response.status !== "default" && !(response.isError ?? /^[45]/.test(response.status)),
      );
  return {
    spec: declared ?? responses.find((response) => response.status === "default"),
    isResult,
  };
}

/** The ResponseSpec for a status: exact code, then its range ("2XX"), then "default". */
export function findResponseSpec(
  responses: readonly ResponseSpec[],
  status: number,
): ResponseSpec | undefined {
  return planOf(responses, status).spec;
}

/** True when the operation declares `status` as a result rather than an error (see decidePlan). */
export function isDeclaredResult(responses: readonly ResponseSpec[], status: number): boolean {
  return planOf(responses, status).isResult;
}

/**
 * A success body as read: the text for JSON and text bodies (parseSuccessBody parses it, at once,
 * so a call awaits one read instead of a read and a reaction on it), else the body itself.
 */
export function readSuccessBody(
  response: Response,
  op: Pick<OperationSpec, "responses">,
  info: RequestInfo,
  maxResponseBytes: number,
): Promise<unknown> {
  const kind = kindOf(response, op);
  if (info.method === "HEAD" || BODYLESS_STATUSES.has(response.status) || kind === "empty")
    return discardBody(response);
  if (kind === "binary") return readLimited(response, maxResponseBytes, info, true);
  // Read event by event by an EventStream, never buffered here (not bounded by maxResponseBytes).
  if (kind === "stream") return Promise.resolve(response.body);
  return readLimited(response, maxResponseBytes, info);
}

/** What readSuccessBody read, parsed per its ResponseSpec; invalid JSON throws ResponseParseError. */
export function parseSuccessBody(
  read: unknown,
  response: Response,
  op: Pick<OperationSpec, "dateTable" | "responses">,
  info: RequestInfo,
  secrets: readonly string[],
): unknown {
  if (typeof read !== "string") return read;
  const { status } = response;
  const declared = findResponseSpec(op.responses, status);
  // An undeclared status with an empty body is "nothing", not an empty string.
  if (kindOf(response, op) === "text") return declared || read !== "" ? read : undefined;
  if (isBlank(read)) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(read);
  } catch (cause) {
    throw new ResponseParseError(
      { ...info, status, headers: response.headers, text: read, cause },
      secrets,
    );
  }
  const dates = op.dateTable;
  return declared?.dates && dates ? dates.revive(body, declared.dates, dates) : body;
}

/** The body kind of a success: as declared for its status, else as its Content-Type suggests. */
function kindOf(response: Response, op: Pick<OperationSpec, "responses">): BodyKind {
  return (
    findResponseSpec(op.responses, response.status)?.kind ??
    kindFromContentType(response.headers.get("content-type"))
  );
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
    text = await readLimited(response, maxResponseBytes, info);
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
 * The body as text (or a Blob), at most `limit` bytes. A declared Content-Length within the limit
 * (and no Content-Encoding, which would make the decoded body larger) takes the fast path,
 * response.text(); else the body is read chunk by chunk and reading stops as soon as the limit
 * is passed. Not async: the fast path hands back text()'s own promise, without a wrapper.
 */
function readLimited(response: Response, limit: number, info: RequestInfo): Promise<string>;
function readLimited(
  response: Response,
  limit: number,
  info: RequestInfo,
  asBlob: true,
): Promise<Blob>;
function readLimited(
  response: Response,
  limit: number,
  info: RequestInfo,
  asBlob?: boolean,
): Promise<string | Blob> {
  if (isWithinDeclaredLength(response, limit, info))
    return asBlob ? response.blob() : response.text();
  // Blob.text() decodes UTF-8 as response.text() does (BOM dropped, bad bytes replaced).
  return readChunks(response, limit, info).then<string | Blob>((blob) =>
    asBlob ? blob : blob.text(),
  );
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

/** The body, chunk by chunk, as a Blob; ResponseTooLargeError once it passes `limit` bytes. */
async function readChunks(response: Response, limit: number, info: RequestInfo): Promise<Blob> {
  const chunks: BlobPart[] = [];
  const reader = response.body?.getReader();
  for (let total = 0; reader;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLargeError(info, response.status, limit);
    }
    chunks.push(value);
  }
  return new Blob(chunks, { type: response.headers.get("content-type") ?? "" });
}

/** Empty or whitespace only (trim() hands back the same string when there is nothing to trim: no copy). */
function isBlank(text: string): boolean {
  return !text.trim();
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
