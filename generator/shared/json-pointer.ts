// JSON pointers (RFC 6901) as they appear in `$ref` fragments and diagnostics: "#/paths/~1jobs/get".

/** Split a pointer ("#/a/b", "/a/b", "#", "") into decoded segments; undefined when malformed. */
export function parsePointer(pointer: string): string[] | undefined {
  let text = pointer.startsWith("#") ? pointer.slice(1) : pointer;
  if (text === "") return [];
  if (!text.startsWith("/")) return undefined;
  // Fragments may be percent-encoded ("#/paths/~1pets%7Bid%7D"); decoding a bare "%" would throw.
  if (text.includes("%")) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return undefined;
    }
  }
  return text
    .slice(1)
    .split("/")
    .map((s) => (s.includes("~") ? unescapeSegment(s) : s));
}

/** One segment as it appears in a pointer: `~` -> `~0`, `/` -> `~1` (RFC 6901). */
export function escapeSegment(segment: string | number): string {
  const text = typeof segment === "number" ? String(segment) : segment;
  // Most keys need no escape: skip the two regex replaces (pointers are built per schema).
  if (!text.includes("~") && !text.includes("/")) return text;
  return text.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** A pointer segment back to the key it names: `~1` -> `/`, `~0` -> `~`. */
export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** `pointer` one key deeper. */
export function childPointer(pointer: string, key: string | number): string {
  return `${pointer}/${escapeSegment(key)}`;
}

/** Join segments into the "#/a/b" form used in diagnostics and ResolvedRef. */
export function formatPointer(segments: readonly (string | number)[]): string {
  let out = "#";
  for (const s of segments) out += "/" + escapeSegment(s);
  return out;
}

/** The value at `segments` inside `root`; `found` is false when a segment is missing. */
export function valueAtPointer(
  root: unknown,
  segments: readonly string[],
): { found: boolean; value: unknown } {
  let node = root;
  for (const segment of segments) {
    if (Array.isArray(node)) {
      // Only canonical indexes: "01" or "-" do not name an existing element.
      if (!/^(0|[1-9]\d*)$/.test(segment) || Number(segment) >= node.length)
        return { found: false, value: undefined };
      node = node[Number(segment)];
    } else if (node !== null && typeof node === "object" && Object.hasOwn(node, segment)) {
      node = (node as Record<string, unknown>)[segment];
    } else {
      return { found: false, value: undefined };
    }
  }
  return { found: true, value: node };
}
