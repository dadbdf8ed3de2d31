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
  // `X | null` is hugged: prettier breaks inside X (only a generic X is reproduced here); an
  // array of a union is not hugged, it breaks as any union.
  if (
    variants?.length === 2 &&
    (variants[1] === "null" || variants[1] === "undefined") &&
    !/^\(.*\)\[\]$/.test(variants[0])
  ) {
    const generic = brokenGenericLine(column, head, variants[0], ` | ${variants[1]}${end}`);
    return generic ?? line;
  }
  const next = `${pad(column + 2)}${type}${end}`;
  // A long union moves to the next line; so does a long name on the right of a type alias.
  const isName = /^[\w.$]+$/.test(type) && head.endsWith("=");
  if ((variants || isName) && fitsOneLine(next)) return `${pad(column)}${head}\n${next}`;
  if (!variants)
    return (
      brokenIntersectionLine(column, head, type, end) ??
      brokenGenericLine(column, head, type, end) ??
      line
    );
  return `${pad(column)}${head}\n${variants.map((v) => variantLine(column + 2, v)).join("\n")}${end}`;
}

/**
 * One variant of a union broken one variant a line, `| ` at `column`: an array of a union too
 * long for the line breaks inside its parentheses, as prettier does.
 */
function variantLine(column: number, variant: string): string {
  const line = `${pad(column)}| ${variant}`;
  const inner = /^\((.*)\)\[\]$/.exec(variant)?.[1];
  const innerVariants = inner === undefined ? undefined : unionVariants(inner);
  if (fitsOneLine(line) || !innerVariants || !isSingleTerm(variant)) return line;
  const oneLine = `${pad(column + 4)}${inner}`;
  const body = fitsOneLine(oneLine)
    ? oneLine
    : innerVariants.map((v) => `${pad(column + 4)}| ${v}`).join("\n");
  return `${pad(column)}| (\n${body}\n${pad(column + 2)})[]`;
}

/** `head A & B & C;` too long, its parts names: prettier breaks after each `&`, indented two more. */
function brokenIntersectionLine(
  column: number,
  head: string,
  type: string,
  end: string,
): string | undefined {
  const parts = splitTopLevel(type, " & ");
  if (parts.length < 2 || !parts.every((part) => /^[\w.$]+$/.test(part))) return undefined;
  return `${pad(column)}${head} ${parts.join(` &\n${pad(column + 2)}`)}${end}`;
}

/** `head Name<a, b>;` too long: prettier breaks the type arguments, one per line. */
function brokenGenericLine(
  column: number,
  head: string,
  type: string,
  end: string,
): string | undefined {
  const generic = genericOf(type);
  if (!generic || !fitsOneLine(`${pad(column)}${head} ${generic.name}<`)) return undefined;
  if (generic.argumentsAt(column).length < 2) return undefined;
  const broken = brokenTypeArguments(column, generic);
  return broken === undefined ? undefined : `${pad(column)}${head} ${broken}${end}`;
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
  // A marked `Record<string, {...}>` variant breaks its type arguments, as it would alone.
  const laidOut = variants.map((v) => recordLines(column, v) ?? v);
  return `${pad(column)}${head}\n${unionLines(column + 2, laidOut)}${end}`;
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
  const inner = arrayOfUnion(type);
  if (inner === undefined) return undefined;
  return `${pad(column)}${head} ${brokenUnionGroup(column, inner)}[]${end}`;
}

/** The variants of a marked `(A | {...})[]` whose own parts prettier need not lay out. */
function arrayOfUnion(type: string): string[] | undefined {
  const inner = /^\u0000\(([^]*)\)\[\]$/.exec(type)?.[1];
  if (inner === undefined || inner.includes(unsureMark) || !isSingleTerm(type.slice(1)))
    return undefined;
  return unionVariants(inner);
}

