// given: a component schema; want: the TypeScript declaration clientgen emits for it.
import { describe, expect, it } from "vitest";
import { typesView } from "../../../generator/emit/views/types-view.js";
import { documentWith, normalizeDocument } from "../../helpers/normalize-document.js";

async function declarationOf(schemas: object, name: string, openapi?: string): Promise<string> {
  const { api } = await normalizeDocument(documentWith({ schemas, openapi }));
  const declaration = typesView(api).declarations.find((d) =>
    new RegExp(`export (interface|type) ${name}\\b`).test(d),
  );
  if (!declaration) throw new Error(`no declaration ${name}`);
  const text = declaration
    .replace(/\/\*\*.*?\*\/\s*/gs, "")
    .replace(`export interface ${name} `, "interface ")
    .replace(new RegExp(`^export type ${name} =\\s*`), "")
    .replace(/;\s*$/, "");
  return text.replace(/\s+/g, " ").trim();
}

describe("schema translation", () => {
  it.each([
    ["string", { type: "string" }, "string"],
    ["integer", { type: "integer", format: "int64" }, "number"],
    ["binary", { type: "string", format: "binary" }, "Blob"],
    ["3.0 nullable", { type: "string", nullable: true }, "string | null"],
    ["3.1 type array", { type: ["string", "null"] }, "string | null"],
    ["several types", { type: ["string", "integer"] }, "string | number"],
    ["anyOf with null", { anyOf: [{ type: "integer" }, { type: "null" }] }, "number | null"],
    ["enum", { type: "string", enum: ["a", "b"] }, '"a" | "b"'],
    ["enum with null", { enum: ["a", null, 1, true] }, '"a" | null | 1 | true'],
    // GitHub's REST document: null once, whichever keywords say it.
    ["nullable enum with null", { enum: ["a", null], nullable: true }, '"a" | null'],
    ["nullable enum", { enum: ["a", "b"], nullable: true }, '"a" | "b" | null'],
    [
      "nullable type array with null",
      { type: ["string", "null"], nullable: true },
      "string | null",
    ],
    [
      "nullable oneOf with a null enum",
      { oneOf: [{ type: "integer" }, { enum: ["a", null] }], nullable: true },
      'number | "a" | null',
    ],
    [
      "nullable extensible enum",
      { type: "string", enum: ["a"], "x-ms-enum": { modelAsString: true }, nullable: true },
      '"a" | string | null',
    ],
    ["const", { const: "fixed" }, '"fixed"'],
    ["hostile enum", { enum: ['"; evil(); "', "*/"] }, '"\\"; evil(); \\"" | "*/"'],
    ["array", { type: "array", items: { type: "string" } }, "string[]"],
    [
      "array of union",
      { type: "array", items: { oneOf: [{ type: "string" }, { type: "number" }] } },
      "(string | number)[]",
    ],
    [
      "tuple",
      { type: "array", prefixItems: [{ type: "string" }, { type: "number" }], items: false },
      "[string, number]",
    ],
    ["open tuple", { type: "array", prefixItems: [{ type: "string" }] }, "[string, ...unknown[]]"],
    [
      "tuple closed by maxItems",
      { type: "array", prefixItems: [{ type: "string" }], maxItems: 1 },
      "[string]",
    ],
    [
      "const array: typed by its type, not as JSON text",
      { type: "array", const: [1, "a"] },
      "unknown[]",
    ],
    ["enum with an object member", { enum: ["a", { b: 1 }] }, "unknown"],
    ["empty object", { type: "object" }, "interface { [key: string]: unknown; }"],
    [
      "closed empty object",
      { type: "object", additionalProperties: false },
      "Record<string, never>",
    ],
    [
      "map",
      { type: "object", additionalProperties: { type: "integer" } },
      "interface { [key: string]: number; }",
    ],
    [
      "object",
      {
        type: "object",
        required: ["a"],
        properties: { a: { type: "string" }, "b-c": { type: "number" } },
      },
      'interface { a: string; "b-c"?: number; }',
    ],
    [
      "object + extra",
      { type: "object", properties: { a: { type: "string" } }, additionalProperties: true },
      "interface { a?: string; [key: string]: unknown; }",
    ],
    [
      "object + typed extra",
      {
        type: "object",
        required: ["a"],
        properties: { a: { type: "string" } },
        additionalProperties: { type: "number" },
      },
      "interface { a: string; [key: string]: number | string; }",
    ],
    [
      "patternProperties",
      { type: "object", patternProperties: { "^x-": { type: "string" } } },
      "interface { [key: string]: string; }",
    ],
    [
      "inline map",
      { type: "array", items: { type: "object", additionalProperties: { type: "integer" } } },
      "Record<string, number>[]",
    ],
    [
      "allOf",
      {
        allOf: [
          { $ref: "#/components/schemas/Base" },
          { type: "object", properties: { b: { type: "string" } } },
        ],
      },
      "Base & { b?: string; }",
    ],
    [
      "ref with 3.1 sibling constraint",
      {
        $ref: "#/components/schemas/Base",
        required: ["a"],
        type: "object",
        properties: { x: { type: "integer" } },
      },
      "Base & { x?: number; }",
    ],
    ["boolean schema", true, "unknown"],
    ["false schema", false, "never"],
  ])("%s", async (_, schema, want) => {
    const schemas = {
      Subject: schema,
      Base: { type: "object", properties: { a: { type: "string" } } },
    };
    expect(await declarationOf(schemas, "Subject")).toBe(want);
  });

  it("3.0 allOf + nullable ref", async () => {
    const schemas = {
      Subject: { allOf: [{ $ref: "#/components/schemas/Base" }], nullable: true },
      Base: { type: "object" },
    };
    expect(await declarationOf(schemas, "Subject", "3.0.3")).toBe("Base | null");
  });

  it("recursive and mutually recursive schemas refer to each other by name", async () => {
    const schemas = {
      Node: {
        type: "object",
        properties: {
          children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
          other: { $ref: "#/components/schemas/Other" },
        },
      },
      Other: { type: "object", properties: { node: { $ref: "#/components/schemas/Node" } } },
    };
    expect(await declarationOf(schemas, "Node")).toBe(
      "interface { children?: Node[]; other?: Other; }",
    );
    expect(await declarationOf(schemas, "Other")).toBe("interface { node?: Node; }");
  });
});

