// normalize: LoadedSpec -> Model.Api. Translation first, then the passes in their fixed order.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadedSpec } from "../load/loaded-spec.js";
import type { Api } from "../model/api.js";
import { createContext } from "./context.js";
import { documentObject } from "./from-openapi/document.js";
import { assignNames } from "./passes/assign-names.js";
import { attachPagination } from "./passes/attach-pagination.js";
import { linkPollers } from "./passes/link-pollers.js";
import { pinDiscriminators } from "./passes/pin-discriminators.js";
import { resolveNameConflicts } from "./passes/resolve-name-conflicts.js";
import { splitReadWrite } from "./passes/split-read-write.js";
import { sortDeclarations } from "./passes/sort-declarations.js";

export function normalize(spec: LoadedSpec, name: string): { api: Api; diagnostics: Diagnostic[] } {
  const ctx = createContext(spec);
  let api = documentObject(ctx, name);
  api = assignNames(api);
  api = linkPollers(ctx, api);
  api = attachPagination(ctx, api);
  api = pinDiscriminators(api);
  api = splitReadWrite(api);
  api = resolveNameConflicts(api);
  api = sortDeclarations(api);
  return { api, diagnostics: ctx.diagnostics };
}
