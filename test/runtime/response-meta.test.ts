import { describe, expect, it } from "vitest";
import { withResponseOf } from "../../templates/runtime/response-meta.js";

describe("withResponseOf parses declared headers by kind", () => {
  const responses = [
    { status: "200", kind: "json" as const, headers: { n: "number", b: "boolean", s: "string" } },
  ] as const;
  const cases: [string, Record<string, string>, Record<string, unknown>][] = [
    [
      "numbers, booleans and strings",
      { n: " 42 ", b: "TRUE", s: "as  sent" },
      { n: 42, b: true, s: "as  sent" },
    ],
    ["false is a value, not a miss", { b: "false" }, { b: false }],
    ["values that do not parse are left out", { n: "lots", b: "yes" }, {}],
    ["an empty number is not 0", { n: " " }, {}],
    ["undeclared headers are left out", { other: "1" }, {}],
  ];
  it.each(cases)("%s", (_, sent, want) => {
    const result = { body: { ok: 1 }, status: 200, headers: new Headers(sent) };
    const got = withResponseOf({ responses: responses as never }, result);
    expect(got).toEqual({
      data: { ok: 1 },
      status: 200,
      headers: want,
      rawHeaders: result.headers,
    });
  });
});
