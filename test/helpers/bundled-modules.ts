// What a browser page keeps: esbuild bundles `source` (minified, tree-shaken) from `resolveDir`,
// and the metafile says how many bytes each module leaves in the output. Bundle tests assert on
// module names, so a change that drags a module into a page shows up by name.
import * as path from "node:path";
import { build } from "esbuild";

/** Minified bytes each module leaves in the page, by module name (file name without `.ts`). */
export async function bundledModuleBytes(
  source: string,
  resolveDir: string,
): Promise<Record<string, number>> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const [output] = Object.values(result.metafile.outputs);
  return Object.fromEntries(
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([file, input]) => [path.basename(file, ".ts"), input.bytesInOutput]),
  );
}
