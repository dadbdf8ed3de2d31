// Which parameters' descriptors name a serializer: paramStyles only for those whose style is not
// their location's default, or that allow reserved characters; the small defaultStyles for every
// other parameter but a plain path value, which the runtime encodes itself. So a client that never
// needs the other styles never bundles them, and one of plain path values bundles neither.
import { describe, expect, it } from "vitest";
import {
  needsParamStyles,
  serializerOf,
} from "../../../../generator/emit/views/descriptor-specs.js";
import type { Parameter } from "../../../../generator/model/api.js";

function parameter(given: Pick<Parameter, "in" | "style"> & Partial<Parameter>): Parameter {
  return {
    allowReserved: false,
    deprecated: false,
    explode: given.style === "form",
    isJson: false,
    isRequired: true,
    name: "p",
    schema: { kind: "unknown" },
    ...given,
  };
}

describe("needsParamStyles", () => {
  const table: { given: Parameter; want: boolean }[] = [
    { given: parameter({ in: "path", style: "simple" }), want: false },
    { given: parameter({ in: "path", style: "simple", explode: true }), want: false },
    { given: parameter({ in: "path", style: "label" }), want: true },
    { given: parameter({ in: "path", style: "matrix" }), want: true },
    { given: parameter({ in: "query", style: "form" }), want: false },
    { given: parameter({ in: "query", style: "form", explode: false }), want: false },
    { given: parameter({ in: "query", style: "form", allowReserved: true }), want: true },
    { given: parameter({ in: "query", style: "spaceDelimited" }), want: true },
    { given: parameter({ in: "query", style: "pipeDelimited" }), want: true },
    { given: parameter({ in: "query", style: "tabDelimited" }), want: true },
    { given: parameter({ in: "query", style: "deepObject" }), want: true },
    { given: parameter({ in: "header", style: "simple" }), want: false },
    { given: parameter({ in: "cookie", style: "form" }), want: false },
  ];
  it.each(table)(
    "$given.in $given.style explode=$given.explode reserved=$given.allowReserved -> $want",
    ({ given, want }) => {
      expect(needsParamStyles(given)).toBe(want);
    },
  );
});

describe("serializerOf", () => {
  const table: { given: Parameter; want: ReturnType<typeof serializerOf> }[] = [
    {
      given: parameter({ in: "path", style: "simple", schema: { kind: "string" } }),
      want: undefined,
    },
    {
      given: parameter({ in: "path", style: "simple", schema: { kind: "integer" } }),
      want: undefined,
    },
    {
      given: parameter({ in: "path", style: "simple", schema: { kind: "date" } }),
      want: undefined,
    },
    { given: parameter({ in: "path", style: "simple" }), want: "defaultStyles" },
    {
      given: parameter({ in: "path", style: "simple", schema: { kind: "string" }, isJson: true }),
      want: "defaultStyles",
    },
    {
      given: parameter({ in: "path", style: "label", schema: { kind: "string" } }),
      want: "paramStyles",
    },
    {
      given: parameter({ in: "query", style: "form", schema: { kind: "string" } }),
      want: "defaultStyles",
    },
    {
      given: parameter({ in: "header", style: "simple", schema: { kind: "string" } }),
      want: "defaultStyles",
    },
    {
      given: parameter({ in: "cookie", style: "form", schema: { kind: "string" } }),
      want: "defaultStyles",
    },
  ];
  it.each(table)("$given.in $given.style $given.schema.kind -> $want", ({ given, want }) => {
    expect(serializerOf(given)).toBe(want);
  });
});
