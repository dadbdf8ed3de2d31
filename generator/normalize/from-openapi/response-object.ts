// Responses Object -> model Responses, one per status code, in a fixed order.
import type { Response } from "../../model/api.js";
import { child, isObject, type Location, type NormalizeContext } from "../context.js";
import { deref } from "./deref.js";
import { pickMediaType, responseKindOf } from "./media-type.js";
import { toSchema } from "./schema-object/index.js";

export function responsesObject(ctx: NormalizeContext, raw: unknown, at: Location): Response[] {
  if (!isObject(raw)) return [];
  const responses: Response[] = [];
  for (const [status, value] of Object.entries(raw)) {
    if (!/^([1-5][0-9X]{2}|default)$/i.test(status)) continue;
    const response = responseObject(ctx, status.toUpperCase() === "DEFAULT" ? "default" : status.toUpperCase(), value, child(at, status));
    if (response) responses.push(response);
  }
  return responses.sort((a, b) => statusRank(a.status) - statusRank(b.status));
}

/** Exact codes first, then ranges (2XX), then default: the order a status is matched in. */
function statusRank(status: string): number {
  if (status === "default") return 10_000;
  if (status.includes("X")) return 1_000 + Number(status[0]) * 100;
  return Number(status);
}

function responseObject(ctx: NormalizeContext, status: string, raw: unknown, at: Location): Response | undefined {
  const found = deref(ctx, raw, at);
  if (!found) return undefined;
  const { value, at: where } = found;
  const content = isObject(value.content) ? value.content : {};
  const mediaType = pickMediaType(Object.keys(content));
  const description = typeof value.description === "string" ? value.description : undefined;
  const headers = headersOf(ctx, value.headers, child(where, "headers"));
  if (mediaType === undefined || status === "204") return { description, headers, kind: "empty", status };
  const kind = responseKindOf(mediaType);
  const media = content[mediaType];
  const rawSchema = isObject(media) ? media.schema : undefined;
  const schemaAt = child(child(child(where, "content"), mediaType), "schema");
  const schema = kind === "binary" ? { kind: "binary" as const } : kind === "text" && rawSchema === undefined ? { kind: "string" as const } : toSchema(ctx, rawSchema, schemaAt);
  return { description, headers, kind, mediaType, schema, status };
}

function headersOf(ctx: NormalizeContext, raw: unknown, at: Location): Response["headers"] {
  if (!isObject(raw)) return [];
  const headers: Response["headers"] = [];
  for (const [name, header] of Object.entries(raw)) {
    const found = deref(ctx, header, child(at, name));
    if (!found) continue;
    headers.push({
      description: typeof found.value.description === "string" ? found.value.description : undefined,
      name: name.toLowerCase(),
      schema: toSchema(ctx, found.value.schema, child(found.at, "schema")),
    });
  }
  return headers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
