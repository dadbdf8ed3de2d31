// --emit js: the generated TypeScript as ESM JavaScript (esbuild) plus declarations (the
// TypeScript compiler, declarations only and unchecked: the sources are already type-correct).
import * as path from "node:path";
import type { RenderedFile } from "../emit/format.js";
import { InputError } from "./input-error.js";

/** Replace every .ts file by a .js and a .d.ts; other files pass through. Sorted by path. */
export async function toJavaScript(files: RenderedFile[]): Promise<RenderedFile[]> {
  // The runtime already comes as .js + .d.ts: only the client's own .ts files are compiled.
  const isSource = (f: RenderedFile) => f.path.endsWith(".ts") && !f.path.endsWith(".d.ts");
  const sources = files.filter(isSource);
  const others = files.filter((f) => !isSource(f));
  const declarationInputs = files.filter((f) => f.path.endsWith(".d.ts"));
  const [scripts, declarations] = await Promise.all([transpile(sources), declare(sources, declarationInputs)]);
  return [...others, ...scripts, ...declarations].sort((a, b) => (a.path < b.path ? -1 : 1));
}

async function transpile(sources: RenderedFile[]): Promise<RenderedFile[]> {
  const { transform } = await import("esbuild");
  return Promise.all(
    sources.map(async (file) => {
      const { code } = await transform(file.text, { format: "esm", loader: "ts", target: "es2022", sourcefile: file.path });
      // esbuild drops line comments: keep the file's "generated, do not edit" first line.
      const header = file.text.slice(0, file.text.indexOf("\n") + 1);
      return { path: file.path.replace(/\.ts$/, ".js"), text: `${header}${code}` };
    }),
  );
}

async function declare(sources: RenderedFile[], declarationInputs: RenderedFile[]): Promise<RenderedFile[]> {
  let ts: typeof import("typescript");
  try {
    ts = (await import("typescript")).default;
  } catch {
    // An optional peer dependency: only --emit js needs it.
    throw new InputError("--emit js writes .d.ts files with the TypeScript compiler: install it (npm i -D typescript)");
  }
  const root = "/clientgen-virtual";
  const byPath = new Map([...sources, ...declarationInputs].map((f) => [path.posix.join(root, f.path), f.text]));
  const rootNames = sources.map((f) => path.posix.join(root, f.path));
  const options = {
    declaration: true,
    emitDeclarationOnly: true,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noCheck: true,
    skipLibCheck: true,
    strict: true,
    target: ts.ScriptTarget.ES2022,
    types: [],
  } as import("typescript").CompilerOptions;
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => byPath.get(file) ?? readFile(file);
  host.fileExists = (file) => byPath.has(file) || fileExists(file);
  host.getSourceFile = (file, language) => {
    const text = byPath.get(file);
    return text === undefined ? getSourceFile(file, language) : ts.createSourceFile(file, text, language, true);
  };
  const out: RenderedFile[] = [];
  host.writeFile = (file, text) => out.push({ path: path.posix.relative(root, file), text });
  host.getCurrentDirectory = () => root;
  const program = ts.createProgram(rootNames, options, host);
  const result = program.emit();
  const errors = result.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) throw new Error(`--emit js: ${ts.flattenDiagnosticMessageText(errors[0].messageText, "\n")}`);
  return out;
}
