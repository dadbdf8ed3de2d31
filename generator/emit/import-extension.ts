// options.importExtension "ts": relative imports name the .ts files themselves
// (`./runtime/transport.ts`), which is what hosts that run TypeScript as it is need: Node's
// type stripping and Deno resolve no `.js` specifier to a `.ts` file. tsc accepts them with
// `allowImportingTsExtensions` (no emit, or a bundler) or `rewriteRelativeImportExtensions`
// (TypeScript 5.7+, rewritten to .js on emit).
import type { RenderedFile } from "./format.js";

/** `from "./x.js"`, `import("./x.js")`: relative specifiers only, in the code the emitter writes. */
const relativeJsSpecifier = /((?:\bfrom|\bimport)\s*\(?\s*")(\.\.?\/[^"\n]*)\.js"/g;

export function withTsSpecifiers(files: RenderedFile[]): RenderedFile[] {
  return files.map((file) =>
    file.path.endsWith(".ts")
      ? { path: file.path, text: file.text.replace(relativeJsSpecifier, '$1$2.ts"') }
      : file,
  );
}
