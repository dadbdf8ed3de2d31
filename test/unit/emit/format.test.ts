// formatText keeps what the views laid out and sends only unsure members through prettier; its
// result must be exactly what prettier prints for the whole file (prettier is the reference).
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { formatText, prettierOptions } from "../../../generator/emit/format.js";
import { planFile } from "../../../generator/emit/format-plan.js";

const long = (n: number) => `"${"x".repeat(n)}"`;

const files: { name: string; given: string }[] = [
  {
    name: "stable declarations",
    given: "export type A = string;\n\nexport interface B {\n  a: string;\n}\n",
  },
  {
    name: "one long member in an interface",
    given: `export interface B {\n  /** doc */\n  a: string;\n  b: ${long(50)} | ${long(50)};\n  c: number;\n}\n`,
  },
  {
    name: "a long member in a nested object",
    given: `/** doc */\nexport type B = {\n  a: {\n    b: ${long(60)} | ${long(60)};\n    c: string;\n  };\n  d: string;\n};\n`,
  },
  {
    name: "a member whose object sits inside generics (its inner lines look like members)",
    given: `export interface C {\n  \u0000list(\n    a: string,\n  ): PagePromise<T.A, {\n  id?: number;\n  ref?: string;\n}>;\n  b: string;\n}\n`,
  },
  {
    name: "a whole declaration",
    given: `export const x: PaginationSpec = { style: "linkHeader", itemsPath: ["secrets"], more: 123456789 };\n`,
  },
  { name: "single quotes", given: "export type A = 'a' | 'b';\n\nexport type B = \"c\";\n" },
  {
    name: "blank lines between members",
    given: `export interface B {\n  a: string;\n\n  b: ${long(50)} | ${long(50)};\n}\n`,
  },
  {
    name: "an apostrophe in a double-quoted string",
    given: `export type A = "won't fix" | "a";\n`,
  },
  {
    name: "a long string after a short key, and after a longer one",
    given: `export const d = {\n  path: ${long(120)},\n  paths: ${long(120)},\n  id: "x",\n};\n`,
  },
  {
    name: "tabs inside a comment line, and before one",
    given: "/**\n * a\tb | c\n\t * d\n */\nexport type A = string;\n",
  },
  { name: "nothing to do", given: "" },
];

describe("formatText", () => {
  it.each(files)("prints what prettier prints: $name", async ({ given }) => {
    // The views mark (NUL) what they could not lay out; prettier reads the text without it.
    const want =
      given === "" ? "\n" : await prettier.format(given.replaceAll("\u0000", ""), prettierOptions);
    expect(await formatText(given)).toBe(want);
  });

  it("drops the unsure mark and formats what it marks", async () => {
    const given = "export interface B {\n  a: \u0000(string)[];\n}\n";
    expect(await formatText(given)).toBe("export interface B {\n  a: string[];\n}\n");
  });
});

describe("planFile", () => {
  it("keeps stable declarations whole", () => {
    expect(planFile("type A = 1;\n\ntype B = 2;\n").map((d) => d.pieces)).toEqual([
      ["type A = 1;"],
      ["type B = 2;"],
    ]);
  });

  it("cuts an unstable block down to its unstable member, with the lines around it", () => {
    const member = `    b: ${long(100)};`;
    const [plan] = planFile(
      `/** doc */\nexport type B = {\n  a: {\n${member}\n    c: string;\n  };\n};\n`,
    );
    expect(plan.pieces).toEqual([
      "/** doc */\nexport type B = {",
      "  a: {",
      { closes: ["  };", "};"], member, opens: ["export type B = {", "  a: {"] },
      "    c: string;",
      "  };",
      "};",
    ]);
  });

  it("never cuts a member at a line inside its brackets", () => {
    const member = "  f(): P<A, {\n  id?: number;\n  ref?: string;\n}> & \u0000X;";
    const [plan] = planFile(`export interface C {\n${member}\n}\n`);
    expect(plan.pieces).toEqual([
      "export interface C {",
      { closes: ["}"], member, opens: ["export interface C {"] },
      "}",
    ]);
  });
});
