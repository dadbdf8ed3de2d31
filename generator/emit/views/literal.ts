// Spec text enters generated code only through these functions: as a string literal, a property
// key or a comment. None of them lets the text end the construct it sits in.
import { isIdentifier } from "../../normalize/names.js";

/** A double-quoted string literal; line and paragraph separators escaped too (older parsers choke). */
export function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** A property key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : stringLiteral(name);
}

/** A literal type for an enum/const value. */
export function literalType(value: boolean | null | number | string): string {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "number";
  return String(value);
}

/** Any JSON-like value as a TypeScript expression (descriptors handed to the runtime). */
export function valueLiteral(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  if (Array.isArray(value)) return `[${value.map(valueLiteral).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${valueLiteral(v)}`).join(", ")} }`;
}
