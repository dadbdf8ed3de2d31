// Overlay targets: checked for shape, RFC 9535 filters translated for jsonpath-plus.
import { describe, expect, test } from "vitest";
import { parseJsonPathTarget } from "../../../generator/load/jsonpath-target.js";

describe("parseJsonPathTarget", () => {
  const cases = [
    { given: "$", want: { path: "$" } },
    { given: "$.paths['/cluster/create'].post", want: { path: "$.paths['/cluster/create'].post" } },
    { given: '$.paths["/a]b"].get', want: { path: '$.paths["/a]b"].get' } },
    { given: "$.paths.*.get", want: { path: "$.paths.*.get" } },
    { given: "$..parameters[0]", want: { path: "$..parameters[0]" } },
    { given: "$.tags[?@.name == 'x']", want: { path: "$.tags[?(@.name == 'x')]" } },
    { given: "$.tags[?(@.name == 'x')]", want: { path: "$.tags[?(@.name == 'x')]" } },
    { given: "$.x-y.z_1", want: { path: "$.x-y.z_1" } },
    { given: "paths", want: { error: 'a JSONPath must start with "$"' } },
    { given: "$[", want: { error: 'unclosed "[" at character 2' } },
    { given: "$.a[]", want: { error: 'empty "[]" at character 4' } },
    { given: "$.a.", want: { error: 'expected a name after "." at character 4' } },
    { given: "$.a)", want: { error: 'unexpected ")" at character 4' } },
    { given: "$.a[(1]", want: { error: 'unclosed "[" at character 4' } },
  ];
  test.each(cases)("$given", ({ given, want }) => {
    expect(parseJsonPathTarget(given)).toEqual(want);
  });
});
