// The emitted TypeScript in the language the options ask for: as it is, with `.ts` import
// specifiers (importExtension "ts"), or as JavaScript with declarations (emit "js", which loads
// the TypeScript compiler, so only then).
import type { ResolvedOptions } from "../options.js";
import type { RenderedFile } from "./format.js";
import { withTsSpecifiers } from "./import-extension.js";

export async function inOutputLanguage(
  files: RenderedFile[],
  options: Pick<ResolvedOptions, "emit" | "importExtension">,
): Promise<RenderedFile[]> {
  if (options.emit === "js") return (await import("./to-javascript.js")).toJavaScript(files);
  return options.importExtension === "ts" ? withTsSpecifiers(files) : files;
}
