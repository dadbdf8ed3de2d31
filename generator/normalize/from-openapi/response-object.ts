// Responses Object -> model Responses, one per status code, in a fixed order.
import type { Response } from "../../model/api.js";
import { child, isObject, type Location, type NormalizeContext } from "../context.js";
import { deref } from "./deref.js";
import { fileAwareMediaType, pickMediaType, responseKindOf, streamFormatOf } from "./media-type.js";
import { toSchema } from "./schema-object/index.js";

export function responsesObject(ctx: NormalizeContext, raw: unknown, at: Location): Response[] {
  if (!isObject(raw)) return [];
  const responses: Response[] = [];
  for (const [status, value] of Object.entries(raw)) {
    if (!/^([1-5][0-9X]{2}|default)$/i.test(status)) continue;
    responses.push(
      ...responseObject(
        ctx,
        status.toUpperCase() === "DEFAULT" ? "default" : status.toUpperCase(),
        value,
        child(at, status),
      ),
    );
  }
  // Stable: a status's stream entry stays after its other media type.
  return responses.sort((a, b) => statusRank(a.status) - statusRank(b.status));
}

/** Exact codes first, then ranges (2XX), then default: the order a status is matched in. */
function statusRank(status: string): number {
  if (status === "default") return 10_000;
  if (status.includes("X")) return 1_000 + Number(status[0]) * 100;
  return Number(status);
}

/** The response of one status; a second entry for a stream media type offered beside another. */
function responseObject(
  ctx: NormalizeContext,
  status: string,
  raw: unknown,
  at: Location,
): Response[] {
  const found = deref(ctx, raw, at);
  if (!found) return [];
  const { value, at: where } = found;
  const content = isObject(value.content) ? value.content : {};
  const mediaTypes = Object.keys(content);
  const streamType = mediaTypes
    .filter((m) => streamFormatOf(m) !== undefined)
    .sort(byStreamPreference)[0];
  const plainTypes = mediaTypes.filter((m) => streamFormatOf(m) === undefined);
  const picked = pickMediaType(plainTypes);
  // A file (Swagger 2.0's `type: file`) offered under JSON as well as its own type is the file.
  const { mediaType, isFile } =
    picked === undefined
      ? { mediaType: undefined, isFile: false }
      : fileAwareMediaType(content, plainTypes, picked, (m) => responseKindOf(m) === "binary");
  const description = typeof value.description === "string" ? value.description : undefined;
  const headers = headersOf(ctx, value.headers, child(where, "headers"));
  // AutoRest's extension, the one vendor vocabulary for "this declared status is (not) an error".
  const flag = value["x-ms-error-response"];
  const isError = typeof flag === "boolean" && status !== "default" ? flag : undefined;
  const contentAt = child(where, "content");
  if (status === "204" || (mediaType === undefined && streamType === undefined))
    return [{ description, headers, isError, kind: "empty", status }];
  const responses: Response[] = [];
  if (mediaType !== undefined) {
    const kind = isFile ? "binary" : responseKindOf(mediaType);
    const media = content[mediaType];
    const rawSchema = isObject(media) ? media.schema : undefined;
    const schemaAt = child(child(contentAt, mediaType), "schema");
    const schema =
      kind === "binary"
        ? { kind: "binary" as const }
        : kind === "text" && rawSchema === undefined
          ? { kind: "string" as const }
          : toSchema(ctx, rawSchema, schemaAt);
    responses.push({ description, headers, isError, kind, mediaType, schema, status });
  }
  if (streamType !== undefined)
    responses.push(
      streamResponse(
        ctx,
        { description, headers, isError, status },
        streamType,
        content[streamType],
        child(contentAt, streamType),
      ),
    );
  return responses;
}

/** text/event-stream first, then NDJSON names in alphabetical order: one stream per status. */
function byStreamPreference(a: string, b: string): number {
  const rank = (m: string): number => (streamFormatOf(m) === "sse" ? 0 : 1);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * A stream response, typed by one event: OpenAPI 3.2 `itemSchema` (for SSE the event object, whose
 * `data` is what the client yields), else `schema` (the usual 3.0/3.1 way: one event's data).
 * Without either, SSE data is text and NDJSON lines are any JSON.
 */
function streamResponse(
  ctx: NormalizeContext,
  base: Pick<Response, "description" | "headers" | "isError" | "status">,
  mediaType: string,
  media: unknown,
  at: Location,
): Response {
  const kind = streamFormatOf(mediaType) ?? "sse";
  const fallback = kind === "sse" ? { kind: "string" as const } : { kind: "unknown" as const };
  if (!isObject(media)) return { ...base, kind, mediaType, schema: fallback };
  if (media.itemSchema !== undefined) {
    const item = child(at, "itemSchema");
    if (kind === "sse") {
      const data = sseDataSchema(ctx, media.itemSchema, item);
      return {
        ...base,
        kind,
        mediaType,
        schema: data ? toSchema(ctx, data.value, data.at) : fallback,
      };
    }
    return { ...base, kind, mediaType, schema: toSchema(ctx, media.itemSchema, item) };
  }
  if (media.schema !== undefined)
    return { ...base, kind, mediaType, schema: toSchema(ctx, media.schema, child(at, "schema")) };
  return { ...base, kind, mediaType, schema: fallback };
}

/** The `data` of an SSE event object schema: its contentSchema (JSON carried as text) or its own schema. */
function sseDataSchema(
  ctx: NormalizeContext,
  itemSchema: unknown,
  at: Location,
): { value: unknown; at: Location } | undefined {
  const event = deref(ctx, itemSchema, at);
  const properties = event && isObject(event.value.properties) ? event.value.properties : undefined;
  if (!event || !properties || properties.data === undefined) return undefined;
  const dataAt = child(child(event.at, "properties"), "data");
  const data = deref(ctx, properties.data, dataAt);
  if (data && data.value.contentSchema !== undefined)
    return { value: data.value.contentSchema, at: child(data.at, "contentSchema") };
  return { value: properties.data, at: dataAt };
}

function headersOf(ctx: NormalizeContext, raw: unknown, at: Location): Response["headers"] {
  if (!isObject(raw)) return [];
  const headers: Response["headers"] = [];
  for (const [name, header] of Object.entries(raw)) {
    const found = deref(ctx, header, child(at, name));
    if (!found) continue;
    headers.push({
      description:
        typeof found.value.description === "string" ? found.value.description : undefined,
      name: name.toLowerCase(),
      schema: toSchema(ctx, found.value.schema, child(found.at, "schema")),
    });
  }
  return headers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
