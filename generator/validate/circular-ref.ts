// A schema that is, at its top level, only itself (`A: {$ref: A}`, `A -> B -> A`, `A: {allOf: [A]}`,
// `A: {oneOf: [A, string]}`) has no TypeScript type: `type A = B; type B = A;` does not compile.
// Recursion through an object property or an array item is fine and is not reported.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadedSpec } from "../load/loaded-spec.js";
import { childPointer, displayPath, isObject } from "../normalize/context.js";
import { forEachSchema } from "./schema-walk.js";
import { isUnionParentOf } from "../normalize/from-openapi/schema-object/union-parent.js";

/** Keywords whose subschemas are part of the type alias itself, not nested in an object or array. */
const directKeywords = ["allOf", "oneOf", "anyOf"];

interface Node {
  file: string;
  pointer: string;
}

const keyOf = (node: Node) => `${node.file}\n${node.pointer}`;

export function circularRef(spec: LoadedSpec): Diagnostic[] {
  const found: Diagnostic[] = [];
  const checked = new Set<string>();
  forEachSchema(spec, ({ file, schema }) => {
    if (typeof schema.$ref !== "string") return;
    const target = spec.resolveRef(schema.$ref, file);
    if (!target) return;
    const node = { file: target.file, pointer: target.pointer };
    if (checked.has(keyOf(node))) return;
    checked.add(keyOf(node));
    const cycle = cycleThrough(spec, node, target.value);
    if (!cycle) return;
    const { line, col } = spec.locate(node.file, node.pointer);
    const name = (n: Node) => (n.file === spec.file ? n.pointer : `${displayPath(n.file)}${n.pointer}`);
    found.push({
      code: "REF004",
      col,
      file: displayPath(node.file),
      hint: "recursion needs an object property or an array item in between",
      line,
      message: `circular $ref: ${cycle.map(name).join(" -> ")}: each schema is defined only by the next one (via $ref, allOf, oneOf or anyOf), so none of them has a type`,
      pointer: node.pointer,
      severity: "error",
    });
  });
  return found;
}

/** The path back to `start` through direct references only, or undefined when there is none. */
function cycleThrough(spec: LoadedSpec, start: Node, schema: unknown): Node[] | undefined {
  const visited = new Set<string>();
  const search = (node: Node, value: unknown, path: Node[]): Node[] | undefined => {
    for (const next of directTargets(spec, node, value)) {
      if (keyOf(next.node) === keyOf(start)) return [...path, next.node];
      if (visited.has(keyOf(next.node))) continue;
      visited.add(keyOf(next.node));
      const found = search(next.node, next.value, [...path, next.node]);
      if (found) return found;
    }
    return undefined;
  };
  return search(start, schema, [start]);
}

/** The schemas `value` (at `node`) stands for directly: its `$ref` target and its composition members. */
function directTargets(spec: LoadedSpec, node: Node, value: unknown): { node: Node; value: unknown }[] {
  if (!isObject(value)) return [];
  const targets: { node: Node; value: unknown }[] = [];
  if (typeof value.$ref === "string") {
    const resolved = spec.resolveRef(value.$ref, node.file);
    if (resolved) targets.push({ node: { file: resolved.file, pointer: resolved.pointer }, value: resolved.value });
  }
  for (const keyword of directKeywords) {
    const list = value[keyword];
    if (!Array.isArray(list)) continue;
    list.forEach((member, i) => {
      // A variant extending its discriminated parent gets the parent's base, not the parent (union-parent.ts).
      if (keyword === "allOf" && isObject(member) && typeof member.$ref === "string") {
        const parent = spec.resolveRef(member.$ref, node.file);
        if (parent && isUnionParentOf(spec, parent.value, parent.file, node)) return;
      }
      // A member is inline: look through it without making it a node of its own.
      const memberNode = { file: node.file, pointer: childPointer(childPointer(node.pointer, keyword), i) };
      targets.push(...directTargets(spec, memberNode, member));
    });
  }
  return targets;
}
