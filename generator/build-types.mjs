// Build step: declarations for the package's public entry points (dist/types/), so that
// `import { generate } from "clientgen"` and `clientgen/config` are typed in a project that
// installed the package (which holds no generator sources).
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const entries = ["generator/index.ts", "generator/define-config.ts"].map((f) => path.join(root, f));
const options = {
  declaration: true,
  emitDeclarationOnly: true,
  lib: ["lib.es2022.d.ts"],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  newLine: ts.NewLineKind.LineFeed,
  outDir: path.join(root, "dist", "types"),
  rootDir: path.join(root, "generator"),
  skipLibCheck: true,
  strict: true,
  target: ts.ScriptTarget.ES2022,
  types: ["node"],
};
const program = ts.createProgram(entries, options);
// The emitter types its descriptors with the runtime's own types (templates/runtime, outside
// rootDir): their declarations would land beside the runtime sources; only dist/types is written.
const result = program.emit(undefined, (file, text) => {
  if (path.resolve(file).startsWith(options.outDir + path.sep)) ts.sys.writeFile(file, text);
});
const errors = [...result.diagnostics].filter((d) => d.category === ts.DiagnosticCategory.Error);
if (errors.length > 0) {
  const host = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => root,
    getNewLine: () => "\n",
  };
  process.stderr.write(ts.formatDiagnostics(errors, host));
  process.exit(1);
}
