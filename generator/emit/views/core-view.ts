// The view of core.ts: the client core the standalone functions take first, and its factory.
import type { Api } from "../../model/api.js";
import { stringLiteral } from "./literal.js";

export interface CoreView {
  apiName: string;
  coreName: string;
  defaultBaseUrl: string;
  factoryName: string;
}

export function coreView(api: Api): CoreView {
  return {
    apiName: api.name,
    coreName: `${api.name}Core`,
    defaultBaseUrl: stringLiteral(api.servers[0]?.url ?? ""),
    factoryName: `create${api.name}Core`,
  };
}