describe("discriminators", () => {
  const cat = {
    type: "object",
    required: ["kind"],
    properties: { kind: { type: "string" }, meow: { type: "boolean" } },
  };
  const dog = {
    type: "object",
    required: ["kind"],
    properties: { kind: { type: "string" }, bark: { type: "boolean" } },
  };
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

  it("pins mapping values onto variants whose property is a plain string", async () => {
    const schemas = {
      Cat: cat,
      Dog: dog,
      Pet: {
        oneOf: [ref("Cat"), ref("Dog")],
        discriminator: {
          propertyName: "kind",
          mapping: {
            cat: "#/components/schemas/Cat",
            dog: "Dog",
            hound: "#/components/schemas/Dog",
          },
        },
      },
    };
    expect(await declarationOf(schemas, "Pet")).toBe(
      '(Cat & { kind: "cat" }) | (Dog & { kind: "dog" | "hound" })',
    );
  });

  it("uses the schema name without a mapping (implicit mapping)", async () => {
    const schemas = {
      Cat: cat,
      Dog: dog,
      Pet: { oneOf: [ref("Cat"), ref("Dog")], discriminator: { propertyName: "kind" } },
    };
    expect(await declarationOf(schemas, "Pet")).toBe(
      '(Cat & { kind: "Cat" }) | (Dog & { kind: "Dog" })',
    );
  });

  it("leaves variants alone that declare their own literal (no `never` intersections)", async () => {
    const literalCat = {
      ...cat,
      properties: { ...cat.properties, kind: { type: "string", enum: ["cat"] } },
    };
    const schemas = {
      Cat: literalCat,
      Dog: dog,
      Pet: { anyOf: [ref("Cat"), ref("Dog")], discriminator: { propertyName: "kind" } },
    };
    expect(await declarationOf(schemas, "Pet")).toBe('Cat | (Dog & { kind: "Dog" })');
  });
});

