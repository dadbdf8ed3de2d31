// Overlays change the root document without copying all of it: only the containers on the way to
// a change are copied (shallowly), so the parsed tree is never mutated, YAML aliases (one object
// in two places) do not leak an edit into the other place, and a 2-MB spec costs nothing extra.

/** A document being edited: its current root and the containers already copied for this edit. */
export interface EditableDocument {
  /** Containers created during this edit, safe to mutate. */
  readonly owned: WeakSet<object>;
  root: Record<string, unknown>;
}

/** Start editing `root` (which stays untouched). */
export function editDocument(root: Record<string, unknown>): EditableDocument {
  return { owned: new WeakSet(), root };
}

/** The container at `segments`, copied along the way so it may be mutated; undefined if absent or primitive. */
export function writableAt(
  doc: EditableDocument,
  segments: readonly string[],
): Record<string, unknown> | unknown[] | undefined {
  doc.root = own(doc, doc.root) as Record<string, unknown>;
  let node: Record<string, unknown> | unknown[] = doc.root;
  for (const segment of segments) {
    const child = (node as Record<string, unknown>)[segment];
    if (child === null || typeof child !== "object") return undefined;
    const copy = own(doc, child) as Record<string, unknown> | unknown[];
    (node as Record<string, unknown>)[segment] = copy;
    node = copy;
  }
  return node;
}

/** `value` itself if this edit created it, else a shallow copy now owned by the edit. */
export function own(doc: EditableDocument, value: object): object {
  if (doc.owned.has(value)) return value;
  const copy = Array.isArray(value) ? [...value] : { ...value };
  doc.owned.add(copy);
  return copy;
}
