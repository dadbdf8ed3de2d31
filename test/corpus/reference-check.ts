// Our exported schema types against openapi-typescript's, schema by schema, both directions: one
// generated TypeScript file per document, compiled once with the TypeScript compiler API.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { formatFiles } from "../../generator/emit/format.js";
import { render } from "../../generator/emit/render.js";
import { typesView } from "../../generator/emit/views/types-view.js";
import { loadSpec } from "../../generator/load/index.js";
import { normalize } from "../../generator/normalize/index.js";
import { checkProgram, unsatisfiableTypes } from "../types/unsatisfiable.js";

/** `ours`: our type is not assignable to openapi-typescript's; `theirs`: theirs is not assignable to ours. */
export type Direction = "ours" | "theirs";

export interface Difference {
  direction: Direction;
  /** The compiler's explanation, its deepest lines: which property differs and how. */
  detail: string;
  /** The components.schemas key. */
  schema: string;
}

export interface Comparison {
  differences: Difference[];
  /** Our types that no value satisfies (test/types/unsatisfiable.ts): must be none. */
  unsatisfiable: string[];
  /** Component schemas compared. */
  total: number;
}

/**
 * Compare every component schema of `specFile`. Swagger 2.0 documents are compared through our
 * conversion to 3.0 (openapi-typescript reads 3.x only); 3.x files are given to openapi-typescript
 * by path, so it resolves their external $refs itself.
 */
export async function compareWithReference(
  specFile: string,
  isSwagger2: boolean,
): Promise<Comparison> {
  const spec = await loadSpec(specFile);
  const { api } = normalize(spec, "Api");
  // types.ts alone: the rest of the client plays no part in the comparison.
  const [types] = await formatFiles([
    { path: "types.ts", text: render("types.ts.hbs", { header: "//", ...typesView(api) }) },
  ]);
  const source = isSwagger2 ? (withoutExamples(spec.document) as never) : pathToFileURL(specFile);
  const reference = astToString(
    await openapiTS(source, {
      cwd: pathToFileURL(specFile),
      defaultNonNullable: false,
      silent: true,
    }),
  );
  const compared = api.schemas
    .filter((s) => /^#\/components\/schemas\/[^/#]+$/.test(s.id))
    .map((s) => ({
      key: s.id.split("/")[3].replace(/~1/g, "/").replace(/~0/g, "~"),
      name: s.name,
    }));
  const lines = [
    'import type { components } from "./reference.js";',
    'import type * as Ours from "./types.js";',
    'type Ref = components["schemas"];',
  ];
  const checkLine: Omit<Difference, "detail">[] = [];
  for (const { key, name } of compared) {
    const theirs = `Ref[${JSON.stringify(key)}]`;
    // A plain assignment: the compiler's own relation, and its explanation when it fails.
    const n = lines.length;
    lines.push(`declare const ours_${n}: Ours.${name};`, `declare const theirs_${n}: ${theirs};`);
    checkLine[lines.length] = { direction: "ours", schema: key };
    lines.push(`export const toTheirs_${n}: ${theirs} = ours_${n};`);
    checkLine[lines.length] = { direction: "theirs", schema: key };
    lines.push(`export const toOurs_${n}: Ours.${name} = theirs_${n};`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "clientgen-reference-"));
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "types.ts"), types.text);
    writeFileSync(path.join(dir, "reference.ts"), reference);
    const check = path.join(dir, "check.ts");
    writeFileSync(check, lines.join("\n"));
    const program = checkProgram([check]);
    const file = program.getSourceFile(check)!;
    const differences = new Map<string, Difference>();
    for (const d of program.getSemanticDiagnostics(file)) {
      const line = file.getLineAndCharacterOfPosition(d.start ?? 0).line;
      const found = checkLine[line];
      if (!found)
        throw new Error(
          `check.ts:${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
        );
      const chain = ts
        .flattenDiagnosticMessageText(d.messageText, "\n")
        .split("\n")
        .map((l) => l.trim());
      differences.set(`${found.schema}\u0000${found.direction}`, {
        ...found,
        detail: chain.map((l) => (l.length > 160 ? `${l.slice(0, 157)}...` : l)).join(" / "),
      });
    }
    const unsatisfiable = unsatisfiableTypes(program, [path.join(dir, "types.ts")]);
    return { differences: [...differences.values()], total: compared.length, unsatisfiable };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `x-ms-examples` is data (clientgen never reads its `$ref`s), but openapi-typescript's bundler
 * follows every `$ref`, and the AutoRest server's package ships without the example files.
 */
function withoutExamples(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutExamples);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "x-ms-examples")
      .map(([key, child]) => [key, withoutExamples(child)]),
  );
}