describe("discriminated bases without a oneOf (Swagger 2.0 style)", () => {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const fish = {
    type: "object",
    discriminator: { propertyName: "kind", mapping: { goblin: ref("Goblin").$ref } },
    required: ["kind"],
    properties: { kind: { type: "string" }, siblings: { type: "array", items: ref("Fish") } },
  };
  const sub = (base: string, property: string) => ({
    allOf: [ref(base)],
    properties: { [property]: { type: "string" } },
  });
  const schemas = {
    Fish: fish,
    Salmon: sub("Fish", "location"),
    SmartSalmon: sub("Salmon", "degree"),
    Goblin: { ...sub("Fish", "jaw"), "x-ms-discriminator-value": "ignored-beside-mapping" },
    Market: { type: "object", properties: { fish: ref("Fish"), salmon: ref("Salmon") } },
  };

  it.each([
    [
      "a use of the base is the union of it and every descendant, each pinned",
      "FishUnion",
      '| (Fish & { kind: "Fish" }) | (Salmon & { kind: "Salmon" }) | (SmartSalmon & { kind: "SmartSalmon" }) | (Goblin & { kind: "goblin" })',
    ],
    [
      "an intermediate subtype has its own union",
      "SalmonUnion",
      '(Salmon & { kind: "Salmon" }) | (SmartSalmon & { kind: "SmartSalmon" })',
    ],
    ["uses name the unions", "Market", "interface { fish?: FishUnion; salmon?: SalmonUnion; }"],
    [
      "the base's own uses too (recursion)",
      "Fish",
      "interface { kind: string; siblings?: FishUnion[]; }",
    ],
    ["inside allOf the base still means its fields", "Salmon", "Fish & { location?: string; }"],
  ])("%s", async (_, name, want) => {
    expect(await declarationOf(schemas, name)).toBe(want);
  });

  it("reads Swagger 2.0 discriminators and x-ms-discriminator-value", async () => {
    const { api } = await normalizeDocument({
      swagger: "2.0",
      info: { title: "Test", version: "1" },
      paths: {
        "/fish": {
          get: {
            responses: { "200": { description: "ok", schema: { $ref: "#/definitions/Fish" } } },
          },
        },
      },
      definitions: {
        Fish: {
          type: "object",
          discriminator: "fishtype",
          required: ["fishtype"],
          properties: { fishtype: { type: "string" } },
        },
        shark: {
          allOf: [{ $ref: "#/definitions/Fish" }],
          properties: { age: { type: "integer" } },
        },
        goblinshark: {
          "x-ms-discriminator-value": "goblin",
          allOf: [{ $ref: "#/definitions/shark" }],
        },
      },
    });
    const union = typesView(api).declarations.find((d) => d.startsWith("export type FishUnion"));
    expect(union?.replace(/\s+/g, " ")).toBe(
      'export type FishUnion = | (Fish & { fishtype: "Fish" }) | (Shark & { fishtype: "shark" }) | (Goblinshark & { fishtype: "goblin" });',
    );
  });

  it("leaves a base without subtypes, and a oneOf parent, as they are", async () => {
    const pet = { oneOf: [ref("Cat")], discriminator: { propertyName: "kind" } };
    const cat = { type: "object", properties: { kind: { type: "string" } } };
    const lone = { ...fish, properties: { kind: { type: "string" }, next: ref("Lone") } };
    const declarations = typesView(
      (await normalizeDocument(documentWith({ schemas: { Pet: pet, Cat: cat, Lone: lone } }))).api,
    ).declarations.join("\n");
    expect(declarations).not.toContain("Union");
  });
});

describe("Azure x-ms-enum", () => {
  it("modelAsString: the known values, and any other string", async () => {
    const colour = {
      type: "string",
      enum: ["red", "blue"],
      "x-ms-enum": { name: "Colour", modelAsString: true },
    };
    expect(await declarationOf({ Colour: colour }, "Colour")).toBe('"red" | "blue" | string');
    const sealed = { ...colour, "x-ms-enum": { name: "Colour", modelAsString: false } };
    expect(await declarationOf({ Colour: sealed }, "Colour")).toBe('"red" | "blue"');
  });
});

describe("names", () => {
  it("gives schemas that clash with runtime exports or each other distinct names", async () => {
    const { api } = await normalizeDocument(
      documentWith({
        schemas: {
          ApiError: { type: "string" },
          pet: { type: "string" },
          Pet: { type: "number" },
          "1st": { type: "string" },
          class: { type: "string" },
        },
      }),
    );
    expect(api.schemas.map((s) => s.name).sort()).toEqual([
      "ApiError2",
      "Class",
      "Pet",
      "Pet2",
      "_1st",
    ]);
  });
});

