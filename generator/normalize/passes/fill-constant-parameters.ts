// A parameter the spec requires whose schema allows one value (an enum of one value, 3.1 `const`)
// is a constant, as AutoRest's clients treat it: optional in the params type, and the client sends
// the value when the caller leaves it out (Parameter.constant). Bodies have their own (the write
// plans of split-read-write.ts).
import type { Api, Operation, Parameter } from "../../model/api.js";
import type { NamedSchema, Schema } from "../../model/schema.js";
import { isConstant } from "./split-read-write.js";

export function fillConstantParameters(api: Api): Api {
  const byId = new Map(api.schemas.map((s) => [s.id, s]));
  const filled = (p: Parameter): Parameter => {
    const constant = p.isRequired ? constantOf(p.schema, byId) : undefined;
    return constant === undefined ? p : { ...p, constant, isRequired: false };
  };
  let isChanged = false;
  const operations = api.operations.map((op): Operation => {
    const parameters = op.parameters.map(filled);
    if (parameters.every((p, i) => p === op.parameters[i])) return op;
    isChanged = true;
    return { ...op, parameters };
  });
  return isChanged ? { ...api, operations } : api;
}

/** The one value a schema allows, through refs to named schemas; undefined when it allows more. */
function constantOf(
  schema: Schema,
  byId: ReadonlyMap<string, NamedSchema>,
): boolean | number | string | undefined {
  let target: Schema | undefined = schema;
  // A chain of aliases ends at the first schema that is not a ref; a nullable ref allows null too.
  for (const seen = new Set<string>(); target?.kind === "ref";) {
    if (target.isNullable || seen.has(target.target)) return undefined;
    seen.add(target.target);
    target = byId.get(target.target)?.schema;
  }
  return target && isConstant(target) ? target.values[0] : undefined;
}
