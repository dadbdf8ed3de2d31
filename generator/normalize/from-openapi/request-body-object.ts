// Request Body Object -> model RequestBody: one media type, its encoding kind and schema.
import type { RequestBody } from "../../model/api.js";
import { child, isObject, report, type Location, type NormalizeContext } from "../context.js";
import { deref } from "./deref.js";
import { bodyKindOf, fileAwareMediaType, pickMediaType } from "./media-type.js";
import { toSchema } from "./schema-object/index.js";

export function requestBodyObject(
  ctx: NormalizeContext,
  raw: unknown,
  at: Location,
): RequestBody | undefined {
  const found = deref(ctx, raw, at);
  if (!found) return undefined;
  const { value, at: where } = found;
  const content = isObject(value.content) ? value.content : {};
  const mediaTypes = Object.keys(content);
  const picked = pickMediaType(mediaTypes);
  if (picked === undefined) {
    report(ctx, where, "warning", "BODY001", "request body has no content; it is not sent");
    return undefined;
  }
  // Bytes offered as JSON as well as octet-stream (AutoRest's media_types) are sent as bytes.
  const { mediaType, isFile } = fileAwareMediaType(
    content,
    mediaTypes,
    picked,
    (m) => bodyKindOf(m) === "binary",
  );
  const media = content[mediaType];
  const kind = isFile ? "binary" : bodyKindOf(mediaType);
  const schemaAt = child(child(child(where, "content"), mediaType), "schema");
  const rawSchema = isObject(media) ? media.schema : undefined;
  return {
    description: typeof value.description === "string" ? value.description : undefined,
    isRequired: value.required === true,
    kind,
    mediaType,
    schema:
      kind === "binary"
        ? { kind: "binary" }
        : kind === "text" && rawSchema === undefined
          ? { kind: "string" }
          : toSchema(ctx, rawSchema, schemaAt),
  };
}
