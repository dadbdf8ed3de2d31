// given: component schemas of one class issue 19 found; want: the declarations clientgen emits and
// the warnings it gives. Each class once produced a type no valid value satisfies.
import { describe, expect, it } from "vitest";
import { typesView } from "../../../generator/emit/views/types-view.js";
import { documentWith, normalizeDocument } from "../../helpers/normalize-document.js";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const str = { type: "string" };

/** Every declaration, JSDoc dropped, one line each; and the warnings as `pointer CODE`. */
async function emitted(
  schemas: object,
  openapi?: string,
): Promise<{ types: string[]; warnings: string[] }> {
  const { api, diagnostics } = await normalizeDocument(documentWith({ schemas, openapi }));
  const types = typesView(api).declarations.map((d) =>
    d
      .replace(/\/\*\*.*?\*\/\s*/gs, "")
      .replace(/\s+/g, " ")
      .trim(),
  );
  return { types, warnings: diagnostics.map((d) => `${d.pointer} ${d.code}`) };
}

describe("writeOnly without readOnly", () => {
  it.each([
    [
      "writeOnly property: Writable keeps it, the response view drops it",
      {
        Login: {
          type: "object",
          required: ["user", "token"],
          properties: { user: str, token: { ...str, writeOnly: true } },
        },
      },
      [
        "export interface Login { user: string; }",
        "export interface LoginWritable { user: string; token: string; }",
      ],
    ],
    [
      "only writeOnly properties: the response view is an open object, not Record<string, never>",
      { Secret: { type: "object", properties: { token: { ...str, writeOnly: true } } } },
      [
        "export interface Secret { [key: string]: unknown; }",
        "export interface SecretWritable { token?: string; }",
      ],
    ],
    [
      "through a ref: the holder gets a Writable too",
      {
        Secret: { type: "object", properties: { token: { ...str, writeOnly: true } } },
        Holder: { type: "object", properties: { secret: ref("Secret") } },
      },
      [
        "export interface Holder { secret?: Secret; }",
        "export interface HolderWritable { secret?: SecretWritable; }",
        "export interface Secret { [key: string]: unknown; }",
        "export interface SecretWritable { token?: string; }",
      ],
    ],
  ])("%s", async (_, schemas, want) => {
    expect((await emitted(schemas)).types).toEqual(want);
  });
});

describe("no intersection with an object that admits nothing", () => {
  const a = { type: "object", properties: { a: str } };
  const b = { type: "object", properties: { b: str } };
  it.each([
    [
      "additionalProperties: false beside oneOf",
      { oneOf: [ref("A"), ref("B")], additionalProperties: false },
      "export type Subject = A | B;",
      ["#/components/schemas/Subject/additionalProperties SCH006"],
    ],
    [
      "additionalProperties: false beside anyOf",
      { anyOf: [ref("A"), ref("B")], additionalProperties: false, type: "object" },
      "export type Subject = A | B;",
      ["#/components/schemas/Subject/additionalProperties SCH006"],
    ],
    [
      "additionalProperties: false beside allOf",
      { allOf: [ref("A"), ref("B")], additionalProperties: false },
      "export type Subject = A & B;",
      ["#/components/schemas/Subject/additionalProperties SCH006"],
    ],
    [
      "with own properties it stays (types are not exact)",
      { oneOf: [ref("A"), ref("B")], properties: { c: str }, additionalProperties: false },
      "export type Subject = (A | B) & { c?: string; };",
      [],
    ],
  ])("%s", async (_, subject, want, warnings) => {
    const result = await emitted({ A: a, B: b, Subject: subject });
    expect(result.types.find((t) => t.startsWith("export type Subject"))).toBe(want);
    expect(result.warnings).toEqual(warnings);
  });

  it("the Writable view of an allOf whose base has only readOnly properties accepts the other parts", async () => {
    const schemas = {
      Base: { type: "object", properties: { id: { ...str, readOnly: true } } },
      Thing: {
        allOf: [ref("Base"), { type: "object", required: ["kind"], properties: { kind: str } }],
      },
    };
    expect((await emitted(schemas)).types).toEqual([
      "export interface Base { id?: string; }",
      "export interface BaseWritable { [key: string]: unknown; }",
      "export type Thing = Base & { kind: string; };",
      "export type ThingWritable = BaseWritable & { kind: string; };",
    ]);
  });

  it("an inline allOf part emptied by the view is left out", async () => {
    const schemas = {
      Thing: {
        allOf: [
          {
            type: "object",
            additionalProperties: false,
            properties: { id: { ...str, readOnly: true } },
          },
          { type: "object", properties: { kind: str } },
        ],
      },
    };
    const { types } = await emitted(schemas);
    expect(types).toContain("export interface ThingWritable { kind?: string; }");
  });

  it("required beside allOf makes the inherited property required", async () => {
    const schemas = {
      Base: { type: "object", properties: { name: str } },
      Sub: { allOf: [ref("Base")], required: ["name"], properties: { age: { type: "number" } } },
    };
    expect((await emitted(schemas)).types).toContain(
      "export type Sub = Base & { age?: number; name: string; };",
    );
  });

  it.each([
    [
      "allOf of a string and an object",
      { allOf: [str, { type: "object", required: ["e"], properties: { e: str } }] },
      "export type Subject = | string | { e: string; };",
    ],
    [
      "allOf of a number and a string",
      { type: "array", items: { allOf: [{ type: "number" }, str] } },
      "export type Subject = (number | string)[];",
    ],
    [
      "allOf through a ref of another type",
      { allOf: [ref("A"), { type: "array", items: str }] },
      "export type Subject = A | string[];",
    ],
  ])("contradictory %s: any one of the parts, reported", async (_, subject, want) => {
    const result = await emitted({ A: a, Subject: subject });
    expect(result.types.find((t) => t.startsWith("export type Subject"))).toBe(want);
    expect(result.warnings.map((w) => w.split(" ")[1])).toEqual(["SCH008"]);
  });

  it("type: [object, null] beside anyOf admits null", async () => {
    const schemas = {
      A: a,
      B: b,
      Subject: { type: ["object", "null"], anyOf: [ref("A"), ref("B")] },
    };
    expect((await emitted(schemas)).types).toContain("export type Subject = A | B | null;");
  });

  it("a spec that closes an object explicitly keeps Record<string, never> standalone", async () => {
    expect(
      (await emitted({ Empty: { type: "object", additionalProperties: false } })).types,
    ).toEqual(["export type Empty = Record<string, never>;"]);
  });
});

