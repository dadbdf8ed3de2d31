// The view of core.ts: the client core the standalone functions take first, and its factory,
// which takes the client's options (server URL variables included).
import type { Api } from "../../model/api.js";
import { defaultAuthName, defaultRetryName } from "./descriptor-names.js";
import { defaultRetryOf, defaultSecurityOf } from "./descriptor-specs.js";
import { factoryHead } from "./factory-lines.js";
import { printValue, RawCode } from "./value-layout.js";
import { serverOptionsView, type ServerOptionsView } from "./server-options-view.js";

export interface CoreView {
  apiName: string;
  coreName: string;
  /**
   * descriptors.ts's constant of the API's security (descriptors holding it leave it out), if any.
   * Our core.ts.hbs imports `descriptorImports`; this stays for overrides written against it.
   */
  defaultAuth: string | undefined;
  /** `auth_default, retry_default`: the API-wide constants of descriptors.ts the core hands the Transport. */
  descriptorImports: string;
  /** The Transport's second argument (TransportDefaults), laid out after `return new Transport(options, `. */
  transportDefaults: string;
  /** The factory's first line, laid out (factory-lines.ts). */
  factoryHead: string;
  /** The server URL's variables as options, as the client factory takes them. */
  server: ServerOptionsView;
}

export function coreView(api: Api): CoreView {
  const server = serverOptionsView(api);
  const defaultAuth = defaultSecurityOf(api) ? defaultAuthName : undefined;
  const defaultRetry = defaultRetryOf(api) ? defaultRetryName : undefined;
  return {
    apiName: api.name,
    coreName: `${api.name}Core`,
    defaultAuth,
    descriptorImports: [defaultAuth, defaultRetry].filter(Boolean).join(", "),
    transportDefaults: printValue(
      {
        baseUrl: new RawCode(server.baseUrlExpression),
        auth: defaultAuth && new RawCode(defaultAuth),
        retry: defaultRetry && new RawCode(defaultRetry),
      },
      2,
      "  return new Transport(options, ".length,
      ");".length,
    ),
    factoryHead: factoryHead(`create${api.name}Core`, server.optionsParameter, `${api.name}Core`),
    server,
  };
}
