import { describe, expect, it } from "vitest";
import { docComment, seeLine } from "../../../generator/emit/views/doc-comment.js";
import { propertyKey, stringLiteral } from "../../../generator/emit/views/literal.js";

describe("docComment", () => {
  it("cannot be closed by spec text", () => {
    const doc = docComment(["evil */ console.log('pwned'); /*"]);
    expect(doc).toBe("/** evil *\\/ console.log('pwned'); /* */");
    expect(doc.indexOf("*/")).toBe(doc.length - 2);
  });

  it("turns every kind of line break into a comment line", () => {
    expect(docComment(["a\r\nb\rc\u2028d\u2029e"])).toBe("/**\n * a\n * b\n * c\n * d\n * e\n */");
  });

  it("keeps paragraph breaks once and drops empty docs", () => {
    expect(docComment(["a\n\n\n\nb"])).toBe("/**\n * a\n *\n * b\n */");
    expect(docComment(["", undefined, "\n"])).toBe("");
  });
});

describe("seeLine: external docs as a Markdown link", () => {
  // Not a `@see` tag: tsc parses the whole JSDoc of any comment naming @see or @link.
  const table: { given: { url: string; description?: string }; want: string }[] = [
    {
      given: { url: "https://docs.example.com/jobs", description: "Jobs guide" },
      want: "See [Jobs guide](https://docs.example.com/jobs)",
    },
    {
      given: { url: "https://docs.example.com/jobs" },
      want: "See <https://docs.example.com/jobs>",
    },
    {
      given: { url: "https://x.test/a b(c)", description: "see [v2] \\ docs" },
      want: "See [see \\[v2\\] \\\\ docs](https://x.test/a%20b%28c%29)",
    },
  ];
  it.each(table)("$want", ({ given, want }) => {
    expect(seeLine(given)).toBe(want);
    expect(seeLine(given)).not.toMatch(/@(see|link)/i);
  });
});

describe("literals", () => {
  it("escape quotes, backslashes, newlines and separators", () => {
    const text = 'a"b\\c\nd\u2028e`${x}`';
    const literal = stringLiteral(text);
    expect(literal).not.toMatch(/[\n\u2028\u2029]/);
    expect(JSON.parse(literal.replace(/\\u2028/g, "\u2028"))).toBe(text);
  });

  it("quote property keys that are not identifiers", () => {
    expect(propertyKey("name")).toBe("name");
    expect(propertyKey("x-rate-limit")).toBe('"x-rate-limit"');
    expect(propertyKey('a"]: 1; evil(); ["')).toBe('"a\\"]: 1; evil(); [\\""');
  });
});
