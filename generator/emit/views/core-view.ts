// The view of core.ts: the client core the standalone functions take first, and its factory,
// which takes the client's options (server URL variables included).
import type { Api } from "../../model/api.js";
import { factoryHead } from "./factory-lines.js";
import { serverOptionsView, type ServerOptionsView } from "./server-options-view.js";

export interface CoreView {
  apiName: string;
  coreName: string;
  /** The factory's first line, laid out (factory-lines.ts). */
  factoryHead: string;
  /** The server URL's variables as options, as the client factory takes them. */
  server: ServerOptionsView;
}

export function coreView(api: Api): CoreView {
  const server = serverOptionsView(api);
  return {
    apiName: api.name,
    coreName: `${api.name}Core`,
    factoryHead: factoryHead(`create${api.name}Core`, server.optionsParameter, `${api.name}Core`),
    server,
  };
}
