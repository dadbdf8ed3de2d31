// JSON pointers: decoding (~1, ~0, percent-encoding), encoding, and lookup.
import { describe, expect, test } from "vitest";
import {
  formatPointer,
  parsePointer,
  valueAtPointer,
} from "../../../generator/shared/json-pointer.js";

describe("parsePointer", () => {
  const cases = [
    { given: "#", want: [] },
    { given: "", want: [] },
    { given: "#/", want: [""] },
    { given: "#/paths/~1pets~1{id}/get", want: ["paths", "/pets/{id}", "get"] },
    { given: "/a~01/b", want: ["a~1", "b"] },
    { given: "#/paths/~1pets%7Bid%7D", want: ["paths", "/pets{id}"] },
    { given: "#Pet", want: undefined },
    { given: "#/bad%", want: undefined },
  ];
  test.each(cases)("$given", ({ given, want }) => expect(parsePointer(given)).toEqual(want));
});

describe("formatPointer", () => {
  test.each([
    { given: [], want: "#" },
    { given: ["paths", "/jobs", "post"], want: "#/paths/~1jobs/post" },
    { given: ["a~b", 0], want: "#/a~0b/0" },
  ])("$want", ({ given, want }) => expect(formatPointer(given)).toBe(want));
});

describe("valueAtPointer", () => {
  const doc = { a: [{ b: 1 }], n: null, "x/y": "slash" };
  test.each([
    { given: [], want: { found: true, value: doc } },
    { given: ["a", "0", "b"], want: { found: true, value: 1 } },
    { given: ["n"], want: { found: true, value: null } },
    { given: ["x/y"], want: { found: true, value: "slash" } },
    { given: ["a", "01"], want: { found: false, value: undefined } },
    { given: ["a", "1"], want: { found: false, value: undefined } },
    { given: ["n", "x"], want: { found: false, value: undefined } },
    { given: ["toString"], want: { found: false, value: undefined } },
  ])("$given", ({ given, want }) => expect(valueAtPointer(doc, given)).toEqual(want));
});
