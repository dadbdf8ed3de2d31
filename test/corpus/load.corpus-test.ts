// Every root document of the shared corpus loads: 3.x without errors, Swagger 2.0 converted to 3.0
// with the LOAD006 warning.
// Partial files (only referenced from a root) are not roots and are skipped.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { corpusDir as CORPUS } from "./corpus.js";

/** Files referenced by a root, never loaded on their own. */
const PARTIALS = new Set(["external-shared.json", "_parameters-test-partial.yaml"]);

function roots(): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      // digital-ocean-api/ holds 2,000 fragments; its root is listed on its own.
      if (entry.isDirectory() && entry.name !== "digital-ocean-api") visit(file);
      else if (/\.(ya?ml|json)$/.test(entry.name) && !PARTIALS.has(entry.name)) found.push(file);
    }
  };
  visit(CORPUS);
  return [...found, path.join(CORPUS, "digital-ocean-api/DigitalOcean-public.v2.yaml")].sort();
}

const isSwagger2 = (file: string) => file.includes("/2.0.x/") || file.endsWith("swagger2.yaml");

describe.skipIf(!existsSync(CORPUS))("corpus", () => {
  test.each(existsSync(CORPUS) ? roots().map((f) => path.relative(CORPUS, f)) : [])(
    "%s",
    async (relative) => {
      const file = path.join(CORPUS, relative);
      if (isSwagger2(file)) {
        const spec = await loadSpec(file);
        expect(spec.version).toBe("3.0");
        expect(spec.document.openapi).toMatch(/^3\.0\./);
        expect(spec.diagnostics.map((d) => `${d.code} ${d.severity} ${d.pointer}`)).toEqual([
          "LOAD006 warning #/swagger",
        ]);
        return;
      }
      const spec = await loadSpec(file);
      expect(spec.diagnostics).toEqual([]);
      expect(["3.0", "3.1"]).toContain(spec.version);
    },
  );

  test("DigitalOcean: every referenced fragment is read (x-codeSamples files are extension data, not read)", async () => {
    const spec = await loadSpec(path.join(CORPUS, "digital-ocean-api/DigitalOcean-public.v2.yaml"));
    expect(spec.files.length).toBeGreaterThan(900);
    expect(spec.files).toEqual([...spec.files].sort());
    const target = spec.resolveRef(
      "../../shared/responses/unauthorized.yml",
      path.join(CORPUS, "digital-ocean-api/resources/droplets/droplets_list.yml"),
    );
    expect(target?.file).toBe(
      path.join(CORPUS, "digital-ocean-api/shared/responses/unauthorized.yml"),
    );
  });
});
