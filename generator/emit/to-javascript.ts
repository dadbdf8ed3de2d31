// --emit js: the generated TypeScript as ESM JavaScript plus declarations, both from the
// TypeScript compiler (transpiled one file at a time; declarations unchecked: the sources are
// already type-correct). The runtime comes prebuilt (dist/runtime, `npm run build`). Every .js
// names its .d.ts (`@ts-self-types`, read by Deno) and is `@ts-nocheck`; TypeScript resolves an
// import to the .d.ts beside a .js, so checkJs hosts check their calls against the declarations.
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import type { RenderedFile } from "./format.js";
import { generatedHeader, noCheckDirective } from "./plan.js";
import { packageRoot } from "../package-root.js";
import { InputError } from "../diagnostics/input-error.js";

type TypeScript = typeof import("typescript");

/** Replace every .ts file by a .js and a .d.ts; other files pass through. Sorted by path. */
export async function toJavaScript(files: RenderedFile[]): Promise<RenderedFile[]> {
  const ts = await loadTypeScript();
  const isRuntime = (f: RenderedFile) => f.path.startsWith("runtime/");
  const isSource = (f: RenderedFile) =>
    f.path.endsWith(".ts") && !f.path.endsWith(".d.ts") && !isRuntime(f);
  const sources = files.filter(isSource);
  const others = files.filter((f) => !isSource(f) && !isRuntime(f));
  // The built runtime, for the modules the TypeScript output ships (withReachableRuntime).
  const shipped = new Set(files.filter(isRuntime).map((f) => f.path.replace(/\.ts$/, "")));
  const runtime = builtRuntime().filter((f) => shipped.has(f.path.replace(/\.(d\.ts|js)$/, "")));
  const scripts = sources.map((file) => ({
    path: file.path.replace(/\.ts$/, ".js"),
    text: transpile(ts, file),
  }));
  const declarations = declare(
    ts,
    sources,
    runtime.filter((f) => f.path.endsWith(".d.ts")),
  );
  const code = [...runtime, ...scripts, ...declarations].map(withTypesNamed);
  return [...others, ...code].sort((a, b) => (a.path < b.path ? -1 : 1));
}

async function loadTypeScript(): Promise<TypeScript> {
  let ts: TypeScript | undefined;
  try {
    ts = ((await import("typescript")) as { default: TypeScript }).default;
  } catch {
    // An optional peer dependency: only --emit js needs it.
    throw new InputError(
      "--emit js writes .d.ts files with the TypeScript compiler API: install it (npm i -D typescript@6), or use the default TypeScript output",
    );
  }
  if (typeof ts?.createProgram !== "function") {
    // TypeScript 7 is a native compiler without the JavaScript API.
    throw new InputError(
      `--emit js needs the TypeScript compiler API (typescript 5.x or 6.x), and the installed typescript ${String(ts?.version ?? "")} has none: install typescript@6 under another name for clientgen, or use the default TypeScript output (any TypeScript, including 7, compiles it)`,
    );
  }
  return ts;
}

/** The runtime as `npm run build` made it: .js with .d.ts beside it. */
function builtRuntime(): RenderedFile[] {
  const dir = path.join(packageRoot(), "dist", "runtime");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".js") || name.endsWith(".d.ts"))
    .sort()
    .map((name) => ({
      path: `runtime/${name}`,
      text: `${generatedHeader}\n${readFileSync(path.join(dir, name), "utf8")}`,
    }));
}

/**
 * After the generated header: `// @ts-self-types="./x.d.ts"` (Deno's way to a file's types) and
 * `// @ts-nocheck` (a checkJs host checks its calls against the .d.ts, not our untyped JavaScript).
 */
function withTypesNamed(file: RenderedFile): RenderedFile {
  if (!file.path.endsWith(".js")) return file;
  const header = `${generatedHeader}\n`;
  const body = file.text.startsWith(header) ? file.text.slice(header.length) : file.text;
  return {
    path: file.path,
    text: `${header}// @ts-self-types="./${path.posix.basename(file.path, ".js")}.d.ts"\n${noCheckDirective}\n${body}`,
  };
}

function transpile(ts: TypeScript, file: RenderedFile): string {
  const { outputText } = ts.transpileModule(withoutNoCheck(file.text), {
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      newLine: ts.NewLineKind.LineFeed,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
    },
    fileName: file.path,
  });
  return outputText;
}

/** JavaScript is not type-checked anyway: the directive only matters in .ts. */
const withoutNoCheck = (text: string) => text.replace(`\n${noCheckDirective}\n`, "\n");

function declare(
  ts: TypeScript,
  sources: RenderedFile[],
  declarationInputs: RenderedFile[],
): RenderedFile[] {
  const root = "/clientgen-virtual";
  const byPath = new Map(
    [...sources, ...declarationInputs].map((f) => [
      path.posix.join(root, f.path),
      withoutNoCheck(f.text),
    ]),
  );
  const rootNames = sources.map((f) => path.posix.join(root, f.path));
  const options: import("typescript").CompilerOptions = {
    declaration: true,
    emitDeclarationOnly: true,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    newLine: ts.NewLineKind.LineFeed,
    noCheck: true,
    skipLibCheck: true,
    strict: true,
    target: ts.ScriptTarget.ES2022,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => byPath.get(file) ?? readFile(file);
  host.fileExists = (file) => byPath.has(file) || fileExists(file);
  host.getSourceFile = (file, language) => {
    const text = byPath.get(file);
    return text === undefined
      ? getSourceFile(file, language)
      : ts.createSourceFile(file, text, language, true);
  };
  const out: RenderedFile[] = [];
  host.writeFile = (file, text) => out.push({ path: path.posix.relative(root, file), text });
  host.getCurrentDirectory = () => root;
  const program = ts.createProgram(rootNames, options, host);
  const result = program.emit();
  const errors = result.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0)
    throw new Error(`--emit js: ${ts.flattenDiagnosticMessageText(errors[0].messageText, "\n")}`);
  return out;
}
