// Pointer -> line and column, computed only when a diagnostic needs one: loading keeps no
// positions. YAML is parsed again here, once, with js-yaml's listener recording where each node
// starts; JSON is walked along the pointer (locate-json.ts), which is much faster on large files.
import path from "node:path";
import yaml from "js-yaml";
import { parsePointer } from "../shared/json-pointer.js";
import { locateInJson, type JsonSteps } from "./locate-json.js";
import { readRegularFile } from "./read-regular-file.js";
import { OPENAPI_YAML_SCHEMA } from "./yaml-schema.js";

export interface Position {
  col: number;
  line: number;
}

/** One node as the parser composed it: where it starts, its value, the nodes composed inside it. */
interface SourceNode {
  children: SourceNode[];
  /** Is this a mapping key (the next character on its line is ":")? */
  isKey: boolean;
  result: unknown;
  start: number;
}

/** Where a file's nodes are. */
type Source = SourceMap | { json: string; lineStarts: number[]; steps: JsonSteps };

interface SourceMap {
  /** The node each object value was first composed at: an alias resolves to its anchor here. */
  byValue: Map<object, SourceNode>;
  lineStarts: number[];
  root: SourceNode | undefined;
  text: string;
}

/** Unknown position, per the Diagnostic contract. */
const UNKNOWN: Position = { line: 0, col: 0 };

/**
 * A `locate(file, pointer)` with its own cache. A map entry is located at its key, an array item at
 * the item; a pointer that goes further than the source (overlay additions, merge results) is
 * located at the deepest node that exists.
 */
export function createLocator(): (file: string, pointer: string) => Position {
  const cache = new Map<string, Source | undefined>();
  return (file, pointer) => {
    const absolute = path.resolve(file);
    if (!cache.has(absolute)) cache.set(absolute, readSource(absolute));
    const source = cache.get(absolute);
    if (!source) return UNKNOWN;
    const segments = parsePointer(pointer) ?? [];
    if ("json" in source)
      return positionOf(source.lineStarts, locateInJson(source.json, segments, source.steps));
    return locateInSource(source, segments);
  };
}

function readSource(absoluteFile: string): Source | undefined {
  let text: string;
  try {
    text = readRegularFile(absoluteFile);
  } catch {
    return undefined;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return isJson(absoluteFile, text)
    ? { json: text, lineStarts: lineStartsOf(text), steps: new Map() }
    : parseYaml(text);
}

/** As read-document.ts decides: a .json file, or any file that parses as JSON. */
function isJson(file: string, text: string): boolean {
  if (file.toLowerCase().endsWith(".json")) return true;
  if (!/^\s*[{[]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function parseYaml(text: string): SourceMap {
  const byValue = new Map<object, SourceNode>();
  const stack: SourceNode[] = [{ children: [], isKey: false, result: undefined, start: 0 }];
  const listener = (event: string, state: { position: number; result: unknown }): void => {
    if (event === "open") {
      stack.push({ children: [], isKey: false, result: undefined, start: state.position });
      return;
    }
    const node = stack.pop()!;
    node.result = state.result;
    node.isKey = isFollowedByColon(text, state.position);
    stack[stack.length - 1].children.push(node);
    if (typeof node.result === "object" && node.result !== null && !byValue.has(node.result))
      byValue.set(node.result, node);
  };
  try {
    // Tolerant: we only want offsets, whatever the loader thought of duplicates.
    yaml.load(text, { json: true, listener, schema: OPENAPI_YAML_SCHEMA } as yaml.LoadOptions);
  } catch {
    return { byValue, lineStarts: lineStartsOf(text), root: undefined, text };
  }
  return { byValue, lineStarts: lineStartsOf(text), root: stack[0].children[0], text };
}

function locateInSource(source: SourceMap, segments: string[]): Position {
  if (!source.root) return segments.length === 0 ? { line: 1, col: 1 } : UNKNOWN;
  let node = unwrap(source, source.root);
  let offset = node.start;
  for (const segment of segments) {
    const step = child(source, node, segment, 0);
    if (!step) break;
    node = unwrap(source, step.node);
    offset = step.at.start;
  }
  return positionOf(source.lineStarts, contentStart(source.text, offset));
}

/**
 * js-yaml tries a block mapping first, so a scalar or flow value is composed inside a node holding
 * the same value; an alias holds its anchor's value without children.
 */
function unwrap(source: SourceMap, node: SourceNode): SourceNode {
  let current = node;
  while (current.children.length === 1 && current.children[0].result === current.result)
    current = current.children[0];
  if (
    current.children.length === 0 &&
    typeof current.result === "object" &&
    current.result !== null
  ) {
    const anchored = source.byValue.get(current.result);
    if (anchored && anchored !== current) return unwrap(source, anchored);
  }
  return current;
}

/** The child named `segment`, and the node a diagnostic should point at (the key, for maps). */
function child(
  source: SourceMap,
  node: SourceNode,
  segment: string,
  depth: number,
): { at: SourceNode; node: SourceNode } | undefined {
  if (Array.isArray(node.result)) {
    // An empty item (`- ` alone) is composed without a node: then indexes cannot be trusted.
    if (node.children.length !== node.result.length || !/^(0|[1-9]\d*)$/.test(segment))
      return undefined;
    const item = node.children[Number(segment)];
    return item && { at: item, node: item };
  }
  if (typeof node.result !== "object" || node.result === null || depth > 20) return undefined;
  const pairs = pairsOf(node);
  const pair = pairs.find(([key]) => String(key.result) === segment);
  if (pair) return pair[1] ? { at: pair[0], node: pair[1] } : { at: pair[0], node: pair[0] };
  // `<<: *base` merges: the entry lives in the aliased map (or one of a list of them).
  for (const [key, value] of pairs) {
    if (key.result !== "<<" || !value) continue;
    const merged = unwrap(source, value);
    const sources = Array.isArray(merged.result)
      ? merged.children.map((c) => unwrap(source, c))
      : [merged];
    for (const from of sources) {
      const found = child(source, from, segment, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** Key nodes with their value nodes (none for `key:` with nothing after it). */
function pairsOf(node: SourceNode): [SourceNode, SourceNode | undefined][] {
  const pairs: [SourceNode, SourceNode | undefined][] = [];
  for (let i = 0; i < node.children.length; i++) {
    const key = node.children[i];
    if (!key.isKey) continue;
    const value = node.children[i + 1];
    pairs.push([key, value && !value.isKey ? value : undefined]);
  }
  return pairs;
}

/** After a key, only spaces stand before its ":" on the same line. */
function isFollowedByColon(text: string, from: number): boolean {
  let i = from;
  while (text[i] === " " || text[i] === "\t") i++;
  return text[i] === ":";
}

/** A node opens before the spaces, line breaks and comments in front of it: skip them. */
function contentStart(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\r" || c === "\n") i++;
    else if (c === "#") while (i < text.length && text[i] !== "\n") i++;
    else return i;
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function positionOf(starts: number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, col: offset - starts[low] + 1 };
}
