// Where each node of a YAML document starts, recorded by js-yaml's listener during the one parse
// that reads the document, so a diagnostic needs no second parse. The map lives as long as the
// loaded spec: it is kept in flat columns (no object per node, no parsed values, no source text),
// a few bytes per node next to the document itself.

/** A node's parsed value is an object (a map or an array). */
const IS_OBJECT = 1;
/** ... an array. */
const IS_ARRAY = 2;
/** The node is a mapping key (the next character on its line is ":"). */
const IS_KEY = 4;
/** The node only wraps its one child: same value (js-yaml tries a block mapping first). */
const IS_WRAPPER = 8;
/** No child or sibling. */
const NONE = -1;

/** A YAML anchor (`&name`) where a node may start; `R&D` or ` & ` in prose do not match. */
const anchorPattern = /(?:^|[\s[{,])&[^\s,[\]{}]/m;

/** Only a document with an anchor can have aliases. */
function mayHaveAliases(text: string): boolean {
  return anchorPattern.test(text);
}

/** The nodes js-yaml composed, as columns indexed by node number; node 0 holds the document. */
export interface YamlSourceMap {
  /** An alias of a map or list: its anchor, the first node composed with the same value (empty without aliases). */
  aliases: Map<number, number>;
  childCount: Int32Array;
  firstChild: Int32Array;
  /** IS_OBJECT | IS_ARRAY | IS_KEY | IS_WRAPPER per node. */
  flags: Uint8Array;
  /** A key node's text (as String(key) gives it). */
  keys: Map<number, string>;
  /** An array node's length. */
  lengths: Map<number, number>;
  lineStarts: number[];
  nextSibling: Int32Array;
  /** Where a node's content starts: spaces, line breaks and comments before it are skipped. */
  start: Int32Array;
}

type Listener = (event: string, state: { position: number; result: unknown }) => void;

/** A js-yaml `listener` for parsing `text`, and `finish()` for the map once the parse succeeded. */
export function recordYamlSource(text: string): { finish(): YamlSourceMap; listener: Listener } {
  // Typed columns, grown by doubling: a node costs a few writes and no garbage (corpus specs have
  // one node per 13 to 32 characters).
  let count = 1;
  let start: Int32Array = new Int32Array(1024 + (text.length >> 4));
  let firstChild: Int32Array = start.slice().fill(NONE);
  let lastChild: Int32Array = firstChild.slice();
  let nextSibling: Int32Array = firstChild.slice();
  let childCount: Int32Array = start.slice();
  let flags = new Uint8Array(start.length);
  const aliases = new Map<number, number>();
  const keys = new Map<number, string>();
  const lengths = new Map<number, number>();
  // The first node composed with each object value, to resolve aliases: needed only with anchors.
  const firstNodeOf = mayHaveAliases(text) ? new Map<object, number>() : undefined;
  const open: number[] = [0];
  // The value of the node closed last: when a node closes, that is its last child's.
  let lastClosed: unknown;
  const grow = () => {
    [start, childCount] = [start, childCount].map((column) => widened(column, 0));
    [firstChild, lastChild, nextSibling] = [firstChild, lastChild, nextSibling].map((column) =>
      widened(column, NONE),
    );
    const wider = new Uint8Array(flags.length * 2);
    wider.set(flags);
    flags = wider;
  };
  const listener: Listener = (event, state) => {
    if (event === "open") {
      if (count === start.length) grow();
      open.push(count);
      start[count++] = contentStart(text, state.position);
      return;
    }
    const node = open.pop()!;
    const parent = open[open.length - 1];
    if (lastChild[parent] === NONE) firstChild[parent] = node;
    else nextSibling[lastChild[parent]] = node;
    lastChild[parent] = node;
    childCount[parent]++;
    const { result } = state;
    let flag = childCount[node] === 1 && lastClosed === result ? IS_WRAPPER : 0;
    lastClosed = result;
    if (isFollowedByColon(text, state.position)) {
      flag |= IS_KEY;
      keys.set(node, typeof result === "string" ? result : String(result));
    }
    if (typeof result === "object" && result !== null) {
      flag |= IS_OBJECT;
      if (Array.isArray(result)) {
        flag |= IS_ARRAY;
        lengths.set(node, result.length);
      }
      const first = firstNodeOf?.get(result);
      if (first === undefined) firstNodeOf?.set(result, node);
      else if (childCount[node] === 0) aliases.set(node, first);
    }
    flags[node] = flag;
  };
  return {
    listener,
    finish: () => ({
      aliases,
      childCount: childCount.slice(0, count),
      firstChild: firstChild.slice(0, count),
      flags: flags.slice(0, count),
      keys,
      lengths,
      lineStarts: lineStartsOf(text),
      nextSibling: nextSibling.slice(0, count),
      start: start.slice(0, count),
    }),
  };
}

/** `column` at twice its length, the new half filled with `fill`. */
function widened(column: Int32Array, fill: number): Int32Array {
  const wider = new Int32Array(column.length * 2).fill(fill, column.length);
  wider.set(column);
  return wider;
}

/**
 * Offset of the entry (a map's key, an array's item) the pointer's segments name, or of the
 * deepest one that exists; undefined when the document has no root node.
 */
export function locateInYaml(map: YamlSourceMap, segments: string[]): number | undefined {
  const root = map.firstChild[0];
  if (root === NONE) return undefined;
  let node = unwrap(map, root);
  let offset = map.start[node];
  for (const segment of segments) {
    const step = child(map, node, segment, 0);
    if (!step) break;
    node = unwrap(map, step.node);
    offset = map.start[step.at];
  }
  return offset;
}

/**
 * js-yaml tries a block mapping first, so a scalar or flow value is composed inside a node holding
 * the same value; an alias holds its anchor's value without children.
 */
function unwrap(map: YamlSourceMap, node: number): number {
  let current = node;
  while (map.flags[current] & IS_WRAPPER) current = map.firstChild[current];
  const anchored = map.aliases.get(current);
  return anchored === undefined ? current : unwrap(map, anchored);
}

/** The child named `segment`, and the node a diagnostic should point at (the key, for maps). */
function child(
  map: YamlSourceMap,
  node: number,
  segment: string,
  depth: number,
): { at: number; node: number } | undefined {
  if (map.flags[node] & IS_ARRAY) {
    // An empty item (`- ` alone) is composed without a node: then indexes cannot be trusted.
    if (map.childCount[node] !== map.lengths.get(node) || !/^(0|[1-9]\d*)$/.test(segment))
      return undefined;
    const item = nthChild(map, node, Number(segment));
    return item === NONE ? undefined : { at: item, node: item };
  }
  if (!(map.flags[node] & IS_OBJECT) || depth > 20) return undefined;
  const pairs = pairsOf(map, node);
  const pair = pairs.find(([key]) => map.keys.get(key) === segment);
  if (pair) return { at: pair[0], node: pair[1] ?? pair[0] };
  // `<<: *base` merges: the entry lives in the aliased map (or one of a list of them).
  for (const [key, value] of pairs) {
    if (map.keys.get(key) !== "<<" || value === undefined) continue;
    const merged = unwrap(map, value);
    const sources =
      map.flags[merged] & IS_ARRAY ? childrenOf(map, merged).map((c) => unwrap(map, c)) : [merged];
    for (const from of sources) {
      const found = child(map, from, segment, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function childrenOf(map: YamlSourceMap, node: number): number[] {
  const children: number[] = [];
  for (let c = map.firstChild[node]; c !== NONE; c = map.nextSibling[c]) children.push(c);
  return children;
}

function nthChild(map: YamlSourceMap, node: number, n: number): number {
  let c = map.firstChild[node];
  for (let i = 0; i < n && c !== NONE; i++) c = map.nextSibling[c];
  return c;
}

/** Key nodes with their value nodes (none for `key:` with nothing after it). */
function pairsOf(map: YamlSourceMap, node: number): [number, number | undefined][] {
  const pairs: [number, number | undefined][] = [];
  for (let c = map.firstChild[node]; c !== NONE; c = map.nextSibling[c]) {
    if (!(map.flags[c] & IS_KEY)) continue;
    const value = map.nextSibling[c];
    pairs.push([c, value !== NONE && !(map.flags[value] & IS_KEY) ? value : undefined]);
  }
  return pairs;
}

/** After a key, only spaces stand before its ":" on the same line. */
function isFollowedByColon(text: string, from: number): boolean {
  let i = from;
  let c = text.charCodeAt(i);
  while (c === SPACE || c === TAB) c = text.charCodeAt(++i);
  return c === COLON;
}

/** A node opens before the spaces, line breaks and comments in front of it: skip them. */
function contentStart(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB || c === CR || c === LF) i++;
    else if (c === HASH) while (i < text.length && text.charCodeAt(i) !== LF) i++;
    else return i;
  }
}

const [TAB, LF, CR, SPACE, HASH, COLON] = [9, 10, 13, 32, 35, 58];

/** Offset of each line's first character. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
