// The rule "no emitted type admits nothing", checked with the TypeScript compiler API: every
// intersection and property type in the given files must be satisfiable by some value. TypeScript
// reduces some contradictions to `never` on its own; the ones it keeps (an object that admits no
// keys beside others, a primitive or an array beside an object map) are found here by shape.
import ts from "typescript";

/** Compiler options of the checks: strict, DOM + ES2022, nothing else. */
export const checkOptions: ts.CompilerOptions = {
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  noEmit: true,
  skipLibCheck: true,
  strict: true,
  target: ts.ScriptTarget.ES2022,
  types: [],
};

/** TypeScript's own libraries, parsed once per process: each program of a run reuses them. */
const libraryFiles = new Map<string, ts.SourceFile | undefined>();

/** A program over `roots` with checkOptions, sharing parsed library files with the programs before it. */
export function checkProgram(roots: string[]): ts.Program {
  const host = ts.createCompilerHost(checkOptions);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, shouldCreate) => {
    if (!/[\\/]typescript[\\/]lib[\\/]/.test(fileName))
      return read(fileName, language, onError, shouldCreate);
    if (!libraryFiles.has(fileName))
      libraryFiles.set(fileName, read(fileName, language, onError, shouldCreate));
    return libraryFiles.get(fileName);
  };
  return ts.createProgram(roots, checkOptions, host);
}

/** `file: Declaration: what admits nothing` for each finding in `files` of `program`. */
export function unsatisfiableTypes(program: ts.Program, files: string[]): string[] {
  const checker = program.getTypeChecker();
  const found: string[] = [];
  for (const name of files) {
    const file = program.getSourceFile(name);
    if (!file) throw new Error(`${name} is not part of the program`);
    const visit = (node: ts.Node, owner: string): void => {
      if ((ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node)) && node.name)
        owner = node.name.text;
      const problem = ts.isIntersectionTypeNode(node)
        ? intersectionProblem(checker, node)
        : ts.isPropertySignature(node)
          ? propertyProblem(checker, node)
          : undefined;
      if (problem)
        found.push(
          `${file.fileName.split("/").pop()}: ${owner}: ${problem}: ${node.getText(file).replace(/\s+/g, " ").slice(0, 160)}`,
        );
      ts.forEachChild(node, (child) => visit(child, owner));
    };
    visit(file, "(file)");
  }
  return found;
}

type Shape = "array" | "object" | "primitive" | "other";

function intersectionProblem(
  checker: ts.TypeChecker,
  node: ts.IntersectionTypeNode,
): string | undefined {
  if (node.types.some(isEmptyRecord)) return "intersection with Record<string, never>";
  if (checker.getTypeFromTypeNode(node).flags & ts.TypeFlags.Never) return "intersection is never";
  const shapes = new Set(
    node.types
      .map((t) => shapeOf(checker, checker.getTypeFromTypeNode(t)))
      .filter((s) => s !== "other"),
  );
  if (shapes.has("primitive") && shapes.size > 1) return "a primitive intersected with an object";
  const hasStringIndex = node.types.some(
    (t) => checker.getTypeFromTypeNode(t).getStringIndexType() !== undefined,
  );
  if (shapes.has("array") && shapes.has("object") && hasStringIndex)
    return "an array intersected with an object map";
  return undefined;
}

function propertyProblem(checker: ts.TypeChecker, node: ts.PropertySignature): string | undefined {
  if (!node.type || node.type.kind === ts.SyntaxKind.NeverKeyword) return undefined;
  return checker.getTypeFromTypeNode(node.type).flags & ts.TypeFlags.Never
    ? "property type is never"
    : undefined;
}

function isEmptyRecord(node: ts.TypeNode): boolean {
  return node.getText().replace(/\s+/g, "") === "Record<string,never>";
}

function shapeOf(checker: ts.TypeChecker, type: ts.Type): Shape {
  if (type.isUnion()) {
    const shapes = new Set(type.types.map((t) => shapeOf(checker, t)));
    return shapes.size === 1 ? [...shapes][0] : "other";
  }
  if (
    type.flags &
    (ts.TypeFlags.StringLike |
      ts.TypeFlags.NumberLike |
      ts.TypeFlags.BooleanLike |
      ts.TypeFlags.Null)
  )
    return "primitive";
  if (checker.isArrayType(type) || checker.isTupleType(type)) return "array";
  if (type.flags & ts.TypeFlags.Object) return "object";
  return "other";
}
