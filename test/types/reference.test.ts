// openapi-typescript as a reference: for every component schema of our three specs, our emitted
// type and openapi-typescript's type must be assignable to each other (same set of values).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../generator/config.js";
import { loadSpec } from "../../generator/load/index.js";
import { normalize } from "../../generator/normalize/index.js";
import { compileAlone } from "./compile.js";

const apis = readConfig("clientgen.config.json").apis;

describe.each(apis)("schema types of $spec match openapi-typescript", (api) => {
  it("both ways, schema by schema", async () => {
    const spec = await loadSpec(api.spec, { overlays: api.overlays });
    const { api: model } = normalize(spec, api.name ?? "Api");
    // defaultNonNullable: false — a property with a `default` is still optional to send (our reading).
    const reference = astToString(
      await openapiTS(spec.document as never, { defaultNonNullable: false }),
    );
    const checks = model.schemas
      .filter((s) => /^#\/components\/schemas\/[^/]+$/.test(s.id))
      .map((s) => {
        const key = JSON.stringify(s.id.split("/")[3].replace(/~1/g, "/").replace(/~0/g, "~"));
        return `export const ${s.name}_matches: Same<Ours.${s.name}, Ref[${key}]> = true;`;
      });
    const check = [
      'import type { components } from "./reference.js";',
      `import type * as Ours from "./client/types.js";`,
      'type Ref = components["schemas"];',
      "type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;",
      ...checks,
    ].join("\n");
    const dir = mkdtempSync(path.join(os.tmpdir(), "clientgen-ref-"));
    try {
      writeFileSync(path.join(dir, "reference.ts"), reference);
      const result = await compileAlone(
        { client: api.output },
        { "reference.ts": reference, "check.ts": check },
      );
      // Name the schemas that differ, not just the line numbers.
      const lines = check.split("\n");
      const mismatches = [...result.output.matchAll(/check\.ts\((\d+),/g)].map(
        (m) => lines[Number(m[1]) - 1].split(":")[0],
      );
      expect(mismatches).toEqual([]);
      expect(result.output).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(checks.length).toBeGreaterThan(3);
  });
});
