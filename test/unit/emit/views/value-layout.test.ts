// Descriptor values are printed as prettier prints object and array literals: inline when they
// fit the line, broken one entry per line when they do not, at any depth.
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { prettierOptions } from "../../../../generator/emit/format.js";
import { valueLiteral } from "../../../../generator/emit/views/literal.js";
import { printValue } from "../../../../generator/emit/views/value-layout.js";

const long = "x".repeat(40);
const values: { name: string; value: unknown }[] = [
  { name: "short object", value: { a: 1, b: "two", c: [true, null] } },
  { name: "object just too long", value: { a: long, b: long.slice(0, 25) } },
  { name: "nested, inner fits", value: { outer: { a: long, b: 1 }, other: { c: long } } },
  { name: "deep", value: { a: { b: { c: { d: { e: [long, long, long], f: "x" } } } } } },
  { name: "array of strings too long", value: [long, long, long] },
  { name: "array of one-entry objects", value: [{ a: long }, { b: long }, { c: 1 }] },
  { name: "keys needing quotes", value: { "a-b": long, "c d": { "e.f": long } } },
  { name: "undefined members dropped", value: { a: undefined, b: { c: undefined, d: 1 } } },
];

describe.each(values)("$name", ({ value }) => {
  it("is prettier's layout of the literal", async () => {
    const head = "const x = ";
    const text = `${head}${printValue(value, 0, head.length, 1)};`;
    expect(text).toBe((await prettier.format(text, prettierOptions)).trimEnd());
  });

  it("is valueLiteral's text when it fits", () => {
    if (valueLiteral(value).length <= 100)
      expect(printValue(value, 0, 0, 0)).toBe(valueLiteral(value));
  });
});
