// A warning's position in a JSON spec comes from the text the loader already read: the file is
// read once per generation (GitHub's document is 13 MB), not again for the first diagnostic.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { generate } from "../../../generator/pipeline.js";

const reads = vi.hoisted(() => [] as string[]);
vi.mock("../../../generator/load/read-regular-file.js", async (importOriginal) => {
  const actual =
    await importOriginal<typeof import("../../../generator/load/read-regular-file.js")>();
  return {
    readRegularFile: (file: string) => {
      reads.push(file);
      return actual.readRegularFile(file);
    },
  };
});

const dir = mkdtempSync(path.join(os.tmpdir(), "clientgen-locate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("positions of diagnostics in a JSON spec", () => {
  it("come from the text the loader read", async () => {
    const spec = path.join(dir, "pets.json");
    // {id} is not declared: PAR002, a warning with a position.
    const document = {
      openapi: "3.0.3",
      info: { title: "Pets", version: "1" },
      paths: {
        "/pets/{id}": {
          get: { operationId: "getPet", responses: { "200": { description: "ok" } } },
        },
      },
    };
    writeFileSync(spec, JSON.stringify(document, null, 2));
    const { diagnostics } = await generate({ spec });
    expect(diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual(["9:7 PAR002"]);
    expect(reads.filter((file) => file === spec)).toHaveLength(1);
  });
});
