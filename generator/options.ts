// The one options object: the config file's entry for an API and the CLI flags, resolved by
// config.ts and cli/args.ts, then handed as it is to every stage (each reads the fields it needs).
// Every field is present with its default spelled out, so no stage guesses a default of its own.
import type { OperationFilter } from "./define-config.js";

/** Everything that decides one API's generation. */
export interface ResolvedOptions {
  /** Allow `$ref`s to files outside the spec's folder (refused by default: REF003). */
  allowOutsideRefs: boolean;
  /** Allow `spec` to be an http(s) URL (fetched on every run into the cache). */
  allowUrl: boolean;
  /** `format: date-time` strings as `Date` in the client. */
  dates: boolean;
  /** An in-memory OpenAPI document used instead of reading `spec` (which still names it in diagnostics). */
  document: Record<string, unknown> | undefined;
  /** "ts": ESM TypeScript; "js": ESM JavaScript with .d.ts declarations. */
  emit: "js" | "ts";
  /** Leave out the operations matching this (applied after `include`). */
  exclude: OperationFilter | undefined;
  /** Guess pollers and pagination from names in plain specs; each guess is a warning. */
  heuristics: boolean;
  /** What relative imports end in: ".js" (tsc, bundlers) or ".ts" (Node type stripping, Deno). */
  importExtension: "js" | "ts";
  /** Keep only the operations matching this (every operation when undefined). */
  include: OperationFilter | undefined;
  /** Client name (PascalCase); from the spec's info.title when undefined. */
  name: string | undefined;
  /** Output folder; undefined for a generation kept in memory (no manifest, nothing written). */
  output: string | undefined;
  /** OpenAPI Overlay files, applied in order. */
  overlays: string[];
  /** Warning codes not to report (`NAME001`); errors cannot be silenced. */
  silence: string[];
  /** The OpenAPI document: a path, or an http(s) URL when `allowUrl`. */
  spec: string;
  /** A folder of templates overriding clientgen's own by file name; undefined: none. */
  templates: string | undefined;
}

/** The options with an output folder: what the CLI and `generate()` of the package run. */
export type OutputOptions = ResolvedOptions & { output: string };

/** Every default, in one place. */
export const defaultOptions: Omit<ResolvedOptions, "output" | "spec"> = {
  allowOutsideRefs: false,
  allowUrl: false,
  dates: false,
  document: undefined,
  emit: "ts",
  exclude: undefined,
  heuristics: false,
  importExtension: "js",
  include: undefined,
  name: undefined,
  overlays: [],
  silence: [],
  templates: undefined,
};

/** `given` over the defaults: for callers (tests, scripts) that name only what differs. */
export function withDefaults<T extends Partial<ResolvedOptions> & { spec: string }>(
  given: T,
): ResolvedOptions & T {
  const defined = Object.fromEntries(
    Object.entries(given).filter(([, value]) => value !== undefined),
  );
  return { ...defaultOptions, output: undefined, ...defined } as ResolvedOptions & T;
}
