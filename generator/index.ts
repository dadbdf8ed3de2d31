// The programmatic API, `import { generate } from "clientgen"`: what `clientgen generate --spec
// --out` does, for build scripts and plugins. Quiet: the report is returned, nothing is printed.
import * as path from "node:path";
import { checkConfig } from "./config.js";
import type { ApiConfigEntry } from "./define-config.js";
import { run, type ApiReport } from "./pipeline.js";

export { defineConfig } from "./define-config.js";
export type {
  ApiConfigEntry,
  ApiOptions,
  ClientgenConfig,
  OperationFilter,
} from "./define-config.js";
export type { ApiReport } from "./pipeline.js";
export type { Diagnostic } from "./diagnostics/diagnostic.js";

export interface GenerateOptions extends Omit<ApiConfigEntry, "spec"> {
  /** Compare with the output folder instead of writing (status "stale" when it differs). */
  check?: boolean;
  /** Folder that relative `spec`, `overlays` and `output` paths start from (default: process.cwd()). */
  cwd?: string;
  /** The OpenAPI document as an object, instead of reading `spec` (no temp file needed). */
  document?: Record<string, unknown>;
  /**
   * The OpenAPI document's path (or URL with `options.allowUrl`). With `document` it only names
   * the document in diagnostics and anchors relative `$ref`s (default "openapi.json").
   */
  spec?: string;
}

/**
 * Generate one client folder (or check it with `check: true`). Bad input does not throw: the
 * report's `status` is "failed" and `diagnostics` (file, line, JSON pointer) or `error` say why,
 * and the previous output is left as it was.
 */
export async function generate(options: GenerateOptions): Promise<ApiReport> {
  const { check, cwd, document, ...entry } = options;
  if (entry.spec === undefined && document === undefined)
    throw new TypeError("generate(): give `spec` (a path) or `document` (an OpenAPI object)");
  const [api] = checkConfig(
    { apis: [{ ...entry, spec: entry.spec ?? "openapi.json" }] },
    path.join(path.resolve(cwd ?? "."), "generate()"),
    [],
  ).apis;
  return (await run({ ...api, document }, { isCheck: check === true })).report;
}