/** `Record<string, V>` with a multi-line V (marked unsure): prettier puts each type argument on its own line. */
function brokenRecord(column: number, head: string, type: string, end: string): string | undefined {
  const record = recordLines(column, type);
  return record === undefined ? undefined : `${pad(column)}${head} ${record}${end}`;
}

/** A marked `Record<string, V>` starting on a line indented `column`, one type argument a line. */
function recordLines(column: number, type: string): string | undefined {
  const value = /^\u0000Record<string, ([^]*)>$/.exec(type)?.[1];
  if (value === undefined || !isSingleTerm(type.slice(1))) return undefined;
  const arrayVariants = arrayOfUnion(value);
  if (value.includes(unsureMark) && arrayVariants === undefined) return undefined;
  const variants = unionVariants(value);
  const argument = arrayVariants
    ? `${pad(column + 2)}${brokenUnionGroup(column + 2, arrayVariants, column)}[]`
    : variants && !isHuggedNull(variants)
      ? unionLines(column + 2, variants)
      : `${pad(column + 2)}${value.split("\n").join(`\n${pad(2)}`)}`;
  return `Record<\n${pad(column + 2)}string,\n${argument}\n${pad(column)}>`;
}

/**
 * `(` union `)` broken inside its parentheses, which open on a line indented `column`: one
 * variant a line, variants laid out for a line indented `computedAt`.
 */
export function brokenUnionGroup(column: number, variants: string[], computedAt = column): string {
  return `(\n${unionLines(column + 2, variants, computedAt)}\n${pad(column)})`;
}

/**
 * Union variants one per line at `column`, each behind `| `; a multi-line variant (laid out for
 * a line indented `computedAt`, by default two columns left of here) moves right under its `| `,
 * as prettier aligns it.
 */
function unionLines(column: number, variants: string[], computedAt = column - 2): string {
  const shift = pad(column + 2 - computedAt);
  return variants.map((v) => `${pad(column)}| ${v.split("\n").join(`\n${shift}`)}`).join("\n");
}

/**
 * An intersection of `parts` starting on a line indented `column`, as prettier prints it when a
 * part spans lines (an object type): next to an object type a part follows on the same line (after
 * the second, indented two more); between two other parts the line breaks, indented two more.
 * Undefined when a multi-line part is not an object type (its layout is not reproduced here).
 */
export function intersectionLines(parts: string[], column: number): string | undefined {
  if (parts.every((part) => !part.includes("\n"))) return parts.join(" & ");
  const isObject = parts.map(isObjectLiteral);
  // Besides object types, a union broken inside its parentheses; on a line of its own no part spans lines.
  const isKnown = (part: string, i: number) =>
    !part.includes("\n") || isObject[i] || (part.startsWith("(\n") && (i === 0 || isObject[i - 1]));
  if (!parts.every(isKnown)) return undefined;
  const indented = (part: string) => part.split("\n").join(`\n${pad(2)}`);
  let text = parts[0];
  let wasIndented = false;
  for (let i = 1; i < parts.length; i++) {
    if (!isObject[i - 1] && !isObject[i]) {
      text += ` &\n${pad(column + 2)}${parts[i]}`;
    } else if (isObject[i - 1] && isObject[i]) {
      text += ` & ${wasIndented ? indented(parts[i]) : parts[i]}`;
    } else {
      if (i > 1) wasIndented = true;
      text += ` & ${i > 1 ? indented(parts[i]) : parts[i]}`;
    }
  }
  return text;
}

