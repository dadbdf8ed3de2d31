// Non-schema `$ref`s (parameters, responses, request bodies, headers) are inlined: they name no
// type of their own, so the translators read through them.
import { isObject, report, type Location, type NormalizeContext } from "../context.js";

/** The object a value stands for, following `$ref` chains; undefined (and an error) when broken. */
export function deref(
  ctx: NormalizeContext,
  value: unknown,
  at: Location,
): { at: Location; value: Record<string, unknown> } | undefined {
  let current = value;
  let where = at;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string"; hops++) {
    if (hops > 32) {
      report(ctx, where, "error", "REF004", "$ref chain is circular");
      return undefined;
    }
    const resolved = ctx.spec.resolveRef(current.$ref, where.file);
    if (!resolved) {
      report(
        ctx,
        where,
        "error",
        "REF001",
        `$ref ${JSON.stringify(current.$ref)} does not resolve`,
      );
      return undefined;
    }
    current = resolved.value;
    where = { file: resolved.file, pointer: resolved.pointer };
  }
  return isObject(current) ? { at: where, value: current } : undefined;
}