describe("readOnly and writeOnly", () => {
  const user = {
    type: "object",
    required: ["id", "name", "password"],
    properties: {
      id: { type: "string", readOnly: true },
      name: { type: "string" },
      password: { type: "string", writeOnly: true },
    },
  };

  it("responses leave out writeOnly fields; requests use a Writable type without readOnly fields", async () => {
    const { api } = await normalizeDocument(
      documentWith({
        schemas: {
          User: user,
          Team: { type: "object", properties: { owner: { $ref: "#/components/schemas/User" } } },
        },
        paths: {
          "/users": {
            post: {
              operationId: "createUser",
              requestBody: {
                required: true,
                content: { "application/json": { schema: { $ref: "#/components/schemas/User" } } },
              },
              responses: {
                "201": {
                  description: "ok",
                  content: {
                    "application/json": { schema: { $ref: "#/components/schemas/User" } },
                  },
                },
              },
            },
          },
        },
      }),
    );
    const declarations = typesView(api).declarations.join("\n");
    expect(declarations).toMatch(/export interface User \{\n  id: string;\n  name: string;\n\}/);
    expect(declarations).toMatch(
      /export interface UserWritable \{\n  name: string;\n  password: string;\n\}/,
    );
    expect(declarations).toMatch(/export interface TeamWritable \{\n  owner\?: UserWritable;\n\}/);
    const op = api.operations[0];
    const body = op.requestBody!.schema;
    expect(body.kind === "ref" && api.schemas.find((s) => s.id === body.target)?.name).toBe(
      "UserWritable",
    );
    const result = op.responses[0].schema!;
    expect(result.kind === "ref" && api.schemas.find((s) => s.id === result.target)?.name).toBe(
      "User",
    );
  });
});

describe("required constants in requests", () => {
  // given: Thing's properties (Thing required: [c]) and how requests use it; want: the request
  // type's declaration, or none when the response type serves requests too.
  const bodyOf = (schema: object) => ({
    post: {
      operationId: "send",
      requestBody: { required: true, content: { "application/json": { schema } } },
      responses: { "204": { description: "done" } },
    },
  });
  const thing = { $ref: "#/components/schemas/Thing" };
  const other = { type: "object", properties: { n: { type: "number" } } };
  it.each([
    ["an enum of one value", { enum: ["on"] }, thing, '{ c?: "on"; }'],
    ["3.1 const", { const: 3 }, thing, "{ c?: 3; }"],
    [
      "a one-value enum behind an array",
      { enum: ["on"] },
      { type: "array", items: thing },
      '{ c?: "on"; }',
    ],
    ["two values: a choice, not a constant", { enum: ["on", "off"] }, thing, undefined],
    ["nullable: null is another value", { enum: ["on"], nullable: true }, thing, undefined],
    ["only a null", { enum: [null] }, thing, undefined],
    [
      "a union's variant: the constant tells variants apart",
      { const: "on" },
      { oneOf: [thing, other] },
      undefined,
    ],
    ["not in any request", { const: "on" }, other, undefined],
  ])("%s", async (_name, constant, body, want) => {
    const { api } = await normalizeDocument(
      documentWith({
        openapi: "3.1.0",
        schemas: { Thing: { type: "object", required: ["c"], properties: { c: constant } } },
        paths: { "/things": bodyOf(body) },
      }),
    );
    const declaration = typesView(api).declarations.find((d) => /ThingWritable\b/.test(d));
    const text = declaration
      ?.replace(/\/\*\*.*?\*\/\s*/gs, "")
      .replace(/export interface ThingWritable /, "")
      .replace(/\s+/g, " ")
      .trim();
    expect(text).toBe(want);
  });

  it("says in the request type that the client sends the constant", async () => {
    const { api } = await normalizeDocument(
      documentWith({
        schemas: { Thing: { type: "object", required: ["c"], properties: { c: { const: "on" } } } },
        paths: { "/things": bodyOf(thing) },
      }),
    );
    const declaration = typesView(api).declarations.find((d) => /ThingWritable\b/.test(d));
    expect(declaration).toContain("the client sends this constant when it is left out");
    expect(typesView(api).declarations.find((d) => /interface Thing \{/.test(d))).toMatch(
      /c: "on";/,
    );
  });
});

describe("documentation from the spec", () => {
  it("carries examples and external links into JSDoc, escaped", async () => {
    const { api } = await normalizeDocument(
      documentWith({
        schemas: {
          Job: {
            type: "object",
            externalDocs: { url: "https://docs.example.com/jobs", description: "Jobs guide" },
            properties: {
              name: { type: "string", examples: ["nightly */ evil()"] },
              size: { type: "integer", example: 4 },
            },
          },
        },
      }),
    );
    const text = typesView(api).declarations.join("\n");
    expect(text).toContain("See [Jobs guide](https://docs.example.com/jobs)");
    expect(text).toContain('@example "nightly *\\/ evil()"');
    expect(text).toContain("@example 4");
  });
});
