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
        text[at] === "{"
          ? memberOf(text, at, segment)
          : text[at] === "["
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
  while (text[i] === '"') {
    const keyEnd = stringEnd(text, i);
    const value = skipSpace(text, skipSpace(text, keyEnd) + 1);
    if (keyOf(text.slice(i, keyEnd)) === name) return { at: i, value };
    i = skipSpace(text, valueEnd(text, value));
    if (text[i] !== ",") return undefined;
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
  for (let n = 0; i < text.length && text[i] !== "]"; n++) {
    if (String(n) === index) return { at: i, value: i };
    i = skipSpace(text, valueEnd(text, i));
    if (text[i] !== ",") return undefined;
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
  if (text[start] === '"') return stringEnd(text, start);
  if (text[start] !== "{" && text[start] !== "[") {
    let i = start;
    while (i < text.length && !",}] \t\r\n".includes(text[i])) i++;
    return i;
  }
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') i = stringEnd(text, i) - 1;
    else if (c === "{" || c === "[") depth++;
    else if ((c === "}" || c === "]") && --depth === 0) return i + 1;
  }
  return text.length;
}

/** The offset just after the string whose opening quote is at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t") i++;
  return i;
}
