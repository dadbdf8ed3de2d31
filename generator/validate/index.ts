// validate: LoadedSpec -> Diagnostic[]. One rule per file; rules never throw.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadedSpec } from "../load/loaded-spec.js";
import { circularRef } from "./circular-ref.js";
import { duplicateOperationId } from "./duplicate-operation-id.js";
import { pathParameterNotInPath } from "./path-parameter-not-in-path.js";
import { pathParameterNotRequired } from "./path-parameter-not-required.js";
import { refSiblings } from "./ref-siblings.js";

const rules: ((spec: LoadedSpec) => Diagnostic[])[] = [
  circularRef,
  duplicateOperationId,
  pathParameterNotInPath,
  pathParameterNotRequired,
  refSiblings,
];

export function validate(spec: LoadedSpec): Diagnostic[] {
  return rules.flatMap((rule) => rule(spec));
}
