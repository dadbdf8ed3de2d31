// The pipeline from an in-memory document (no temp file for the spec), options over their
// defaults, and silencing warnings by code.
import { mkdtempSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { DiagnosticsError } from "../../generator/diagnostics/diagnostic.js";
import { withDefaults } from "../../generator/options.js";
import { generate as generateFolder } from "../../generator/index.js";
import { generate, run } from "../../generator/pipeline.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "clientgen-pipeline-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A GET with a request body (BODY002, a warning) and a listing. */
function document(): Record<string, unknown> {
  return {
    openapi: "3.0.3",
    info: { title: "Memo API", version: "1" },
    paths: {
      "/notes": {
        get: {
          operationId: "listNotes",
          requestBody: { content: { "application/json": { schema: { type: "object" } } } },
          responses: {
            "200": {
              description: "ok",
              content: {
                "application/json": {
                  schema: { type: "array", items: { $ref: "#/components/schemas/Note" } },
                },
              },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Note: { type: "object", required: ["id"], properties: { id: { type: "string" } } },
      },
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null)
    for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}

describe("generate from an in-memory document", () => {
  it("reads no file, names the spec path in diagnostics, and leaves the document as it was", async () => {
    const given = deepFreeze(document());
    const result = await generate({ document: given, spec: "memory/memo.json" });
    expect(result.name).toBe("Memo");
    expect(result.inputs).toEqual([]);
    expect(result.diagnostics.map((d) => `${d.file} ${d.pointer} ${d.code}`)).toEqual([
      "memory/memo.json #/paths/~1notes/get/requestBody BODY002",
    ]);
    expect(result.files.find((f) => f.path === "types.ts")?.text).toContain(
      "export interface Note {",
    );
    expect(given).toEqual(document());
  });

  it("silence drops a warning by code; an error is never silenced", async () => {
    expect(
      (await generate({ document: document(), silence: ["BODY002"], spec: "memo.json" }))
        .diagnostics,
    ).toEqual([]);
    const broken = document();
    (broken.paths as Record<string, Record<string, Record<string, unknown>>>)[
      "/notes"
    ].get.parameters = [{ in: "query" }];
    await expect(
      generate({ document: broken, silence: ["PAR001"], spec: "memo.json" }),
    ).rejects.toThrow(DiagnosticsError);
  });
});

describe("run from an in-memory document", () => {
  it("writes the folder, and regenerates every time (there is no file for the no-op record to hash)", async () => {
    vi.stubEnv("CLIENTGEN_CACHE_DIR", path.join(dir, ".cache"));
    const options = {
      ...withDefaults({ document: document(), spec: path.join(dir, "memo.json") }),
      output: path.join(dir, "out"),
    };
    const first = await run(options, { isCheck: false });
    expect(first.report).toMatchObject({ name: "Memo", status: "generated" });
    expect(Object.keys(first.report.stages)).toEqual([
      "parsing",
      "normalising",
      "emitting",
      "formatting",
      "writing",
    ]);
    expect((await run(options, { isCheck: false })).report.status).toBe("generated");
    expect((await run(options, { isCheck: true })).report.status).toBe("up-to-date");
    vi.unstubAllEnvs();
  });
});

describe('import { generate } from "clientgen" with a document', () => {
  it("writes the folder from the object; without spec or document it says what is missing", async () => {
    vi.stubEnv("CLIENTGEN_CACHE_DIR", path.join(dir, ".cache"));
    const report = await generateFolder({ cwd: dir, document: document(), output: "api" });
    expect(report).toMatchObject({
      name: "Memo",
      output: path.join(dir, "api"),
      status: "generated",
    });
    await expect(generateFolder({ output: "api" })).rejects.toThrow(
      "generate(): give `spec` (a path) or `document` (an OpenAPI object)",
    );
    vi.unstubAllEnvs();
  });
});
