// The views lay type declarations out as prettier prints them (so format.ts can skip prettier);
// each shape is checked against prettier itself, at two depths. A shape the views do not know
// must carry the unsure mark, so prettier formats it.
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { prettierOptions } from "../../../../generator/emit/format.js";
import {
  methodSignature,
  typeAlias,
  unsureMark,
  type GenericType,
} from "../../../../generator/emit/views/layout.js";
import { objectMembers, typeExpression } from "../../../../generator/emit/views/type-expression.js";
import type { Property, Schema } from "../../../../generator/model/schema.js";

const names = { nameOf: (id: string) => id, prefix: "" };
const str: Schema = { kind: "string" };
const ref = (target: string): Schema => ({ kind: "ref", target });
const obj = (...keys: string[]): Schema => ({
  additional: false,
  kind: "object",
  properties: keys.map((name): Property => ({ isRequired: true, name, schema: str })),
});
const union = (...variants: Schema[]): Schema => ({ kind: "union", variants });
const and = (...parts: Schema[]): Schema => ({ kind: "intersection", parts });
const array = (items: Schema): Schema => ({ items, kind: "array" });
const record = (value: Schema): Schema => ({ additional: value, kind: "object", properties: [] });
const nullable = (schema: Schema): Schema => ({ ...schema, isNullable: true });

const shapes: { name: string; schema: Schema }[] = [
  { name: "object & object & object", schema: and(obj("a"), obj("b"), obj("c")) },
  { name: "name & object", schema: and(ref("Base"), obj("a")) },
  { name: "object & name", schema: and(obj("a"), ref("Base")) },
  { name: "name & object & object", schema: and(ref("Base"), obj("a"), obj("b")) },
  { name: "nullable object & object", schema: nullable(and(obj("a"), obj("b"))) },
  { name: "(string | object)[]", schema: array(union(str, obj("a", "b"))) },
  {
    name: "(object | object | null)[]",
    schema: array(union(obj("a"), obj("b"), { kind: "null" })),
  },
  { name: "(object | null)[]", schema: array(nullable(obj("a"))) },
  { name: "(name & object)[]", schema: array(and(ref("Base"), obj("a"))) },
  { name: "Record<string, object>", schema: record(obj("a")) },
  { name: "Record<string, object | null>", schema: record(nullable(obj("a"))) },
  { name: "Record<string, object | string>", schema: record(union(obj("a"), str)) },
  { name: "Record<string, object[]>", schema: record(array(obj("a"))) },
  { name: "Record<string, object[] | null>", schema: record(nullable(array(obj("a")))) },
  {
    name: "(object & (object | object))[]",
    schema: array(and(obj("a"), union(obj("b"), obj("c")))),
  },
  { name: "name & name & object", schema: and(ref("Base"), ref("Other"), obj("a")) },
  { name: "object & name & name", schema: and(obj("a"), ref("Base"), ref("Other")) },
  { name: "object & name & object", schema: and(obj("a"), ref("Base"), obj("b")) },
  {
    name: "object & name & name | string",
    schema: union(and(obj("a"), ref("Base"), ref("Other")), str),
  },
  { name: "(object & name & name)[]", schema: array(and(obj("a"), ref("Base"), ref("Other"))) },
  { name: "(object | object) & object", schema: and(union(obj("a"), obj("b")), obj("c")) },
  { name: "(object | object) & name", schema: and(union(obj("a"), obj("b")), ref("Base")) },
  { name: "object & (object | object)", schema: and(obj("c"), union(obj("a"), obj("b"))) },
  {
    name: "Record<string, (string | object | object)[]>",
    schema: record(array(union(str, obj("a"), obj("b")))),
  },
  {
    name: "long name & name & name",
    schema: and(ref("A".repeat(30)), ref("B".repeat(30)), ref("C".repeat(30))),
  },
  {
    name: "discriminated union with a long tag",
    schema: {
      discriminator: {
        propertyName: "type",
        valuesByVariant: [["a".repeat(20), "b".repeat(20), "c".repeat(20), "d".repeat(20)], ["e"]],
      },
      kind: "union",
      variants: [ref("First"), ref("Second")],
    } as Schema,
  },
  {
    name: "discriminated union with a tag too long for one line",
    schema: {
      discriminator: {
        propertyName: "kind-of",
        valuesByVariant: [Array.from({ length: 8 }, (_, i) => `value_${i}_xxxxxx`), ["e"]],
      },
      kind: "union",
      variants: [ref("First"), ref("Second")],
    } as Schema,
  },
  {
    name: "(long name | long name)[] | null",
    schema: nullable(array(union(ref("A".repeat(45)), ref("B".repeat(45))))),
  },
  {
    name: "string | (long name | long name | long name)[]",
    schema: union(str, array(union(ref("A".repeat(35)), ref("B".repeat(35)), ref("C".repeat(35))))),
  },
  {
    name: "Record<string, long union> | null",
    schema: nullable(
      record(union(str, ref("A".repeat(30)), ref("B".repeat(30)), ref("C".repeat(20)))),
    ),
  },
  {
    name: "boolean | Record<string, object>",
    schema: union({ kind: "boolean" }, record(obj("a", "b"))),
  },
  {
    name: "boolean | Record<string, object | object>",
    schema: union({ kind: "boolean" }, record(union(obj("a"), obj("b", "c")))),
  },
];

