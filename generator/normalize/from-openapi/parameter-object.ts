// Parameter Object -> model Parameter, with OpenAPI's per-location defaults made explicit.
import type { Parameter } from "../../model/api.js";
import { child, isObject, report, type Location, type NormalizeContext } from "../context.js";
import { deref } from "./deref.js";
import { toSchema } from "./schema-object/index.js";

const locations = new Set(["cookie", "header", "path", "query"]);
const styles = new Set([
  "deepObject",
  "form",
  "label",
  "matrix",
  "pipeDelimited",
  "simple",
  "spaceDelimited",
]);

export function parameterObject(
  ctx: NormalizeContext,
  raw: unknown,
  at: Location,
): Parameter | undefined {
  const found = deref(ctx, raw, at);
  if (!found) return undefined;
  const { value, at: where } = found;
  if (typeof value.name !== "string" || !locations.has(value.in as string)) {
    report(
      ctx,
      where,
      "error",
      "PAR001",
      "parameter needs a name and an `in` of path, query, header or cookie",
    );
    return undefined;
  }
  const location = value.in as Parameter["in"];
  const style =
    value["x-clientgen-tsv"] === true
      ? "tabDelimited"
      : styles.has(value.style as string)
        ? (value.style as Parameter["style"])
        : location === "path" || location === "header"
          ? "simple"
          : "form";
  let schemaAt = child(where, "schema");
  let rawSchema = value.schema;
  let isJson = false;
  if (rawSchema === undefined && isObject(value.content)) {
    const [mediaType, media] = Object.entries(value.content)[0] ?? [];
    if (mediaType !== undefined && isObject(media)) {
      rawSchema = media.schema;
      schemaAt = child(child(child(where, "content"), mediaType), "schema");
      isJson = /json/i.test(mediaType);
    }
  }
  return {
    allowReserved: value.allowReserved === true,
    deprecated: value.deprecated === true,
    description: typeof value.description === "string" ? value.description : undefined,
    explode: typeof value.explode === "boolean" ? value.explode : style === "form",
    in: location,
    isJson,
    isRequired: location === "path" || value.required === true,
    name: value.name,
    schema: toSchema(ctx, rawSchema, schemaAt),
    skipsEncoding:
      (location === "path" || location === "query") && value["x-ms-skip-url-encoding"] === true
        ? true
        : undefined,
    style,
  };
}
