// Line layout the way prettier would print it (printWidth 100), for the few shapes the emitter
// produces. Emitting prettier's own layout lets big files skip prettier entirely; anything these
// rules do not cover is left on one long line, which format.ts detects and hands to prettier.

/**
 * Marks text whose layout only prettier knows: format.ts sends any declaration holding the mark
 * through prettier. NUL never comes from spec text (literals escape it, comments drop it).
 */
export const unsureMark = "\u0000";

export const printWidth = 100;

/** Indentation string for a column. */
export function pad(column: number): string {
  return " ".repeat(column);
}

/** Split a type at `separator` where it stands outside brackets and string literals. */
export function splitTopLevel(type: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  for (let i = 0; i < type.length; i++) {
    const c = type[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === '"') quote = false;
      continue;
    }
    if (c === '"') quote = true;
    else if (c === "{" || c === "[" || c === "(" || c === "<") depth++;
    else if (c === "}" || c === "]" || c === ")" || c === ">") depth--;
    else if (depth === 0 && type.startsWith(separator, i)) {
      parts.push(type.slice(start, i));
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(type.slice(start));
  return parts;
}

/** The variants of a type's top-level union (they may span lines); undefined when it is not one. */
export function unionVariants(type: string): string[] | undefined {
  const parts = splitTopLevel(type, " | ");
  return parts.length > 1 ? parts : undefined;
}

/**
 * `head type;` at `column`, e.g. a property signature. Too long and a union: the type moves to the
 * next line, and if it still does not fit, one variant per line (prettier's two fallbacks).
 */
export function typedLine(column: number, head: string, type: string, end = ";"): string {
  const line = `${pad(column)}${head} ${type}${end}`;
  if (type.includes("\n")) return multiLineTyped(column, head, type, end);
  if (fitsOneLine(line)) return line;
  const arrayOf = /^\((.*)\)\[\]$/.exec(type);
  const inner = arrayOf && unionVariants(arrayOf[1]);
  if (arrayOf && inner) {
    // `(A | B)[]` breaks inside its parentheses: the union on one line, or one variant per line.
    const oneLine = `${pad(column + 2)}${arrayOf[1]}`;
    const body = fitsOneLine(oneLine)
      ? oneLine
      : inner.map((v) => `${pad(column + 2)}| ${v}`).join("\n");
    return `${pad(column)}${head} (\n${body}\n${pad(column)})[]${end}`;
  }
  const variants = unionVariants(type);
  // `X | null` is hugged: prettier breaks inside X, which is not reproduced here (prettier formats it).
  if (variants?.length === 2 && (variants[1] === "null" || variants[1] === "undefined"))
    return line;
  const next = `${pad(column + 2)}${type}${end}`;
  // A long union moves to the next line; so does a long name on the right of a type alias.
  const isName = /^[\w.$]+$/.test(type) && head.endsWith("=");
  if ((variants || isName) && fitsOneLine(next)) return `${pad(column)}${head}\n${next}`;
  if (!variants) return line;
  return `${pad(column)}${head}\n${variants.map((v) => `${pad(column + 2)}| ${v}`).join("\n")}${end}`;
}

/**
 * A type spanning lines (object literals). A union holding one is broken one variant per line,
 * each multi-line variant shifted under its `| `; an object with `| null` stays hugged.
 */
function multiLineTyped(column: number, head: string, type: string, end: string): string {
  const known =
    brokenArrayOfUnion(column, head, type, end) ?? brokenRecord(column, head, type, end);
  if (known !== undefined) return known;
  const variants = unionVariants(type);
  if (!variants || isHuggedNull(variants)) return `${pad(column)}${head} ${type}${end}`;
  return `${pad(column)}${head}\n${unionLines(column + 2, variants)}${end}`;
}

/**
 * `(A | {...})[]`, which type-expression.ts marks unsure because its layout depends on where it
 * stands: as a property or alias type prettier breaks inside the parentheses, one variant a line.
 */
function brokenArrayOfUnion(
  column: number,
  head: string,
  type: string,
  end: string,
): string | undefined {
  const inner = /^\u0000\(([^]*)\)\[\]$/.exec(type)?.[1];
  if (inner === undefined || inner.includes(unsureMark) || !isSingleTerm(type.slice(1)))
    return undefined;
  const variants = unionVariants(inner);
  if (!variants) return undefined;
  return `${pad(column)}${head} (\n${unionLines(column + 2, variants)}\n${pad(column)})[]${end}`;
}

/** `Record<string, V>` with a multi-line V (marked unsure): prettier puts each type argument on its own line. */
function brokenRecord(column: number, head: string, type: string, end: string): string | undefined {
  const value = /^\u0000Record<string, ([^]*)>$/.exec(type)?.[1];
  if (value === undefined || value.includes(unsureMark) || !isSingleTerm(type.slice(1)))
    return undefined;
  const variants = unionVariants(value);
  const argument =
    variants && !isHuggedNull(variants)
      ? unionLines(column + 2, variants)
      : `${pad(column + 2)}${value.split("\n").join(`\n${pad(2)}`)}`;
  return `${pad(column)}${head} Record<\n${pad(column + 2)}string,\n${argument}\n${pad(column)}>${end}`;
}

/**
 * Union variants one per line at `column`, each behind `| `; a multi-line variant (laid out two
 * columns left of here) moves right under its `| `, as prettier aligns it.
 */
function unionLines(column: number, variants: string[]): string {
  return variants.map((v) => `${pad(column)}| ${v.split("\n").join(`\n${pad(4)}`)}`).join("\n");
}

/** `{...} | null`: prettier hugs an object literal whose only other variant is null. */
export function isHuggedNull(variants: string[]): boolean {
  return variants.length === 2 && variants[1] === "null" && isObjectLiteral(variants[0]);
}

/** `{ ... }`, on one line or several: what prettier calls an object type. */
export function isObjectLiteral(type: string): boolean {
  return type.startsWith("{") && type.endsWith("}") && isSingleTerm(type);
}

/** True when no operator (or any space) sits outside brackets and quotes: the text is one term. */
export function isSingleTerm(type: string): boolean {
  return splitTopLevel(type, " ").length === 1;
}

/** `export type Name = type;` with prettier's layouts for long right-hand sides. */
export function typeAlias(name: string, type: string): string {
  return typedLine(0, `export type ${name} =`, type);
}

/** True when `line` (possibly several lines) has no line longer than the print width. */
export function fitsOneLine(text: string): boolean {
  return text.split("\n").every((l) => l.length <= printWidth);
}

/** Add `column` spaces in front of every non-empty line. */
export function indentLines(text: string, column: number): string {
  const prefix = pad(column);
  return text
    .split("\n")
    .map((l) => (l === "" ? l : prefix + l))
    .join("\n");
}

/**
 * A call or signature `head(a, b)tail` at `column`: on one line when it fits, otherwise one
 * argument per line with trailing commas, as prettier breaks argument lists.
 */
export function argumentList(column: number, head: string, args: string[], tail: string): string {
  const line = `${pad(column)}${head}(${args.join(", ")})${tail}`;
  if (fitsOneLine(line) || args.length === 0) return line;
  const inner = args.map((a) => `${pad(column + 2)}${a},`).join("\n");
  return `${pad(column)}${head}(\n${inner}\n${pad(column)})${tail}`;
}