/** prettier's layout of a declaration, the mark removed (prettier never sees it). */
async function prettierOf(text: string): Promise<string> {
  return (await prettier.format(text.split(unsureMark).join(""), prettierOptions)).trimEnd();
}

describe.each(shapes)("layout of $name", ({ schema }) => {
  it("as a type alias is prettier's, or marked unsure", async () => {
    const text = typeAlias("X", typeExpression(schema, names, 0));
    if (!text.includes(unsureMark)) expect(text).toBe(await prettierOf(text));
  });

  it("as a nested property is prettier's, or marked unsure", async () => {
    const members = objectMembers(
      [
        { isRequired: false, name: "outer", schema: obj("x") },
        { isRequired: true, name: "value", schema },
      ],
      false,
      names,
      4,
    );
    const text = `export interface X {\n  inner: {\n${members.join("\n")}\n  };\n}`;
    if (!text.includes(unsureMark)) expect(text).toBe(await prettierOf(text));
  });
});

describe("shapes the views lay out themselves", () => {
  it.each([...shapes.slice(0, 14), ...shapes.slice(15)])(
    "$name is not left to prettier",
    ({ schema }) => {
      expect(typeAlias("X", typeExpression(schema, names, 0))).not.toContain(unsureMark);
    },
  );
});

describe("type aliases prettier breaks in their type arguments", () => {
  const long = "A".repeat(70);
  it.each([
    `Record<string, never>`,
    `Record<string, ${"B".repeat(20)}>`,
    `Map<${"B".repeat(50)}, ${"C".repeat(50)}>`,
  ])("%s", async (type) => {
    const text = typeAlias(long, type);
    expect(text).not.toContain(unsureMark);
    expect(text).toBe(await prettierOf(text));
  });

  it("an object type whose other variants are null or void is hugged", async () => {
    const text = typeAlias("X", "{\n  a: string;\n} | void");
    expect(text).toBe(await prettierOf(text));
  });
});

describe("method signatures", () => {
  const generic = (name: string, ...args: (string | Schema)[]): GenericType => ({
    name,
    argumentsAt: (column) =>
      args.map((a) => (typeof a === "string" ? a : typeExpression(a, names, column))),
  });
  const longName = (c: string) => `op.${c.repeat(40)}`;
  const cases: { name: string; returnType: string | GenericType; isLaidOut: boolean }[] = [
    { name: "short", returnType: generic("ApiPromise", "A", "B"), isLaidOut: true },
    { name: "one simple argument", returnType: generic("ApiPromise", "A"), isLaidOut: true },
    {
      name: "two long arguments",
      returnType: generic("ApiPromise", longName("R"), longName("H")),
      isLaidOut: true,
    },
    {
      name: "an object item between two names",
      returnType: generic("PagePromise", "R", obj("a", "b"), "H"),
      isLaidOut: true,
    },
    {
      name: "an intersection item",
      returnType: generic("PagePromise", longName("R"), and(ref("Base"), obj("a")), "H"),
      isLaidOut: true,
    },
    {
      name: "an object item first",
      returnType: generic("PagePromise", obj("a"), "H"),
      isLaidOut: true,
    },
    {
      name: "one long union argument",
      returnType: generic("ApiPromise", `${longName("A")} | ${longName("B")}`),
      isLaidOut: true,
    },
    {
      name: "one union argument that fits its own line",
      returnType: generic("ApiPromise", `${"A".repeat(40)} | ${"B".repeat(40)}`),
      isLaidOut: true,
    },
    {
      name: "a long union and a name",
      returnType: generic("ApiPromise", `${longName("A")} | ${longName("B")}`, "H"),
      isLaidOut: true,
    },
    {
      name: "one object argument (hugged)",
      returnType: generic("ApiPromise", obj("a")),
      isLaidOut: false,
    },
    { name: "a long plain return type", returnType: `Promise<${longName("A")}>`, isLaidOut: true },
    {
      name: "a long union return type given as text",
      returnType: `Promise<${longName("A")} | EventStream<${longName("B")}>>`,
      isLaidOut: true,
    },
  ];

  it.each(cases)(
    "$name: prettier's layout, or marked unsure",
    async ({ returnType, isLaidOut }) => {
      const text = methodSignature(
        2,
        "listSomething",
        ["params: op.ListSomethingParams", "options?: PaginationOptions"],
        returnType,
      );
      expect(text.includes(unsureMark)).toBe(!isLaidOut);
      const file = `export interface X {\n${text}\n}`;
      if (isLaidOut) expect(file).toBe(await prettierOf(file));
    },
  );
});
