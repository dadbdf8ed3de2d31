// 3.1 type arrays: `type: [string, "null"]` is a nullable string; several non-null types a union.
import type { Schema } from "../../../model/schema.js";
import type { Location, NormalizeContext } from "../../context.js";
import { typedSchema } from "./index.js";

export function typeArraySchema(
  ctx: NormalizeContext,
  raw: Record<string, unknown>,
  at: Location,
): Schema {
  const types = (raw.type as unknown[]).filter((t, i, all) => all.indexOf(t) === i);
  const isNullable = types.includes("null");
  const rest = types.filter((t) => t !== "null");
  if (rest.length === 0) return { kind: "null" };
  const variants = rest.map((t) => typedSchema(ctx, raw, at, t));
  const schema: Schema = variants.length === 1 ? variants[0] : { kind: "union", variants };
  if (isNullable) schema.isNullable = true;
  return schema;
}