describe("discriminators whose variants declare the tag as an enum", () => {
  const variant = (tag: object, field: string) => ({
    type: "object",
    required: ["type", field],
    properties: { type: tag, [field]: str },
  });
  it.each([
    [
      "several values each, mapped: they narrow as declared",
      {
        Pair: variant({ type: "string", enum: ["pair", "pair_v2"] }, "request"),
        Single: variant({ type: "string", enum: ["single"] }, "single"),
      },
      {
        pair: "#/components/schemas/Pair",
        pair_v2: "#/components/schemas/Pair",
        single: "#/components/schemas/Single",
      },
      "export type Msg = Pair | Single;",
    ],
    [
      "a single-value enum instead of const, implicit mapping by name: no never pin",
      {
        Pair: variant({ enum: ["pair"] }, "request"),
        Single: variant({ enum: ["single"] }, "single"),
      },
      undefined,
      "export type Msg = Pair | Single;",
    ],
    [
      "an enum shared through a base: each variant pinned to its mapped values",
      {
        Base: {
          type: "object",
          required: ["type"],
          properties: { type: { type: "string", enum: ["pair", "single"] } },
        },
        Pair: {
          allOf: [
            ref("Base"),
            { type: "object", required: ["request"], properties: { request: str } },
          ],
        },
        Single: {
          allOf: [
            ref("Base"),
            { type: "object", required: ["single"], properties: { single: str } },
          ],
        },
      },
      { pair: "#/components/schemas/Pair", single: "#/components/schemas/Single" },
      'export type Msg = (Pair & { type: "pair" }) | (Single & { type: "single" });',
    ],
  ])("%s", async (_, variants, mapping, want) => {
    const msg = {
      oneOf: [ref("Pair"), ref("Single")],
      discriminator: { propertyName: "type", ...(mapping ? { mapping } : {}) },
    };
    const { types } = await emitted({ ...variants, Msg: msg });
    expect(types.find((t) => t.startsWith("export type Msg"))).toBe(want);
  });
});

describe("type beside $ref", () => {
  it.each([
    [
      "another type: reported and dropped",
      { $ref: "#/components/schemas/List", type: "object", properties: { x: str } },
      "list?: List;",
      ["#/components/schemas/Holder/properties/list/type SCH007"],
    ],
    [
      "the target's own type: redundant, dropped silently",
      { $ref: "#/components/schemas/List", type: "array" },
      "list?: List;",
      [],
    ],
    [
      "integer beside number: compatible",
      { $ref: "#/components/schemas/Count", type: "integer" },
      "list?: Count;",
      [],
    ],
    [
      "other constraints still intersect",
      { $ref: "#/components/schemas/Obj", type: "object", properties: { x: str } },
      "list?: Obj & { x?: string; };",
      [],
    ],
  ])("%s", async (_, property, want, warnings) => {
    const schemas = {
      List: { type: "array", items: str },
      Count: { type: "number" },
      Obj: { type: "object", properties: { y: str } },
      Holder: { type: "object", properties: { list: property } },
    };
    const result = await emitted(schemas);
    expect(result.types.find((t) => t.startsWith("export interface Holder"))).toBe(
      `export interface Holder { ${want} }`,
    );
    expect(result.warnings).toEqual(warnings);
  });
});
