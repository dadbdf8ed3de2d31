// Spec text enters generated code only through these functions: as a string literal, a property
// key or a comment. None of them lets the text end the construct it sits in.
import { isIdentifier } from "../../normalize/names.js";

/**
 * Characters JSON.stringify leaves raw that still do harm in a source file: line and paragraph
 * separators (line breaks to older parsers) and the bidirectional controls of "Trojan Source"
 * (CVE-2021-42574), which make a literal look like different code in an editor or a review.
 */
const UNSAFE_IN_SOURCE = /[\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** `\uXXXX` for one UTF-16 code unit. */
export function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** A double-quoted string literal; separators and bidi controls escaped too (see UNSAFE_IN_SOURCE). */
export function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(UNSAFE_IN_SOURCE, unicodeEscape);
}

/**
 * A property key, in a type or an object literal: bare when it is an identifier, quoted otherwise.
 * `__proto__` is computed (`["__proto__"]`): bare or quoted, in an object literal it would set the
 * object's prototype instead of creating a property.
 */
export function propertyKey(name: string): string {
  if (name === "__proto__") return `[${stringLiteral(name)}]`;
  return isIdentifier(name) ? name : stringLiteral(name);
}

/** A literal type for an enum/const value. */
export function literalType(value: boolean | null | number | string): string {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "number";
  return String(value);
}

/** Code (a safe identifier) to print as it is, at any depth of a value: `poll: getRequestInfo`. */
export class RawCode {
  constructor(readonly text: string) {}
}

/** Any JSON-like value as a TypeScript expression (descriptors handed to the runtime). */
export function valueLiteral(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value instanceof RawCode) return value.text;
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null)
    return String(value);
  if (Array.isArray(value)) return `[${value.map(valueLiteral).join(", ")}]`;
  if (typeof value !== "object") return "undefined";
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined,
  );
  return `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${valueLiteral(v)}`).join(", ")} }`;
}
