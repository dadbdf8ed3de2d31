// normalize: LoadedSpec -> Model.Api. Translation first, then the passes in their fixed order.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadedSpec } from "../load/loaded-spec.js";
import type { Api } from "../model/api.js";
import type { ResolvedOptions } from "../options.js";
import { createContext } from "./context.js";
import { documentObject } from "./from-openapi/document.js";
import { assignNames } from "./passes/assign-names.js";
import { attachPagination } from "./passes/attach-pagination.js";
import { checkDialects } from "./passes/check-dialects.js";
import { detectHeuristics } from "./passes/detect-heuristics.js";
import { fillConstantParameters } from "./passes/fill-constant-parameters.js";
import { exceedsReferenceDepth } from "./passes/limit-reference-depth.js";
import { linkPollers } from "./passes/link-pollers.js";
import { nameParameterArguments } from "./passes/name-parameter-arguments.js";
import { pinDiscriminators } from "./passes/pin-discriminators.js";
import { convertDates } from "./passes/convert-dates.js";
import { resolveStreams } from "./passes/resolve-streams.js";
import { checkChannelNames } from "./passes/check-channel-names.js";
import { resolveNameConflicts } from "./passes/resolve-name-conflicts.js";
import { splitReadWrite } from "./passes/split-read-write.js";
import { sortDeclarations } from "./passes/sort-declarations.js";

/** What normalize reads of the options (generator/options.ts): `dates`, `heuristics` (HEU001/HEU002). */
export type NormalizeOptions = Partial<Pick<ResolvedOptions, "dates" | "heuristics">>;

export function normalize(
  spec: LoadedSpec,
  name: string,
  options: NormalizeOptions = {},
): { api: Api; diagnostics: Diagnostic[] } {
  const ctx = createContext(spec);
  let api = documentObject(ctx, name);
  // The passes below recurse through schema references: stop before a hostile depth overflows them.
  if (exceedsReferenceDepth(ctx, api)) return { api, diagnostics: ctx.diagnostics };
  api = checkDialects(ctx, api);
  if (options.heuristics) api = detectHeuristics(ctx, api);
  api = assignNames(api);
  api = linkPollers(ctx, api);
  api = attachPagination(ctx, api);
  api = resolveStreams(ctx, api);
  api = nameParameterArguments(ctx, api);
  api = pinDiscriminators(api);
  api = fillConstantParameters(api);
  api = splitReadWrite(api);
  if (options.dates) api = convertDates(api);
  api = resolveNameConflicts(ctx, api);
  api = checkChannelNames(ctx, api);
  api = sortDeclarations(api);
  return { api, diagnostics: ctx.diagnostics };
}
