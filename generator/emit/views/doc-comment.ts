// JSDoc blocks from spec text. Text cannot close the comment: `*/` is broken up, and every kind
// of line break (CR, LF, U+2028, U+2029) starts a new ` * ` line. Control characters (NUL makes
// git and grep treat the file as binary) and bidirectional overrides ("Trojan Source": a comment
// that visually swallows the code after it) are written as visible `\uXXXX` escapes.
import type { SchemaCommon } from "../../model/schema.js";
import { unicodeEscape } from "./literal.js";

/** C0 controls except tab, DEL, C1 controls, bidi controls, BOM and other invisible format characters. */
const INVISIBLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Lines of text -> a JSDoc block ("" when there is nothing to say). */
export function docComment(lines: (string | undefined)[]): string {
  const text = lines
    .filter((line): line is string => line !== undefined)
    .flatMap((line) => line.split(/\r\n|\r|\n|\u2028|\u2029/))
    .map((line) => line.replace(INVISIBLE, unicodeEscape).replace(/\*\//g, "*\\/").trimEnd())
    .filter((line, i, all) => line !== "" || (i > 0 && all[i - 1] !== ""));
  while (text.length > 0 && text[text.length - 1] === "") text.pop();
  while (text.length > 0 && text[0] === "") text.shift();
  if (text.length === 0) return "";
  if (text.length === 1) return `/** ${text[0]} */`;
  return `/**\n${text.map((line) => (line === "" ? " *" : ` * ${line}`)).join("\n")}\n */`;
}

/** The doc lines of a schema: description, format, default, deprecation. */
export function schemaDocLines(schema: SchemaCommon): string[] {
  const lines: string[] = [];
  if (schema.title && !schema.description) lines.push(schema.title);
  if (schema.description) lines.push(schema.description);
  if (schema.format) lines.push(`@format ${schema.format}`);
  if (schema.default !== undefined) lines.push(`@default ${JSON.stringify(schema.default)}`);
  if (
    schema.example !== undefined &&
    (JSON.stringify(schema.example) ?? "").length <= maxExampleLength
  ) {
    lines.push(`@example ${exampleText(schema.example)}`);
  }
  if (schema.externalDocs) lines.push(seeLine(schema.externalDocs));
  if (schema.deprecated) lines.push("@deprecated");
  return lines;
}

/** Examples longer than this (as JSON) stay in the spec: documentation, not a data dump. */
const maxExampleLength = 600;

/** An example value as JSON; long ones spread over lines (never closing the comment: docComment escapes). */
function exampleText(value: unknown): string {
  const flat = JSON.stringify(value) ?? String(value);
  return flat.length <= 80 ? flat : (JSON.stringify(value, null, 2) ?? flat);
}

/**
 * An external documentation link as a Markdown link, which editors' hovers render as one. Not
 * `@see`: tsc parses a TypeScript file's JSDoc only where `@see` or `@link` occurs, so one such
 * tag per method made it parse every method's whole comment (1,200 in the GitHub client).
 */
export function seeLine(docs: { description?: string; url: string }): string {
  const url = docs.url.replace(/[\s()<>]/gu, percentEncoded);
  const text = docs.description?.replace(/[[\]\\]/g, "\\$&");
  return text ? `See [${text}](${url})` : `See <${url}>`;
}

/** A character as its UTF-8 bytes, `%XX` each (encodeURIComponent keeps parentheses). */
const percentEncoded = (char: string): string =>
  [...new TextEncoder().encode(char)]
    .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`)
    .join("");
