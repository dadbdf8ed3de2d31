// In OpenAPI 3.0 a Reference Object is `$ref` alone: tools that follow the 3.0 text ignore every
// keyword beside it. clientgen applies them the 3.1 way (nullable widens, constraints intersect),
// so the same spec means different types to different tools: worth a warning. Documentation-only
// keywords (description, title, examples) change no type and are not reported.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadedSpec } from "../load/loaded-spec.js";
import { childPointer } from "../shared/json-pointer.js";
import { displayPath } from "../diagnostics/display-path.js";
import { schemasWithRef } from "./schema-walk.js";

const documentationKeywords = new Set([
  "$ref",
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "externalDocs",
  "$comment",
  "deprecated",
  "xml",
]);

export function refSiblings(spec: LoadedSpec): Diagnostic[] {
  if (spec.version !== "3.0") return [];
  const found: Diagnostic[] = [];
  for (const { file, pointer, schema } of schemasWithRef(spec)) {
    const siblings = Object.keys(schema).filter(
      (k) => !documentationKeywords.has(k) && !k.startsWith("x-"),
    );
    if (siblings.length === 0) continue;
    const { line, col } = spec.locate(file, childPointer(pointer, siblings[0]));
    found.push({
      code: "REF005",
      col,
      file: displayPath(file),
      hint: "wrap it as allOf: [{$ref: ...}] with the extra keywords beside the allOf, to mean the same to every tool",
      line,
      message: `${siblings.join(", ")} beside $ref: ignored by OpenAPI 3.0, but clientgen applies ${siblings.length === 1 ? "it" : "them"}`,
      pointer: childPointer(pointer, siblings[0]),
      severity: "warning",
    });
  }
  return found;
}
