// Array schemas: `items`, or tuples from `prefixItems` (3.1) and item arrays (2.0 style).
import type { Schema } from "../../../model/schema.js";
import { child, type Location, type NormalizeContext } from "../../context.js";
import { toSchema } from "./index.js";

export function arraySchema(
  ctx: NormalizeContext,
  raw: Record<string, unknown>,
  at: Location,
): Schema {
  if (Array.isArray(raw.prefixItems)) {
    const prefixAt = child(at, "prefixItems");
    const items = raw.prefixItems.map((item, i) => toSchema(ctx, item, child(prefixAt, i)));
    // In a tuple, `items` describes the rest; `items: false`, or a maxItems the fixed items reach, closes it.
    const isClosed =
      raw.items === false || (typeof raw.maxItems === "number" && raw.maxItems <= items.length);
    const rest = isClosed ? undefined : toSchema(ctx, raw.items ?? true, child(at, "items"));
    return { items, kind: "tuple", rest };
  }
  if (Array.isArray(raw.items)) {
    const itemsAt = child(at, "items");
    return {
      items: raw.items.map((item, i) => toSchema(ctx, item, child(itemsAt, i))),
      kind: "tuple",
    };
  }
  return { items: toSchema(ctx, raw.items ?? true, child(at, "items")), kind: "array" };
}
