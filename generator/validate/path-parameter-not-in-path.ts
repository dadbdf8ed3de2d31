// A parameter declared `in: path` whose name is not a `{placeholder}` of the path: the method would
// require an argument that is never sent (usually a typo or a renamed placeholder).
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadedSpec } from "../load/loaded-spec.js";
import { displayPath } from "../diagnostics/display-path.js";
import { declaredParameters } from "./path-parameters.js";

export function pathParameterNotInPath(spec: LoadedSpec): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const { at, parameter, path } of declaredParameters(spec)) {
    if (parameter.in !== "path" || typeof parameter.name !== "string") continue;
    const placeholders = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    if (placeholders.includes(parameter.name)) continue;
    const { line, col } = spec.locate(at.file, at.pointer);
    const known = placeholders.length > 0 ? placeholders.map((p) => `{${p}}`).join(", ") : "none";
    found.push({
      code: "PAR003",
      col,
      file: displayPath(at.file),
      hint: `the path's placeholders: ${known}`,
      line,
      message: `path parameter ${JSON.stringify(parameter.name)} is not in the path ${path}; the method requires it but never sends it`,
      pointer: at.pointer,
      severity: "warning",
    });
  }
  return found;
}
