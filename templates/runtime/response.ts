// Reads a response body: the declared kind for the status (exact code, then "2XX", then
// "default"), or a guess from Content-Type when the spec says nothing about the status; never more
// than maxResponseBytes of it. Also decides which statuses are results: the declared ones.
import { ResponseParseError, ResponseTooLargeError } from "./errors.js";
import type { RequestInfo } from "./errors.js";
import type { OperationSpec, ResponseSpec } from "./types.js";

type BodyKind = ResponseSpec["kind"];

/** Bodies larger than this are refused unless the client or the call raises maxResponseBytes. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** What a status means for an operation: its ResponseSpec and whether it is a result. */
export interface StatusPlan {
  readonly spec: ResponseSpec | undefined;
  readonly isResult: boolean;
}

const plans = new WeakMap<readonly ResponseSpec[], Map<number, StatusPlan>>();

/**
 * The plan for a status, decided once per responses list and status: every call asks whether its
 * status is a result, every success which ResponseSpec reads its body (looked up once per
 * response: the readers below take the spec).
 */
export function planOf(responses: readonly ResponseSpec[], status: number): StatusPlan {
  let byStatus = plans.get(responses);
  if (!byStatus) plans.set(responses, (byStatus = new Map()));
  let plan = byStatus.get(status);
  if (!plan) byStatus.set(status, (plan = decidePlan(responses, status)));
  return plan;
}

/**
 * A declared code or range ("2XX") is a result below 400 (or as its `isError` says); an
 * undeclared status is a result only when the operation declares no result at all and the status
 * is 2xx ("default" is then the success type). So an undeclared 2xx next to declared ones is not a
 * success: its body is not what the return type promises.
 */
function decidePlan(responses: readonly ResponseSpec[], status: number): StatusPlan {
  const find = (code: string) => responses.find((response) => response.status === code);
  const declared = find(String(status)) ?? find(`${Math.floor(status / 100)}XX`);
  return {
    spec: declared ?? find("default"),
    isResult: declared
      ? !(declared.isError ?? status >= 400)
      : status > 199 &&
        status < 300 &&
        responses.every(
          (response) =>
            response.status === "default" || (response.isError ?? /^[45]/.test(response.status)),
        ),
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

/** Statuses that never carry a body: No Content, Reset Content, Not Modified. */
const BODILESS_STATUSES: readonly number[] = [204, 205, 304];

/**
 * A success body as read: the text of a JSON or text body (parseSuccessBody parses it at once, so
 * a call awaits one read, not a read and a reaction on it), else the body itself.
 */
export function readSuccessBody(
  response: Response,
  spec: ResponseSpec | undefined,
  info: RequestInfo,
  maxResponseBytes: number,
): unknown {
  const kind = kindOf(response, spec);
  if (info.method === "HEAD" || BODILESS_STATUSES.includes(response.status) || kind === "empty")
    return response.body?.cancel().catch(ignore);
  // A stream is read event by event by an EventStream, never buffered here (nor limited).
  return kind === "stream" ? response.body : readLimited(response, maxResponseBytes, info, kind);
}

/** What readSuccessBody read, parsed per its ResponseSpec; invalid JSON throws ResponseParseError. */
export function parseSuccessBody(
  read: unknown,
  response: Response,
  spec: ResponseSpec | undefined,
  op: Pick<OperationSpec, "dateTable">,
  info: RequestInfo,
  secrets: readonly string[],
): unknown {
  if (typeof read !== "string") return read;
  const { status } = response;
  // An undeclared status with an empty body is "nothing", not an empty string.
  if (kindOf(response, spec) === "text") return spec || read ? read : undefined;
  if (!read.trim()) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(read);
  } catch (cause) {
    throw new ResponseParseError(info, status, response.headers, read, cause, secrets);
  }
  const dates = op.dateTable;
  return spec?.dates && dates ? dates.revive(body, spec.dates, dates) : body;
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
    text = (await readLimited(response, maxResponseBytes, info, "text")) as string;
  } catch (error) {
    if (signal?.aborted || error instanceof ResponseTooLargeError) throw error;
    return undefined;
  }
  try {
    return text.trim() ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

/**
 * The body as text (a Blob for "binary"), at most `limit` bytes. A Content-Length within the limit
 * (and no Content-Encoding, which would make the decoded body larger) takes the fast path,
 * response.text(); one over it fails at once; else the body is read chunk by chunk and reading
 * stops as soon as the limit is passed. Not async: the fast path hands back text()'s own promise.
 */
function readLimited(
  response: Response,
  limit: number,
  info: RequestInfo,
  kind: BodyKind,
): Promise<string | Blob> {
  const { headers, body } = response;
  // null (no body, no length, or an encoded body) is neither within nor over the limit.
  const length = body && !headers.has("content-encoding") && headers.get("content-length");
  if (length && +length > limit) {
    void body.cancel().catch(ignore);
    throw new ResponseTooLargeError(info, response.status, limit);
  }
  if (+(length || NaN) <= limit || limit === Infinity || !body)
    return kind === "binary" ? response.blob() : response.text();
  return readChunks(response, body, limit, info).then<string | Blob>((blob) =>
    kind === "binary" ? blob : blob.text(),
  );
}

/** The body, chunk by chunk, as a Blob; ResponseTooLargeError once it passes `limit` bytes. */
async function readChunks(
  response: Response,
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
  limit: number,
  info: RequestInfo,
): Promise<Blob> {
  const chunks: BlobPart[] = [];
  const reader = body.getReader();
  for (
    let total = 0, read: ReadableStreamReadResult<Uint8Array<ArrayBuffer>>;
    !(read = await reader.read()).done;
    chunks.push(read.value)
  )
    if ((total += read.value.byteLength) > limit) {
      void reader.cancel().catch(ignore);
      throw new ResponseTooLargeError(info, response.status, limit);
    }
  // Blob.text() decodes UTF-8 as response.text() does (BOM dropped, bad bytes replaced).
  return new Blob(chunks, { type: response.headers.get("content-type") ?? "" });
}

/** The body kind of a success: as declared for its status, else as its Content-Type suggests. */
function kindOf(response: Response, spec: ResponseSpec | undefined): BodyKind {
  const declared = spec?.kind;
  if (declared) return declared;
  // The media type alone: "application/problem+json; charset=utf-8" is JSON.
  const type = response.headers.get("content-type")?.split(";")[0].trim() || "";
  if (/^application\/json$|\+json$/i.test(type)) return "json";
  return !type || /^text\/|^application\/xml$|\+xml$/i.test(type) ? "text" : "binary";
}

function ignore(): void {}
