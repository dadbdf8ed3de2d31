// Pointer -> offset in JSON text, by walking the text along the pointer only: sibling values are
// skipped by bracket counting, so a 13 MB document costs one pass over part of its characters
// (a parser building a tree with offsets, js-yaml's or jsonc-parser's, takes seconds on it).

/**
 * Offset of the member's key (objects) or the item (arrays) the pointer names, or of the deepest
 * one that exists.
 */
export function locateInJson(
  text: string,
  segments: string[],
  steps: JsonSteps = new Map(),
): number {
  let at = skipSpace(text, 0);
  let found = at;
  let prefix = "";
  for (const segment of segments) {
    prefix += `/${segment.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    let step = steps.get(prefix);
    if (step === undefined) {
      step =
        text.charCodeAt(at) === OPEN_BRACE
          ? memberOf(text, at, segment)
          : text.charCodeAt(at) === OPEN_BRACKET
            ? itemOf(text, at, segment)
            : undefined;
      steps.set(prefix, step ?? null);
    }
    if (!step) return found;
    found = step.at;
    at = step.value;
  }
  return found;
}

/** Steps already walked, by pointer prefix: sibling lookups start from their common parent. */
export type JsonSteps = Map<string, { at: number; value: number } | null>;

/** Where the member `name`'s key and value start, in the object opening at `open`. */
function memberOf(
  text: string,
  open: number,
  name: string,
): { at: number; value: number } | undefined {
  let i = skipSpace(text, open + 1);
  while (text.charCodeAt(i) === QUOTE) {
    const keyEnd = stringEnd(text, i);
    const value = skipSpace(text, skipSpace(text, keyEnd) + 1);
    if (keyOf(text.slice(i, keyEnd)) === name) return { at: i, value };
    i = skipSpace(text, valueEnd(text, value));
    if (text.charCodeAt(i) !== COMMA) return undefined;
    i = skipSpace(text, i + 1);
  }
  return undefined;
}

/** Where item `index` starts, in the array opening at `open`. */
function itemOf(
  text: string,
  open: number,
  index: string,
): { at: number; value: number } | undefined {
  if (!/^(0|[1-9]\d*)$/.test(index)) return undefined;
  let i = skipSpace(text, open + 1);
  for (let n = 0; i < text.length && text.charCodeAt(i) !== CLOSE_BRACKET; n++) {
    if (String(n) === index) return { at: i, value: i };
    i = skipSpace(text, valueEnd(text, i));
    if (text.charCodeAt(i) !== COMMA) return undefined;
    i = skipSpace(text, i + 1);
  }
  return undefined;
}

function keyOf(quoted: string): string | undefined {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return undefined;
  }
}

/** The offset just after the value starting at `start`. */
function valueEnd(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === QUOTE) return stringEnd(text, start);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    let i = start;
    while (i < text.length && !isScalarEnd(text.charCodeAt(i))) i++;
    return i;
  }
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) i = stringEnd(text, i) - 1;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return i + 1;
  }
  return text.length;
}

/** The offset just after the string whose opening quote is at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return text.length;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (isSpace(text.charCodeAt(i))) i++;
  return i;
}

// Character codes, not one-character strings: a lookup skips most of a 13 MB text.
const [TAB, LF, CR, SPACE, QUOTE, COMMA] = [9, 10, 13, 32, 34, 44];
const [OPEN_BRACKET, BACKSLASH, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE] = [91, 92, 93, 123, 125];

function isSpace(c: number): boolean {
  return c === SPACE || c === LF || c === CR || c === TAB;
}

/** `,`, `}`, `]` or a space ends a number, `true`, `false` or `null`. */
function isScalarEnd(c: number): boolean {
  return c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c);
}
