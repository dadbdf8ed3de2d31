// Two operations with one operationId would become one method; which one wins must not be luck.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadedSpec } from "../load/loaded-spec.js";
import { childPointer } from "../shared/json-pointer.js";
import { displayPath } from "../diagnostics/display-path.js";
import { isObject } from "../shared/is-object.js";

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export function duplicateOperationId(spec: LoadedSpec): Diagnostic[] {
  const paths = isObject(spec.document.paths) ? spec.document.paths : {};
  const seen = new Map<string, string>();
  const found: Diagnostic[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of methods) {
      const op = item[method];
      if (!isObject(op) || typeof op.operationId !== "string") continue;
      const pointer = childPointer(childPointer(childPointer("#", "paths"), path), method);
      const first = seen.get(op.operationId);
      if (first === undefined) {
        seen.set(op.operationId, pointer);
        continue;
      }
      const { line, col } = spec.locate(spec.file, `${pointer}/operationId`);
      found.push({
        code: "OP001",
        col,
        file: displayPath(spec.file),
        hint: "the client gives one of them a numeric suffix (NAME001 says which); set x-name in an overlay to choose",
        line,
        message: `operationId ${JSON.stringify(op.operationId)} is already used at ${first}`,
        pointer: `${pointer}/operationId`,
        severity: "warning",
      });
    }
  }
  return found;
}
