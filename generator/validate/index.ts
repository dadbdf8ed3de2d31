// validate: LoadedSpec -> Diagnostic[]. One rule per file; rules never throw.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadedSpec } from "../load/loaded-spec.js";
import { duplicateOperationId } from "./duplicate-operation-id.js";

const rules: ((spec: LoadedSpec) => Diagnostic[])[] = [duplicateOperationId];

export function validate(spec: LoadedSpec): Diagnostic[] {
  return rules.flatMap((rule) => rule(spec));
}
