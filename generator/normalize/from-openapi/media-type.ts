// Picking one media type from a `content` map and the body kind it implies.
import type { BodyKind, ResponseKind } from "../../model/api.js";
import { isObject } from "../context.js";

/** Preference when several media types are offered: JSON first, since typed bodies are the point. */
export function pickMediaType(mediaTypes: string[]): string | undefined {
  const rank = (m: string): number => {
    const type = m.toLowerCase().split(";")[0].trim();
    if (type === "application/json") return 0;
    if (/[/+]json$/.test(type)) return 1;
    if (type === "multipart/form-data") return 2;
    if (type === "application/x-www-form-urlencoded") return 3;
    if (type.startsWith("text/")) return 4;
    return 5;
  };
  return [...mediaTypes].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))[0];
}

export function bodyKindOf(mediaType: string): BodyKind {
  const type = mediaType.toLowerCase().split(";")[0].trim();
  if (type === "application/json" || /[/+]json$/.test(type) || type === "*/*") return "json";
  if (type === "multipart/form-data" || type.startsWith("multipart/")) return "multipart";
  if (type === "application/x-www-form-urlencoded") return "form";
  if (type.startsWith("text/") || type === "application/xml") return "text";
  return "binary";
}

export function responseKindOf(mediaType: string): ResponseKind {
  const kind = bodyKindOf(mediaType);
  if (kind === "json" || kind === "text") return kind;
  if (kind === "form") return "text";
  return "binary";
}

/** Media types of event streams: SSE, and newline-delimited JSON under its several names. */
export function streamFormatOf(mediaType: string): "ndjson" | "sse" | undefined {
  const type = mediaType.toLowerCase().split(";")[0].trim();
  if (type === "text/event-stream") return "sse";
  if (/^application\/(x-)?(ndjson|jsonl|json-lines|jsonlines)$/.test(type)) return "ndjson";
  return undefined;
}

/**
 * The media type a body goes by: `picked`, unless its schema is `type: string, format: binary`
 * (what the converter makes of Swagger 2.0's `type: file` and binary bodies) offered under JSON as
 * well as its own type: then the body is bytes (`isFile`), sent or asked for by its own type
 * (the first of `mediaTypes` that `isBinary`). JSON text of a Blob would be "{}".
 */
export function fileAwareMediaType(
  content: Record<string, unknown>,
  mediaTypes: readonly string[],
  picked: string,
  isBinary: (mediaType: string) => boolean,
): { mediaType: string; isFile: boolean } {
  const media = content[picked];
  const schema = isObject(media) ? media.schema : undefined;
  const isFile = isObject(schema) && schema.type === "string" && schema.format === "binary";
  return { mediaType: isFile ? (mediaTypes.find(isBinary) ?? picked) : picked, isFile };
}
