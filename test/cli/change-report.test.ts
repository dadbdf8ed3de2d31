// The change report: surface of a model, and old vs new surface -> changes for callers.
import { describe, expect, it } from "vitest";
import { compareSurfaces } from "../../generator/report/compare-surface.js";
import { surfaceOf, type Surface } from "../../generator/report/surface.js";
import { documentWith, normalizeDocument } from "../helpers/normalize-document.js";

const base: Surface = {
  operations: {
    getPet: {
      method: "GET",
      params: { petId: "!string", verbose: "boolean" },
      path: "/pets/{petId}",
      result: "Pet",
    },
    listOwners: {
      method: "GET",
      params: {},
      path: "/owners",
      result: "{ owners: string[] }",
      resultFields: { owners: "!string[]", total: "number" },
    },
  },
  types: {
    NewPet: { fields: { name: "!string" }, usage: ["input"] },
    Pet: { fields: { id: "!string", name: "!string", age: "number" }, usage: ["output"] },
    Status: { enum: ['"available"', '"sold"'], usage: ["output"] },
  },
  version: "1.0.0",
};

function changed(edit: (s: Surface) => void) {
  const after = structuredClone(base);
  edit(after);
  return compareSurfaces(base, after).map((c) => `${c.isBreaking ? "BREAKING " : ""}${c.message}`);
}

describe("compareSurfaces", () => {
  it.each<[string, (s: Surface) => void, string[]]>([
    ["nothing", () => {}, []],
    [
      "operation added",
      (s) =>
        void (s.operations.deletePet = {
          method: "DELETE",
          params: {},
          path: "/pets/{petId}",
          result: "void",
        }),
      ["operation `deletePet` added (`DELETE /pets/{petId}`)"],
    ],
    [
      "operation removed",
      (s) => void delete s.operations.listOwners,
      ["BREAKING operation `listOwners` removed (`GET /owners`)"],
    ],
    [
      "operation renamed (same method and path)",
      (s) => {
        s.operations.fetchPet = s.operations.getPet;
        delete s.operations.getPet;
      },
      ["BREAKING operation `getPet` renamed to `fetchPet` (`GET /pets/{petId}`)"],
    ],
    [
      "required parameter added",
      (s) => void (s.operations.getPet.params.tenant = "!string"),
      ["BREAKING `getPet` parameter `tenant` added (required)"],
    ],
    [
      "optional parameter added",
      (s) => void (s.operations.getPet.params.expand = "string"),
      ["`getPet` parameter `expand` added"],
    ],
    [
      "parameter now required",
      (s) => void (s.operations.getPet.params.verbose = "!boolean"),
      ["BREAKING `getPet` parameter `verbose` is now required"],
    ],
    [
      "parameter removed",
      (s) => void delete s.operations.getPet.params.verbose,
      ["BREAKING `getPet` parameter `verbose` removed"],
    ],
    [
      "response field removed",
      (s) => void delete s.types.Pet.fields!.age,
      ["BREAKING `Pet` field `age` removed"],
    ],
    [
      "response field retyped",
      (s) => void (s.types.Pet.fields!.id = "!number"),
      ["BREAKING `Pet` field `id` retyped from `string` to `number`"],
    ],
    [
      "response field now optional",
      (s) => void (s.types.Pet.fields!.name = "string"),
      ["BREAKING `Pet` field `name` is now optional"],
    ],
    [
      "response field added (required)",
      (s) => void (s.types.Pet.fields!.owner = "!string"),
      ["`Pet` field `owner` added (required)"],
    ],
    [
      "request field added (required)",
      (s) => void (s.types.NewPet.fields!.owner = "!string"),
      ["BREAKING `NewPet` field `owner` added (required)"],
    ],
    [
      "inline result field removed",
      (s) => void delete s.operations.listOwners.resultFields!.total,
      ["BREAKING `listOwners` result field `total` removed"],
    ],
    [
      "result retyped",
      (s) => void (s.operations.getPet.result = "Pet[]"),
      ["BREAKING `getPet` result retyped from `Pet` to `Pet[]`"],
    ],
    [
      "enum value removed",
      (s) => void (s.types.Status.enum = ['"available"']),
      ['BREAKING `Status` enum value `"sold"` removed'],
    ],
    [
      "enum value added",
      (s) => void s.types.Status.enum!.push('"pending"'),
      ['`Status` enum value `"pending"` added'],
    ],
    ["type removed", (s) => void delete s.types.NewPet, ["BREAKING type `NewPet` removed"]],
  ])("%s", (_, edit, want) => {
    expect(changed(edit)).toEqual(want);
  });

  it("lists breaking changes first", () => {
    const messages = changed((s) => {
      s.operations.getPet.params.expand = "string";
      delete s.operations.listOwners;
    });
    expect(messages).toEqual([
      "BREAKING operation `listOwners` removed (`GET /owners`)",
      "`getPet` parameter `expand` added",
    ]);
  });
});

describe("surfaceOf", () => {
  it("operations with parameters and results; types with fields, enums and where callers meet them", async () => {
    const { api } = await normalizeDocument(
      documentWith({
        schemas: {
          Pet: {
            type: "object",
            required: ["id"],
            properties: { id: { type: "string" }, status: { $ref: "#/components/schemas/Status" } },
          },
          Status: { type: "string", enum: ["a", "b"] },
          Query: { type: "object", properties: { q: { type: "string" } } },
        },
        paths: {
          "/pets": {
            post: {
              operationId: "findPets",
              parameters: [
                { name: "limit", in: "query", required: true, schema: { type: "integer" } },
              ],
              requestBody: {
                required: true,
                content: { "application/json": { schema: { $ref: "#/components/schemas/Query" } } },
              },
              responses: {
                "200": {
                  description: "ok",
                  content: {
                    "application/json": {
                      schema: { type: "array", items: { $ref: "#/components/schemas/Pet" } },
                    },
                  },
                },
              },
            },
          },
        },
      }),
    );
    const surface = surfaceOf(api);
    expect(surface.operations.findPets).toEqual({
      body: "!Query",
      method: "POST",
      params: { limit: "!number" },
      path: "/pets",
      result: "Pet[]",
    });
    expect(surface.types.Pet).toEqual({
      fields: { id: "!string", status: "Status" },
      usage: ["output"],
    });
    expect(surface.types.Status).toEqual({ enum: ['"a"', '"b"'], usage: ["output"] });
    expect(surface.types.Query.usage).toEqual(["input"]);
  });
});
