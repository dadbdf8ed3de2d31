import { describe, expect, it } from "vitest";
import { docComment } from "../../../generator/emit/views/doc-comment.js";
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
