// The config file's types and `defineConfig`, the identity function that gives a
// clientgen.config.ts editor completion. Imported by users as "clientgen/config"; imports nothing.

/** A whole config file: the APIs to generate. */
export interface ClientgenConfig {
  apis: ApiConfigEntry[];
}

/** One API: where its spec is, where its client goes. Paths are relative to the config file. */
export interface ApiConfigEntry {
  /** Client name (PascalCase): `create<name>Client`. From the spec's `info.title` when absent. */
  name?: string;
  /** Options for this API (CLI flags override them). */
  options?: ApiOptions;
  /** Output folder (one client per folder; the folder is replaced on every generation). */
  output: string;
  /** OpenAPI Overlay files, applied in order. */
  overlays?: string[];
  /** The OpenAPI document: a path, or an http(s) URL when `options.allowUrl` is true. */
  spec: string;
}

export interface ApiOptions {
  /** Allow `$ref`s to files outside the spec's folder (refused by default). */
  allowOutsideRefs?: boolean;
  /** Allow `spec` to be an http(s) URL (fetched on every run; it must not `$ref` other files). */
  allowUrl?: boolean;
  /** `format: date-time` strings as `Date` in the client, both ways (default: strings). */
  dates?: boolean;
  /** "ts" (default): ESM TypeScript. "js": ESM JavaScript with `.d.ts` declarations beside it. */
  emit?: "js" | "ts";
  /** Leave out operations matching any of these (applied after `include`). */
  exclude?: OperationFilter;
  /** Guess pollers and pagination from names when the spec has no annotation (each guess is reported). */
  heuristics?: boolean;
  /**
   * "js" (default): relative imports end in `.js` (tsc with any moduleResolution, bundlers, tsx,
   * Bun). "ts": they name the `.ts` files, for hosts that run TypeScript as it is (Node's type
   * stripping, Deno); tsc then needs `allowImportingTsExtensions` or `rewriteRelativeImportExtensions`.
   */
  importExtension?: "js" | "ts";
  /** Keep only operations matching any of these (all operations when absent). */
  include?: OperationFilter;
  /** Warning codes not to report, e.g. `["NAME001"]` (docs/diagnostics.md lists them; errors cannot be silenced). */
  silence?: string[];
  /**
   * A folder of Handlebars templates replacing clientgen's own by file name (`client.ts.hbs`,
   * `partials/descriptor.hbs`); see the README's "Templates" section. Default: none.
   */
  templates?: string;
}

/** Operations by tag or by path pattern (`*` = one path segment, `**` = any number of segments). */
export interface OperationFilter {
  paths?: string[];
  tags?: string[];
}

/** Type-checks a config object and returns it unchanged: `export default defineConfig({ apis: [...] })`. */
export function defineConfig(config: ClientgenConfig): ClientgenConfig {
  return config;
}
