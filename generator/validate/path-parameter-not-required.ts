// OpenAPI requires `required: true` on path parameters. Without it the generator still makes the
// argument required (a URL with a hole cannot be sent): said once per Parameter Object.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadedSpec } from "../load/loaded-spec.js";
import { childPointer } from "../shared/json-pointer.js";
import { displayPath } from "../diagnostics/display-path.js";
import { declaredParameters } from "./path-parameters.js";

export function pathParameterNotRequired(spec: LoadedSpec): Diagnostic[] {
  const found: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const { definedAt, parameter } of declaredParameters(spec)) {
    if (parameter.in !== "path" || parameter.required === true) continue;
    const key = `${definedAt.file}\n${definedAt.pointer}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const pointer =
      "required" in parameter ? childPointer(definedAt.pointer, "required") : definedAt.pointer;
    const { line, col } = spec.locate(definedAt.file, pointer);
    found.push({
      code: "PAR004",
      col,
      file: displayPath(definedAt.file),
      hint: "add required: true",
      line,
      message: `path parameter ${JSON.stringify(parameter.name)} is not marked required; it is treated as required`,
      pointer,
      severity: "warning",
    });
  }
  return found;
}
