// openapi-typescript as an independent reference on every corpus document: for each component
// schema, our exported type and openapi-typescript's `components["schemas"][name]` must be
// assignable to each other. Every known difference is listed below with its reason; any other
// fails the test. Prints the mutual-assignability rate per document. Our types must also pass the
// rule of test/types/unsatisfiable.ts (no type that admits nothing) on every document.
import { existsSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { corpusDir, corpusSpecs } from "./corpus.js";
import { compareWithReference } from "./reference-check.js";
import { knownDifferences } from "./reference-differences.js";

const swagger2 = new Set(["hey-api-features/2.0.x/full.yaml", "oai-examples/uber-swagger2.yaml"]);

/**
 * The AutoRest test server's Swagger 2.0 documents, when its package is installed (a devDependency
 * of the conformance suite) or CLIENTGEN_AUTOREST_SWAGGERS names their folder.
 */
const autorestDir =
  process.env.CLIENTGEN_AUTOREST_SWAGGERS ??
  path.resolve("node_modules/@microsoft.azure/autorest.testserver/swagger");
const autorest = existsSync(autorestDir)
  ? readdirSync(autorestDir)
      .filter((f) => f.endsWith(".json"))
      .sort()
  : [];

/** Documents clientgen does not generate today, with the reason; compared once they are. */
const unloadable: Record<string, string> = {};

const specs = [
  ...corpusSpecs().map((spec) => ({
    file: path.join(corpusDir, spec),
    isSwagger2: swagger2.has(spec),
    spec,
  })),
  ...autorest.map((f) => ({
    file: path.join(autorestDir, f),
    isSwagger2: true,
    spec: `autorest/${f}`,
  })),
];
const summary: string[] = [];
afterAll(() =>
  console.log(
    `reference (openapi-typescript), mutually assignable component schemas:\n${summary.join("\n")}`,
  ),
);

describe("component schema types match openapi-typescript", () => {
  it("has documents to compare", () => expect(specs.length).toBeGreaterThan(10));

  it.each(specs)("$spec", async ({ file, isSwagger2, spec }) => {
    let comparison;
    try {
      comparison = await compareWithReference(file, isSwagger2);
    } catch (error) {
      if (!(spec in unloadable)) throw error;
      summary.push(`  ${spec}: not generated (${unloadable[spec]})`);
      return;
    }
    const { differences, total, unsatisfiable } = comparison;
    expect(unsatisfiable).toEqual([]);
    const differing = new Set(differences.map((d) => d.schema)).size;
    const rate = total === 0 ? 100 : (100 * (total - differing)) / total;
    summary.push(`  ${spec}: ${total - differing}/${total} (${rate.toFixed(1)}%)`);
    const listed = new Set(knownDifferences.flatMap((k) => k.schemas[spec] ?? []));
    // Unlisted ones with the compiler's explanation: what differs and how.
    const unlisted = differences
      .filter((d) => !listed.has(`${d.schema} (${d.direction})`))
      .map((d) => `${d.schema} (${d.direction}): ${d.detail}`);
    expect(unlisted).toEqual([]);
  });
});
