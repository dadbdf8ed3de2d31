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
/** No child, sibling or value id. */
const NONE = -1;

/** The nodes js-yaml composed, as columns indexed by node number; node 0 holds the document. */
export interface YamlSourceMap {
  childCount: Int32Array;
  firstChild: Int32Array;
  /** IS_OBJECT | IS_ARRAY | IS_KEY per node. */
  flags: Uint8Array;
  /** Per value id: the first node composed with that value (an alias resolves to its anchor here). */
  firstNodeOf: Int32Array;
  /** A key node's text (as String(key) would give it). */
  keys: Map<number, string>;
  /** An array node's length. */
  lengths: Map<number, number>;
  lineStarts: number[];
  nextSibling: Int32Array;
  /** Where a node's content starts: spaces, line breaks and comments before it are skipped. */
  start: Int32Array;
  /** Per node: one id per distinct object value (an alias shares its anchor's), NONE for scalars. */
  valueId: Int32Array;
}

type Listener = (event: string, state: { position: number; result: unknown }) => void;

/** A js-yaml `listener` for parsing `text`, and `finish()` for the map once the parse succeeded. */
export function recordYamlSource(text: string): { finish(): YamlSourceMap; listener: Listener } {
  const start: number[] = [0];
  const firstChild: number[] = [NONE];
  const lastChild: number[] = [NONE];
  const nextSibling: number[] = [NONE];
  const childCount: number[] = [0];
  const flags: number[] = [0];
  const valueId: number[] = [NONE];
  const firstNodeOf: number[] = [];
  const ids = new Map<object, number>();
  const keys = new Map<number, string>();
  const lengths = new Map<number, number>();
  const open: number[] = [0];
  const listener: Listener = (event, state) => {
    if (event === "open") {
      const node = start.length;
      start.push(contentStart(text, state.position));
      firstChild.push(NONE);
      lastChild.push(NONE);
      nextSibling.push(NONE);
      childCount.push(0);
      flags.push(0);
      valueId.push(NONE);
      open.push(node);
      return;
    }
    const node = open.pop()!;
    const parent = open[open.length - 1];
    if (lastChild[parent] === NONE) firstChild[parent] = node;
    else nextSibling[lastChild[parent]] = node;
    lastChild[parent] = node;
    childCount[parent]++;
    const { result } = state;
    let flag = isFollowedByColon(text, state.position) ? IS_KEY : 0;
    if (flag === IS_KEY) keys.set(node, String(result));
    if (typeof result === "object" && result !== null) {
      flag |= IS_OBJECT;
      if (Array.isArray(result)) {
        flag |= IS_ARRAY;
        lengths.set(node, result.length);
      }
      let id = ids.get(result);
      if (id === undefined) {
        id = firstNodeOf.length;
        ids.set(result, id);
        firstNodeOf.push(node);
      }
      valueId[node] = id;
    }
    flags[node] = flag;
  };
  return {
    listener,
    finish: () => ({
      childCount: Int32Array.from(childCount),
      firstChild: Int32Array.from(firstChild),
      firstNodeOf: Int32Array.from(firstNodeOf),
      flags: Uint8Array.from(flags),
      keys,
      lengths,
      lineStarts: lineStartsOf(text),
      nextSibling: Int32Array.from(nextSibling),
      start: Int32Array.from(start),
      valueId: Int32Array.from(valueId),
    }),
  };
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
  while (
    map.childCount[current] === 1 &&
    map.valueId[map.firstChild[current]] === map.valueId[current]
  )
    current = map.firstChild[current];
  const id = map.valueId[current];
  if (map.childCount[current] === 0 && id !== NONE) {
    const anchored = map.firstNodeOf[id];
    if (anchored !== current) return unwrap(map, anchored);
  }
  return current;
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

/** Offset of each line's first character. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
