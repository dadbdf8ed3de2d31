// Pointer -> line and column, computed only when a diagnostic needs one: the fast load path
// (js-yaml, JSON.parse) keeps no positions, so the file is parsed again here with `yaml`, once.
import { createRequire } from "node:module";
import path from "node:path";
import type { Document, LineCounter, Node } from "yaml";
import { parsePointer } from "../shared/json-pointer.js";
import { locateByIndentation, scanLines, type ScannedLines } from "./locate-fast.js";
import { readRegularFile } from "./read-regular-file.js";

type YamlModule = typeof import("yaml");
let yamlModule: YamlModule | undefined;

/** `yaml` costs ~35 ms to import; a load without diagnostics never pays it. */
function loadYaml(): YamlModule {
  yamlModule ??= createRequire(import.meta.url)("yaml") as YamlModule;
  return yamlModule;
}

export interface Position {
  col: number;
  line: number;
}

/** Where a file's nodes are: the `yaml` AST with offsets, and the line starts to turn them into positions. */
interface SourceMap {
  document: Document.Parsed | undefined;
  lines: LineCounter;
}

/** Unknown position, per the Diagnostic contract. */
const UNKNOWN: Position = { line: 0, col: 0 };

/**
 * A `locate(file, pointer)` with its own cache. A map entry is located at its key, an array item at
 * the item; a pointer that goes further than the source (overlay additions, merge results) is
 * located at the deepest node that exists.
 */
export function createLocator(): (file: string, pointer: string) => Position {
  const cache = new Map<string, SourceMap>();
  const scans = new Map<string, ScannedLines | undefined>();
  return (file, pointer) => {
    const absolute = path.resolve(file);
    const segments = parsePointer(pointer) ?? [];
    if (!scans.has(absolute)) scans.set(absolute, scanFile(absolute));
    const scan = scans.get(absolute);
    const quick = scan && locateByIndentation(scan, segments);
    if (quick) return quick;
    let source = cache.get(absolute);
    if (!source) {
      source = parseSource(absolute);
      cache.set(absolute, source);
    }
    return locateInSource(source, segments);
  };
}

/** Full parse with positions: what the quick scan falls back to (and is tested against). */
export function createFullLocator(): (file: string, pointer: string) => Position {
  const cache = new Map<string, SourceMap>();
  return (file, pointer) => {
    const absolute = path.resolve(file);
    let source = cache.get(absolute);
    if (!source) {
      source = parseSource(absolute);
      cache.set(absolute, source);
    }
    return locateInSource(source, parsePointer(pointer) ?? []);
  };
}

function scanFile(absoluteFile: string): ScannedLines | undefined {
  try {
    let text = readRegularFile(absoluteFile);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return scanLines(text);
  } catch {
    return undefined;
  }
}

function parseSource(absoluteFile: string): SourceMap {
  const { LineCounter, parseDocument } = loadYaml();
  const lines = new LineCounter();
  try {
    let text = readRegularFile(absoluteFile);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    // Tolerant options: we only want offsets, whatever `yaml` thinks of duplicates or size.
    const document = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
    return { document, lines };
  } catch {
    return { document: undefined, lines };
  }
}

function locateInSource(source: SourceMap, segments: string[]): Position {
  const root = source.document?.contents;
  if (!root) return segments.length === 0 ? { line: 1, col: 1 } : UNKNOWN;
  let node: unknown = root;
  let offset = startOf(root) ?? 0;
  for (const segment of segments) {
    const step = child(source.document!, node, segment);
    if (!step) break;
    node = step.node;
    offset = step.offset ?? offset;
  }
  const { line, col } = source.lines.linePos(offset);
  return line === 0 ? { line: 1, col: offset + 1 } : { line, col };
}

/** The child named `segment` and the offset a diagnostic should point at (key for maps). */
function child(document: Document.Parsed, node: unknown, segment: string): { node: unknown; offset?: number } | undefined {
  const { isAlias, isMap, isPair, isSeq } = loadYaml();
  const target = isAlias(node) ? node.resolve(document) : node;
  if (isSeq(target)) {
    const item = /^(0|[1-9]\d*)$/.test(segment) ? target.items[Number(segment)] : undefined;
    return item === undefined ? undefined : { node: item, offset: startOf(item) };
  }
  if (!isMap(target)) return undefined;
  for (const pair of target.items) {
    if (isPair(pair) && keyText(pair.key) === segment) {
      return { node: pair.value, offset: startOf(pair.key) ?? startOf(pair.value) };
    }
  }
  // `<<: *base` merges: the entry lives in the aliased map.
  for (const pair of target.items) {
    if (!isPair(pair) || keyText(pair.key) !== "<<") continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const merged = child(document, source, segment);
      if (merged) return merged;
    }
  }
  return undefined;
}

function keyText(key: unknown): string | undefined {
  return loadYaml().isScalar(key) ? String(key.value) : undefined;
}

function startOf(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}
