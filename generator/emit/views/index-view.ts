// The view of index.ts: the client factory, every type, and the runtime's public surface.
import { serverOptionsView } from "./server-options-view.js";
import { runtimeExports, type RuntimeFeature } from "../../normalize/reserved-names.js";
import type { Api } from "../../model/api.js";
import { fitsOneLine } from "./layout.js";
import { streamResponseOf } from "./operation-types.js";

/** One `export { a, b } from "x";` (templates/partials/export-list.hbs). */
export interface ExportList {
  /** The names fit on one line; else one per line. */
  isInline: boolean;
  /** `export` or `export type`. */
  keyword: string;
  /** The module, as a string literal. */
  from: string;
  names: string[];
}

function exportList(keyword: string, names: string[], from: string): ExportList {
  return {
    from,
    isInline: fitsOneLine(`${keyword} { ${names.join(", ")} } from ${from};`),
    keyword,
    names,
  };
}

export interface IndexView {
  /** Former names of the client (`api.aliases`): exported as `create<alias>Client` and `<alias>Client` too. */
  aliases: string[];
  clientName: string;
  /** The core standalone functions take (core.ts), and its factory. */
  coreName: string;
  coreFactoryName: string;
  factoryName: string;
  hasTypes: boolean;
  /** The client's options type when its server URL has variables (server-options-view.ts); "" else. */
  optionsTypeName: string;
  runtimeExports: ExportList[];
}

export function indexView(api: Api): IndexView {
  const features: Record<RuntimeFeature, boolean> = {
    hasStreams: api.operations.some((op) => streamResponseOf(op) !== undefined),
    hasChannels: api.channels.length > 0,
    hasPagination: api.operations.some((op) => op.pagination),
    hasPollers: api.pollers.length > 0,
    hasLro: api.operations.some((op) => op.lro),
  };
  return {
    aliases: api.aliases ?? [],
    clientName: `${api.name}Client`,
    coreName: `${api.name}Core`,
    coreFactoryName: `create${api.name}Core`,
    factoryName: `create${api.name}Client`,
    hasTypes: api.schemas.length > 0,
    optionsTypeName: serverOptionsView(api).optionsTypeName,
    // A feature's exports come only with an API that uses it: re-exporting them would bring their
    // modules into every host's type-check (and the client folder) for nothing.
    runtimeExports: runtimeExports
      .filter(({ feature }) => feature === undefined || features[feature])
      .map(({ names, from, isType }) => exportList(isType ? "export type" : "export", names, from)),
  };
}
