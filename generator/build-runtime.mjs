// Build step: templates/runtime/*.ts -> dist/runtime/*.js + *.d.ts (TypeScript compiler, then
// prettier with the generator's pinned options). Checks the runtime under strict (clients carry
// its sources with @ts-nocheck, so this is where it is proven); `--emit js` clients get the
// built .js + .d.ts.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import ts from "typescript";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const source = path.join(root, "templates", "runtime");
const target = path.join(root, "dist", "runtime");
const prettierOptions = { printWidth: 100, endOfLine: "lf", trailingComma: "all" };

const files = readdirSync(source)
  .filter((f) => f.endsWith(".ts"))
  .sort()
  .map((f) => path.join(source, f));
const options = {
  declaration: true,
  // Clients carry these sources as they are: hosts that strip types (Node, Deno, Bun) and
  // isolated transpilers (esbuild, Vite) need erasable syntax and type-only imports marked.
  erasableSyntaxOnly: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  newLine: ts.NewLineKind.LineFeed,
  outDir: target,
  removeComments: false,
  skipLibCheck: true,
  strict: true,
  target: ts.ScriptTarget.ES2022,
  types: [],
};
/**
 * Declarations without `implements` clauses. They add nothing to a class's type (TypeScript is
 * structural: a Poller is awaitable because it has `then`), but every checker that reads the
 * declarations would re-prove them: for the generic PromiseLike/AsyncIterable classes that is
 * most of the work the runtime's declarations cost a host project. The sources keep them, so
 * this build still proves them once.
 */
const dropImplements = (context) => (node) => {
  if (!ts.isSourceFile(node)) return node;
  const visit = (child) => {
    if (!ts.isClassDeclaration(child) || !child.heritageClauses) return child;
    const kept = child.heritageClauses.filter(
      (clause) => clause.token !== ts.SyntaxKind.ImplementsKeyword,
    );
    if (kept.length === child.heritageClauses.length) return child;
    return ts.factory.updateClassDeclaration(
      child,
      child.modifiers,
      child.name,
      child.typeParameters,
      kept.length > 0 ? kept : undefined,
      child.members,
    );
  };
  return ts.visitEachChild(node, visit, context);
};

const program = ts.createProgram(files, options);
const emitted = new Map();
const result = program.emit(undefined, (file, text) => emitted.set(file, text), undefined, false, {
  afterDeclarations: [dropImplements],
});
const errors = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics].filter(
  (d) => d.category === ts.DiagnosticCategory.Error,
);
if (errors.length > 0) {
  const host = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => root,
    getNewLine: () => "\n",
  };
  process.stderr.write(ts.formatDiagnostics(errors, host));
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const [file, text] of [...emitted].sort(([a], [b]) => (a < b ? -1 : 1))) {
  const parser = file.endsWith(".d.ts") ? "typescript" : "babel";
  writeFileSync(file, await prettier.format(text, { ...prettierOptions, parser }));
}
