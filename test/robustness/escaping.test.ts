// The three doors spec text passes through into generated code (literal.ts, doc-comment.ts,
// names.ts), hardened for the hostile spec: what each must do with the nastiest inputs.
import { describe, expect, it } from "vitest";
import { docComment } from "../../generator/emit/views/doc-comment.js";
import { propertyKey, stringLiteral, valueLiteral } from "../../generator/emit/views/literal.js";
import { NameRegistry } from "../../generator/normalize/names.js";

describe("stringLiteral", () => {
  const cases = [
    { given: "a\u2028b\u2029c", want: '"a\\u2028b\\u2029c"' },
    { given: "\u202Eevil\u202C", want: '"\\u202eevil\\u202c"' },
    { given: "\u2066x\u2069\u200F\uFEFF", want: '"\\u2066x\\u2069\\u200f\\ufeff"' },
    { given: "nul\u0000", want: '"nul\\u0000"' },
    { given: "</script>`${x}`", want: '"</script>`${x}`"' },
  ];
  it.each(cases)("$want", ({ given, want }) => {
    expect(stringLiteral(given)).toBe(want);
    expect(
      JSON.parse(
        stringLiteral(given).replace(
          /\\u(2028|2029|202e|202c|2066|2069|200f|feff)/g,
          (_, h: string) => String.fromCharCode(parseInt(h, 16)),
        ),
      ),
    ).toBe(given);
  });
});

describe("propertyKey and valueLiteral", () => {
  it("`__proto__` is a computed key, so an object literal gets a property, not a prototype", () => {
    expect(propertyKey("__proto__")).toBe('["__proto__"]');
    const literal = valueLiteral({ __proto__x: 1, ["__proto__"]: { a: 1 } });
    const value = new Function(`return ${literal};`)() as object;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__x", "__proto__"]);
  });

  it("other names stay bare or quoted", () => {
    expect(propertyKey("constructor")).toBe("constructor");
    expect(propertyKey("prototype")).toBe("prototype");
    expect(propertyKey("a\u2028b")).toBe('"a\\u2028b"');
  });
});

describe("docComment", () => {
  it("writes control and bidi characters as visible escapes", () => {
    expect(docComment(["a\u0000b\u001bc\u007f"])).toBe("/** a\\u0000b\\u001bc\\u007f */");
    expect(docComment(["x \u202E}; evil(); //\u202C"])).toBe(
      "/** x \\u202e}; evil(); //\\u202c */",
    );
    expect(docComment(["tab\tstays"])).toBe("/** tab\tstays */");
  });

  it("an escaped `*/` cannot be rebuilt by a following `/`", () => {
    const doc = docComment(["**/ x */* */"]);
    expect(doc.indexOf("*/")).toBe(doc.length - 2);
  });
});

describe("NameRegistry", () => {
  it("hands out identifiers whatever it is asked for (x-name arrives raw)", () => {
    const names = new NameRegistry(["then"]);
    expect(names.claim("getThing(): void; } evil(); interface X {")).toBe(
      "getThingvoidevilinterfaceX",
    );
    expect(names.claim("*/ process.exit(7) /*")).toBe("processexit7");
    expect(names.claim("delete")).toBe("delete_");
    expect(names.claim("then")).toBe("then2");
    expect(names.claim("🐙")).toBe("name");
    expect(names.claim("🦑")).toBe("name2");
    expect(names.claim("1st")).toBe("_1st");
  });
});
