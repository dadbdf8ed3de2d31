// The "discriminated parent" pattern: `Pet: {oneOf: [Cat, Dog], discriminator}` with
// `Cat: {allOf: [Pet, {...}]}`. Taken literally the types are circular (Cat = Pet & ..., Pet =
// Cat | Dog); what the spec means is that Cat extends Pet's own fields. So inside a variant's
// top-level allOf, the parent stands for its base: the parent without its oneOf/anyOf.
import type { LoadedSpec } from "./loaded-spec.js";
import { isObject } from "../shared/is-object.js";

const unionKeywords = ["oneOf", "anyOf", "discriminator"];

/** True when `parent` (in `parentFile`) lists, in its oneOf/anyOf, a $ref to `child`. */
export function isUnionParentOf(
  spec: LoadedSpec,
  parent: unknown,
  parentFile: string,
  child: { file: string; pointer: string },
): boolean {
  if (!isObject(parent)) return false;
  for (const keyword of ["oneOf", "anyOf"]) {
    const list = parent[keyword];
    if (!Array.isArray(list)) continue;
    for (const member of list) {
      if (!isObject(member) || typeof member.$ref !== "string") continue;
      const target = spec.resolveRef(member.$ref, parentFile);
      if (target && target.file === child.file && target.pointer === child.pointer) return true;
    }
  }
  return false;
}

/** The parent's own fields: everything but the union; undefined when nothing is left to type. */
export function baseOfUnionParent(
  parent: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const base = Object.fromEntries(
    Object.entries(parent).filter(([k]) => !unionKeywords.includes(k)),
  );
  const hasShape = ["properties", "allOf", "additionalProperties", "type", "required"].some(
    (k) => base[k] !== undefined,
  );
  return hasShape ? base : undefined;
}
