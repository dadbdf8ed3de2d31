// A schema that is, at its top level, only itself (`A: {$ref: A}`, `A -> B -> A`, `A: {allOf: [A]}`,
// `A: {oneOf: [A, string]}`) has no TypeScript type: `type A = B; type B = A;` does not compile.
// Recursion through an object property or an array item is fine and is not reported.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadedSpec } from "../load/loaded-spec.js";
import { childPointer } from "../shared/json-pointer.js";
import { displayPath } from "../diagnostics/display-path.js";
import { isObject } from "../shared/is-object.js";
import { schemasWithRef } from "./schema-walk.js";
import { isUnionParentOf } from "../load/union-parent.js";

/** Keywords whose subschemas are part of the type alias itself, not nested in an object or array. */
const directKeywords = ["allOf", "oneOf", "anyOf"];

interface Node {
  file: string;
  pointer: string;
}

const keyOf = (node: Node) => `${node.file}\n${node.pointer}`;

/** Cycles reported with their full path per component; the rest of a huge one is named only (bounded work). */
const tracedPerComponent = 10;

export function circularRef(spec: LoadedSpec): Diagnostic[] {
  const starts: Target[] = [];
  const seen = new Set<string>();
  for (const { file, schema } of schemasWithRef(spec)) {
    const target = spec.resolveRef(schema.$ref as string, file);
    if (!target || seen.has(keyOf(target))) continue;
    seen.add(keyOf(target));
    starts.push({ node: { file: target.file, pointer: target.pointer }, value: target.value });
  }
  // Only schemas on a cycle are searched, and only inside their own component: linear for
  // long chains, where searching from every schema took quadratic time.
  const components = cyclicComponents(spec, starts);
  const traced = new Map<number, number>();
  const found: Diagnostic[] = [];
  const name = (n: Node) =>
    n.file === spec.file ? n.pointer : `${displayPath(n.file)}${n.pointer}`;
  for (const { node, value } of starts) {
    const component = components.get(keyOf(node));
    if (component === undefined) continue;
    const count = (traced.get(component) ?? 0) + 1;
    traced.set(component, count);
    const cycle =
      count <= tracedPerComponent
        ? cycleThrough(spec, node, value, (n) => components.get(keyOf(n)) === component)
        : undefined;
    const path = cycle
      ? cycle.map(name).join(" -> ")
      : `${name(node)} is part of a cycle of schemas`;
    const { line, col } = spec.locate(node.file, node.pointer);
    found.push({
      code: "REF004",
      col,
      file: displayPath(node.file),
      hint: "recursion needs an object property or an array item in between",
      line,
      message: `circular $ref: ${path}: each schema is defined only by the next one (via $ref, allOf, oneOf or anyOf), so none of them has a type`,
      pointer: node.pointer,
      severity: "error",
    });
  }
  return found;
}

interface Target {
  node: Node;
  value: unknown;
}

/**
 * Schemas on a cycle of direct references, each mapped to its strongly connected component
 * (Tarjan's algorithm with an explicit stack, so chains of any length fit).
 */
function cyclicComponents(spec: LoadedSpec, starts: Target[]): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const selfLoops = new Set<string>();
  const components = new Map<string, number>();
  let componentCount = 0;
  for (const start of starts) {
    if (index.has(keyOf(start.node))) continue;
    const work: { key: string; targets: Target[]; next: number }[] = [];
    const enter = (target: Target) => {
      const key = keyOf(target.node);
      index.set(key, index.size);
      low.set(key, index.get(key)!);
      stack.push(key);
      onStack.add(key);
      work.push({ key, next: 0, targets: directTargets(spec, target.node, target.value) });
    };
    enter(start);
    while (work.length > 0) {
      const top = work[work.length - 1];
      if (top.next < top.targets.length) {
        const target = top.targets[top.next++];
        const key = keyOf(target.node);
        if (key === top.key) selfLoops.add(key);
        if (!index.has(key)) enter(target);
        else if (onStack.has(key)) low.set(top.key, Math.min(low.get(top.key)!, index.get(key)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].key;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.key)!));
      }
      if (low.get(top.key) !== index.get(top.key)) continue;
      const members: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        members.push(member);
      } while (member !== top.key);
      if (members.length === 1 && !selfLoops.has(top.key)) continue;
      for (const m of members) components.set(m, componentCount);
      componentCount++;
    }
  }
  return components;
}

/** The path back to `start` through direct references inside its component, or undefined when there is none. */
function cycleThrough(
  spec: LoadedSpec,
  start: Node,
  schema: unknown,
  isInComponent: (node: Node) => boolean,
): Node[] | undefined {
  // Depth-first with an explicit stack: a chain of thousands of $refs must not overflow the call stack.
  const visited = new Set<string>();
  // The frames on the stack are the path from `start` to the node being searched.
  const stack: { node: Node; targets: Target[]; next: number }[] = [
    { next: 0, node: start, targets: directTargets(spec, start, schema) },
  ];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next === top.targets.length) {
      stack.pop();
      continue;
    }
    const target = top.targets[top.next++];
    if (keyOf(target.node) === keyOf(start))
      return [...stack.map((frame) => frame.node), target.node];
    if (visited.has(keyOf(target.node)) || !isInComponent(target.node)) continue;
    visited.add(keyOf(target.node));
    stack.push({
      next: 0,
      node: target.node,
      targets: directTargets(spec, target.node, target.value),
    });
  }
  return undefined;
}

/** The schemas `value` (at `node`) stands for directly: its `$ref` target and its composition members. */
function directTargets(
  spec: LoadedSpec,
  node: Node,
  value: unknown,
): { node: Node; value: unknown }[] {
  if (!isObject(value)) return [];
  const targets: { node: Node; value: unknown }[] = [];
  if (typeof value.$ref === "string") {
    const resolved = spec.resolveRef(value.$ref, node.file);
    if (resolved)
      targets.push({
        node: { file: resolved.file, pointer: resolved.pointer },
        value: resolved.value,
      });
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
      const memberNode = {
        file: node.file,
        pointer: childPointer(childPointer(node.pointer, keyword), i),
      };
      targets.push(...directTargets(spec, memberNode, member));
    });
  }
  return targets;
}
