// Spec text in Markdown and JSON output: control characters, bidi controls and line separators
// shown as escapes, never written raw (they could hide or reorder what a reader sees).

const unsafe =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** One-line Markdown-safe text: whitespace runs collapsed, unsafe characters as `\u{hex}`. */
export function plainText(text: string): string {
  return text
    .replace(/[\t\n\r ]+/g, " ")
    .replace(unsafe, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`)
    .trim();
}

/** JSON text with the characters JSON.stringify leaves raw escaped (they only occur inside strings). */
export function safeJson(json: string): string {
  return json.replace(unsafe, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
