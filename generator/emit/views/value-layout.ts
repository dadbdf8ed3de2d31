// JSON-like values (the descriptors handed to the runtime) printed as prettier prints object and
// array literals: inline when they fit, broken one entry per line when they do not.
import { fitsOneLine, pad, printWidth } from "./layout.js";
import { propertyKey, valueLiteral } from "./literal.js";

/** Code (a safe identifier) to print as it is in an expanded object, e.g. `poll: getRequestInfo`. */
export class RawCode {
  constructor(readonly text: string) {}
}

/** An object literal that is always expanded (prettier keeps `{` + newline expanded). */
export function expandedObject(value: Record<string, unknown>, column: number): string {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  const lines = entries.map(([key, v]) => {
    const head = `${pad(column + 2)}${propertyKey(key)}: `;
    return `${head}${v instanceof RawCode ? v.text : printValue(v, column + 2, head.length, 1)},`;
  });
  return `{\n${lines.join("\n")}\n${pad(column)}}`;
}

/**
 * `value` starting at character `start` of a line indented `column`, followed by `suffix`
 * characters (a comma, a semicolon). Inline when it fits; objects and arrays break otherwise.
 */
export function printValue(value: unknown, column: number, start: number, suffix: number): string {
  if (value === null || typeof value !== "object") return valueLiteral(value);
  const isArray = Array.isArray(value);
  const entries = isArray
    ? value
    : Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return isArray ? "[]" : "{}";
  const inline = literalWithin(value, printWidth - start - suffix);
  if (inline !== undefined && !(isArray && mustBreakArray(value))) return inline;
  if (isArray) {
    const items = value.map(
      (item) => `${pad(column + 2)}${printValue(item, column + 2, column + 2, 1)},`,
    );
    return `[\n${items.join("\n")}\n${pad(column)}]`;
  }
  return expandedObject(value as Record<string, unknown>, column);
}

/**
 * valueLiteral(value) when it is at most `limit` characters long, else undefined as soon as it
 * is known to be longer: a big descriptor is printed without writing out every nested value at
 * every depth it is tried inline.
 */
function literalWithin(value: unknown, limit: number): string | undefined {
  if (value === null || typeof value !== "object") {
    const text = valueLiteral(value);
    return text.length <= limit ? text : undefined;
  }
  const isArray = Array.isArray(value);
  const items: [string, unknown][] = isArray
    ? value.map((item) => ["", item])
    : Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([key, v]) => [`${propertyKey(key)}: `, v]);
  const close = isArray ? "]" : " }";
  let text = isArray ? "[" : "{ ";
  for (let i = 0; i < items.length; i++) {
    const head = (i === 0 ? "" : ", ") + items[i][0];
    const item = literalWithin(items[i][1], limit - text.length - head.length - close.length);
    if (item === undefined) return undefined;
    text += head + item;
  }
  return text.length + close.length <= limit ? text + close : undefined;
}

/**
 * prettier breaks an array of several objects (or arrays) that each have more than one entry,
 * even when it would fit: such a list reads better one per line.
 */
function mustBreakArray(items: unknown[]): boolean {
  if (items.length < 2) return false;
  return items.every((item) => {
    if (Array.isArray(item)) return item.length > 1;
    return (
      typeof item === "object" &&
      item !== null &&
      Object.values(item).filter((v) => v !== undefined).length > 1
    );
  });
}

export { fitsOneLine };
