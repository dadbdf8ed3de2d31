// Limits that keep hostile input from costing unbounded time, memory or stack: every later walk
// over a document recurses by nesting depth and visits aliased YAML nodes once per use.
import { childPointer } from "../shared/json-pointer.js";

/**
 * Deepest nesting of maps and lists accepted in one file. Real specs stay far below (an inline
 * schema nested 50 properties deep is already ~110 levels); recursive walks stay well inside the stack.
 */
export const maxNestingDepth = 256;

/**
 * Most nodes YAML aliases may add beyond the document as written. Anchors used for sharing
 * (`<<: *defaults`, a reused schema) add hundreds; a 700-byte "billion laughs" adds 10^9.
 */
export const maxAliasExpansion = 100_000;

/** Pointer of the first value nested deeper than `maxNestingDepth` (document order), or undefined. Iterative. */
export function tooDeepPointer(root: unknown): string | undefined {
  const pending: { value: unknown; pointer: string; depth: number }[] = [
    { value: root, pointer: "#", depth: 0 },
  ];
  while (pending.length > 0) {
    const { value, pointer, depth } = pending.pop()!;
    if (typeof value !== "object" || value === null) continue;
    if (depth >= maxNestingDepth) return pointer;
    const entries = Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--)
      pending.push({
        value: entries[i][1],
        pointer: childPointer(pointer, entries[i][0]),
        depth: depth + 1,
      });
  }
  return undefined;
}

/**
 * Where aliases make `root` larger than `maxAliasExpansion` extra nodes: the pointer of the
 * outermost value whose own expansion is over the limit and which holds the aliased values, or
 * undefined. Shared (aliased) values are counted once per use, as any later walk would visit them.
 */
export function aliasExpansionPointer(root: unknown): string | undefined {
  const sizes = new Map<object, number>();
  const uses = new Map<object, number>();
  let written = 0;
  const sizeOf = (value: unknown): number => {
    if (typeof value !== "object" || value === null) return 1;
    uses.set(value, (uses.get(value) ?? 0) + 1);
    const known = sizes.get(value);
    if (known !== undefined) return known;
    let size = 1;
    written +=
      1 +
      Object.values(value).filter((child) => typeof child !== "object" || child === null).length;
    // Depth is bounded by maxNestingDepth (js-yaml's maxDepth), so recursion is safe here.
    for (const child of Object.values(value)) size += sizeOf(child);
    sizes.set(value, size);
    return size;
  };
  const total = sizeOf(root);
  if (total - written <= maxAliasExpansion) return undefined;
  let pointer = "#";
  let value = root as object;
  for (;;) {
    const next = Object.entries(value).find(
      ([, child]) =>
        typeof child === "object" && child !== null && sizes.get(child)! > maxAliasExpansion,
    );
    if (!next || uses.get(next[1] as object)! > 1) return pointer;
    pointer = childPointer(pointer, next[0]);
    value = next[1] as object;
  }
}
