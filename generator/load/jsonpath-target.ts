// Overlay targets are RFC 9535 JSONPath; jsonpath-plus is forgiving to a fault ("$[" selects the
// root, "[?@.x]" silently matches nothing). Check the shape first and translate the RFC filter
// form, so that a typo is OVL003, not a silent no-op.

/** A normalised jsonpath-plus path, or why `target` is not a JSONPath. */
export function parseJsonPathTarget(target: string): { path: string } | { error: string } {
  if (!target.startsWith("$")) return { error: 'a JSONPath must start with "$"' };
  let out = "$";
  let i = 1;
  while (i < target.length) {
    const c = target[i];
    if (c === "[") {
      const end = closingBracket(target, i);
      if (end === -1) return { error: `unclosed "[" at character ${i + 1}` };
      const inner = target.slice(i + 1, end).trim();
      if (inner === "") return { error: `empty "[]" at character ${i + 1}` };
      // RFC 9535 writes filters as [?expr]; jsonpath-plus needs [?(expr)].
      out += inner.startsWith("?") && !inner.startsWith("?(") ? `[?(${inner.slice(1).trim()})]` : `[${inner}]`;
      i = end + 1;
    } else if (c === ".") {
      const member = /^\.\.?(\*|[^.[\]\s()'"]+|(?=\[))/.exec(target.slice(i));
      if (!member) return { error: `expected a name after "." at character ${i + 1}` };
      out += member[0];
      i += member[0].length;
    } else {
      return { error: `unexpected "${c}" at character ${i + 1}` };
    }
  }
  return { path: out };
}

/** Index of the "]" closing the "[" at `start`, skipping quoted strings and nested brackets; -1 if none. */
function closingBracket(text: string, start: number): number {
  const closers: string[] = [];
  let quote = "";
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "[") closers.push("]");
    else if (c === "(") closers.push(")");
    else if (c === "]" || c === ")") {
      if (closers.pop() !== c) return -1;
      if (closers.length === 0) return i;
    }
  }
  return -1;
}
