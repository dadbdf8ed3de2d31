// Reads a response body: the declared kind for the status (exact code, then "2XX", then
// "default"), or a guess from Content-Type when the spec says nothing about the status.
import { ResponseParseError } from "./errors.js";
import type { RequestInfo } from "./errors.js";
import { reviveDates } from "./dates.js";
import type { DatePlan, ResponseSpec } from "./types.js";

type BodyKind = ResponseSpec["kind"];

/** Statuses that never carry a body. */
const BODYLESS_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);

/** The ResponseSpec for a status: exact code, then its range ("2XX"), then "default". */
export function findResponseSpec(
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

/** A success body parsed per its ResponseSpec; invalid JSON throws ResponseParseError. */
export async function readSuccessBody(
  response: Response,
  responses: readonly ResponseSpec[],
  info: RequestInfo,
  dateTable?: Readonly<Record<string, DatePlan>>,
): Promise<unknown> {
  const declared = findResponseSpec(responses, response.status);
  const kind = declared?.kind ?? kindFromContentType(response.headers.get("content-type"));
  if (info.method === "HEAD" || BODYLESS_STATUSES.has(response.status) || kind === "empty") {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (kind === "binary") return response.blob();
  // Read event by event by an EventStream, never buffered here.
  if (kind === "stream") return response.body;
  const text = await response.text();
  // An undeclared status with an empty body is "nothing", not an empty string.
  if (kind === "text") return declared || text !== "" ? text : undefined;
  if (isBlank(text)) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new ResponseParseError({
      ...info,
      status: response.status,
      headers: response.headers,
      text,
      cause,
    });
  }
  return declared?.dates ? reviveDates(body, declared.dates, dateTable) : body;
}

/**
 * An error body: JSON when it parses, else the text; undefined when empty. A body that fails to
 * arrive is undefined too (the status alone still makes the error), unless `signal` aborted it.
 */
export async function readErrorBody(
  response: Response,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw error;
    return undefined;
  }
  if (isBlank(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
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
