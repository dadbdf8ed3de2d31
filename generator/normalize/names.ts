// Turning arbitrary spec text into safe, stable TypeScript names. Every name the output uses
// passes through here, so spec text can never become anything but an identifier.

/** Words of a name: split on anything not a letter or digit, and on lower->upper case changes. */
export function splitWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** `get_request info` -> `GetRequestInfo`; keeps inner capitals of each word (`OpenAI`). */
export function pascalCase(text: string): string {
  const name = splitWords(text)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");
  return safeIdentifier(name, "Type");
}

/** `get_request_info` -> `getRequestInfo`; an all-caps first word is lowered whole (`URLList` -> `urlList`). */
export function camelCase(text: string): string {
  const words = splitWords(text);
  if (words.length === 0) return safeIdentifier("", "operation");
  const [first, ...rest] = words;
  const head = /^[A-Z0-9]+$/.test(first)
    ? first.toLowerCase()
    : first[0].toLowerCase() + first.slice(1);
  return safeIdentifier(
    head + rest.map((w) => w[0].toUpperCase() + w.slice(1)).join(""),
    "operation",
  );
}

/**
 * Words that cannot name a type or a binding in a strict-mode ES module or in TypeScript, even
 * where the grammar would allow a property: exported as-is, any of them breaks the client.
 */
export const reservedWords = new Set(
  [
    // ECMAScript reserved words and literals
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
      "function if import in instanceof new null return super switch this throw true try typeof var void while with",
    // reserved in strict mode and modules; `arguments` and `eval` cannot be bound there either
    "implements interface let package private protected public static yield await arguments eval",
    // TypeScript: predefined type names and contextual keywords
    "abstract accessor any as assert asserts async bigint boolean constructor declare from get global infer intrinsic " +
      "is keyof module namespace never number object of out override readonly require satisfies set string symbol " +
      "type undefined unique unknown using",
  ]
    .join(" ")
    .split(" "),
);

/** A valid identifier: leading digits get a prefix, empty names a fallback, reserved words a suffix. */
export function safeIdentifier(name: string, fallback: string): string {
  let id = name.replace(/[^A-Za-z0-9_$]/g, "");
  if (id === "") id = fallback;
  if (/^[0-9]/.test(id)) id = `_${id}`;
  if (reservedWords.has(id)) id = `${id}_`;
  return id;
}

const identifierPattern = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** True when `name` can be written bare as a property key. */
export function isIdentifier(name: string): boolean {
  return identifierPattern.test(name);
}

/**
 * Hands out unique names in one namespace. Names are compared case-insensitively, because output
 * may land on case-insensitive file systems and users should not have `Pet` and `PET` side by side.
 */
export class NameRegistry {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name.toLowerCase());
  }

  /**
   * `wanted`, or `wanted2`, `wanted3`, ... whichever is free first. Call in a deterministic order.
   * `wanted` is made a safe identifier first: some names (an overlay's `x-name`) arrive as raw spec text.
   */
  claim(wanted: string): string {
    const base = safeIdentifier(wanted, "name");
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}