/** `{...} | null`, `{...} | void`: prettier hugs an object literal whose other variants are all null or void. */
export function isHuggedNull(variants: string[]): boolean {
  const others = variants.filter((v) => v !== "null" && v !== "void");
  return others.length === 1 && variants.length > 1 && isObjectLiteral(others[0]);
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

/**
 * A generic type whose arguments are laid out for the column they start on (a multi-line
 * argument, an object type, carries its absolute indentation).
 */
export interface GenericType {
  argumentsAt(column: number): string[];
  name: string;
}

/** `name<a, b>` on one line, its arguments laid out at `column`. */
export function flatGeneric(type: GenericType, column = 0): string {
  return `${type.name}<${type.argumentsAt(column).join(", ")}>`;
}

/** `Name<a, b>` on one line as a generic type whose arguments can be broken; undefined otherwise. */
function genericOf(type: string): GenericType | undefined {
  const generic = /^([\w.$]+)<(.*)>$/.exec(type);
  if (!generic || !isSingleTerm(type)) return undefined;
  const args = splitTopLevel(generic[2], ", ");
  return { argumentsAt: () => args, name: generic[1] };
}

/**
 * A method signature `head(parameters): returnType;` at `column`, as prettier prints it: on one
 * line when it fits, else one parameter per line; then, if `): returnType;` is still too long (or
 * an argument spans lines), a generic return type breaks one type argument per line. A layout
 * prettier would choose differently comes back marked unsure. `end` replaces the `;` (a function
 * declaration's ` {`).
 */
export function methodSignature(
  column: number,
  head: string,
  parameters: string[],
  returnType: string | GenericType,
  end = ";",
): string {
  if (typeof returnType === "string") returnType = genericOf(returnType) ?? returnType;
  const flat = typeof returnType === "string" ? returnType : flatGeneric(returnType);
  const line = `${pad(column)}${head}(${parameters.join(", ")}): ${flat}${end}`;
  if (!flat.includes("\n") && fitsOneLine(line)) return line;
  const params =
    parameters.length === 0
      ? `${pad(column)}${head}(`
      : `${pad(column)}${head}(\n${parameters.map((p) => `${pad(column + 2)}${p},`).join("\n")}\n${pad(column)}`;
  const tail = `${pad(column)}): ${flat}${end}`;
  if (typeof returnType === "string")
    return flat.includes("\n")
      ? `${unsureMark}${params}): ${flat}${end}`
      : `${params}): ${flat}${end}`;
  if (!flat.includes("\n") && fitsOneLine(tail)) return `${params}): ${flat}${end}`;
  const broken = brokenTypeArguments(column, returnType);
  return broken === undefined
    ? `${unsureMark}${params}): ${flat}${end}`
    : `${params}): ${broken}${end}`;
}

/**
 * `name<` one argument per line at `column + 2` `>` (prettier's type argument list: no trailing
 * comma; a long union argument one variant per line); undefined when prettier would keep the
 * only argument hugged or lay an argument out otherwise.
 */
function brokenTypeArguments(column: number, type: GenericType): string | undefined {
  const args = type.argumentsAt(column + 2);
  if (args.length === 1 && (/^[\w.$]+$/.test(args[0]) || isObjectLiteral(args[0])))
    return undefined;
  const lines = args.map((arg, i) =>
    typeArgumentLines(column + 2, arg, i < args.length - 1 ? "," : ""),
  );
  if (lines.includes(undefined)) return undefined;
  return `${type.name}<\n${lines.join("\n")}\n${pad(column)}>`;
}

/** One type argument of a broken list at `column`, or undefined when its layout is not known. */
function typeArgumentLines(column: number, arg: string, end: string): string | undefined {
  if (arg.includes(unsureMark)) return undefined;
  if (arg.includes("\n")) {
    // An object type, or an intersection holding one, keeps its own (absolute) layout.
    const isKnown =
      isObjectLiteral(arg) || (!unionVariants(arg) && splitTopLevel(arg, " & ").length > 1);
    return isKnown ? `${pad(column)}${arg}${end}` : undefined;
  }
  const line = `${pad(column)}${arg}${end}`;
  if (fitsOneLine(line)) return line;
  const variants = unionVariants(arg);
  if (!variants) return undefined;
  const broken = `${variants.map((v) => `${pad(column)}| ${v}`).join("\n")}${end}`;
  return fitsOneLine(broken) ? broken : undefined;
}
