// The parameters declared for each path (path-level and per operation), `$ref`s followed: what
// the path-parameter rules check.
import type { LoadedSpec } from "../load/loaded-spec.js";
import { childPointer } from "../shared/json-pointer.js";
import { isObject } from "../shared/is-object.js";

export interface DeclaredParameter {
  /** Where the declaration is used: the list entry (may hold a `$ref`). */
  at: { file: string; pointer: string };
  /** Where the Parameter Object itself is (the `$ref` target, or `at`). */
  definedAt: { file: string; pointer: string };
  parameter: Record<string, unknown>;
  /** The path template, e.g. "/pets/{id}". */
  path: string;
}

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Every parameter list entry under `paths`, in document order. */
export function declaredParameters(spec: LoadedSpec): DeclaredParameter[] {
  const found: DeclaredParameter[] = [];
  const paths = isObject(spec.document.paths) ? spec.document.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const itemAt = { file: spec.file, pointer: childPointer("#/paths", path) };
    const item = follow(spec, rawItem, itemAt);
    if (!item) continue;
    const lists = [
      { list: item.value.parameters, pointer: childPointer(item.at.pointer, "parameters") },
    ];
    for (const method of methods) {
      const op = follow(spec, item.value[method], {
        file: item.at.file,
        pointer: childPointer(item.at.pointer, method),
      });
      if (op)
        lists.push({
          list: op.value.parameters,
          pointer: childPointer(op.at.pointer, "parameters"),
        });
    }
    for (const { list, pointer } of lists) {
      if (!Array.isArray(list)) continue;
      list.forEach((entry, i) => {
        const at = { file: item.at.file, pointer: childPointer(pointer, i) };
        const parameter = follow(spec, entry, at);
        if (parameter)
          found.push({ at, definedAt: parameter.at, parameter: parameter.value, path });
      });
    }
  }
  return found;
}

/** The object `value` stands for, `$ref` chains followed (at most 32 hops: cycles are reported elsewhere). */
function follow(
  spec: LoadedSpec,
  value: unknown,
  at: { file: string; pointer: string },
): { at: { file: string; pointer: string }; value: Record<string, unknown> } | undefined {
  let current = value;
  let where = at;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string" && hops < 32; hops++) {
    const resolved = spec.resolveRef(current.$ref, where.file);
    if (!resolved) return undefined;
    current = resolved.value;
    where = { file: resolved.file, pointer: resolved.pointer };
  }
  return isObject(current) && typeof current.$ref !== "string"
    ? { at: where, value: current }
    : undefined;
}
