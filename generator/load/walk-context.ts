// Which keys of an OpenAPI/JSON Schema object hold plain data (examples, defaults) rather than more
// OpenAPI objects: a "$ref" inside `example: {...}` is example data, not a reference to check.

/** What the object being walked is: keywords (an OpenAPI object), a map of user names, or an Example. */
export type WalkContext = "keywords" | "names" | "example-map" | "example";

/** Keywords whose value is literal data in every OpenAPI/JSON Schema object that has them. */
const LITERAL_KEYWORDS = new Set(["const", "default", "enum", "example"]);

/**
 * Keywords whose value is a map from user-chosen names to objects; inside, "default" or "example"
 * are names (a `default` response), not keywords.
 */
const NAME_MAP_KEYWORDS = new Set([
  "$defs",
  "callbacks",
  "content",
  "definitions",
  "dependentSchemas",
  "encoding",
  "headers",
  "links",
  "mapping",
  "parameters",
  "pathItems",
  "paths",
  "patternProperties",
  "properties",
  "requestBodies",
  "responses",
  "schemas",
  "securitySchemes",
  "variables",
  "webhooks",
]);

/** Extensions read as OpenAPI objects (Azure's x-ms-paths are paths); every other `x-*` is opaque data. */
const STRUCTURAL_EXTENSIONS = new Set(["x-ms-paths"]);

/** Context for the value under `key` in an object walked in `context`; undefined means skip it. */
export function childContext(
  context: WalkContext,
  key: string,
  value: unknown,
): WalkContext | undefined {
  if (context === "names") return "keywords";
  // An extension's value is the vendor's data (x-ms-examples holds `$ref`s to example files).
  if (key.startsWith("x-")) return STRUCTURAL_EXTENSIONS.has(key) ? "names" : undefined;
  if (context === "example-map") return "example";
  if (LITERAL_KEYWORDS.has(key)) return undefined;
  if (context === "example" && key === "value") return undefined;
  if (key === "examples") return Array.isArray(value) ? undefined : "example-map";
  return NAME_MAP_KEYWORDS.has(key) ? "names" : "keywords";
}

/** Whether a `$ref` member of an object walked in `context` is a reference (not a property named "$ref"). */
export function isReferenceContext(context: WalkContext): boolean {
  return context === "keywords" || context === "example";
}
