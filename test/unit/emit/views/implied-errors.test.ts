// Which declared responses a descriptor leaves out: plain JSON 4xx/5xx codes, which the runtime
// treats exactly as undeclared ones (an error, its body read as JSON, no Accept type of its own
// when a success already asks for JSON). Anything that would change what the runtime does stays.
import { describe, expect, it } from "vitest";
import { withoutImpliedErrors } from "../../../../generator/emit/views/descriptor-specs.js";
import type { ResponseSpec } from "../../../../templates/runtime/types.js";

const json = (status: string, more: Partial<ResponseSpec> = {}): ResponseSpec => ({
  status,
  kind: "json",
  ...more,
});

describe("withoutImpliedErrors", () => {
  const table: { name: string; given: ResponseSpec[]; isStreamed?: boolean; want: string[] }[] = [
    {
      name: "plain JSON errors beside a JSON success go",
      given: [json("200"), json("401"), json("422"), json("503")],
      want: ["200"],
    },
    {
      name: "ranges and default stay",
      given: [json("200"), json("4XX"), json("default")],
      want: ["200", "4XX", "default"],
    },
    {
      name: "no JSON success: the errors make the Accept, so they stay",
      given: [{ status: "201", kind: "empty" }, json("401")],
      want: ["201", "401"],
    },
    {
      name: "a success of another media type does not ask for JSON",
      given: [{ status: "200", kind: "text", mediaType: "text/csv" }, json("404")],
      want: ["200", "404"],
    },
    {
      name: "an error with its own media type, dates, headers or isError stays",
      given: [
        json("200"),
        json("400", { mediaType: "application/problem+json" }),
        json("401", { dates: { fields: { at: { isDate: true } } } }),
        json("403", { headers: { "x-reason": "string" } }),
        json("409", { isError: false }),
      ],
      want: ["200", "400", "401", "403", "409"],
    },
    {
      name: "a non-JSON error stays",
      given: [json("200"), { status: "500", kind: "text", mediaType: "text/plain" }],
      want: ["200", "500"],
    },
    {
      name: "a streamed operation keeps its errors: they alone make the stream's Accept",
      given: [json("200"), json("401")],
      isStreamed: true,
      want: ["200", "401"],
    },
  ];
  it.each(table)("$name", ({ given, isStreamed = false, want }) => {
    expect(withoutImpliedErrors(given, isStreamed).map((r) => r.status)).toEqual(want);
  });
});
