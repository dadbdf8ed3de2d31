// given: a call's arguments and the constants of its descriptor; want: the request the runtime
// builds (constants the caller left out filled in; the caller's own values and object untouched).
import { describe, expect, it } from "vitest";
import { withConstants } from "../../templates/runtime/constant-params.js";
import { prepareRequest } from "../../templates/runtime/request-builder.js";
import { defaultStyles } from "../../templates/runtime/serialize.js";
import type { ConstantsSpec, OperationSpec } from "../../templates/runtime/types.js";

const constants: ConstantsSpec = {
  values: { kind: "path", limit: 100, "x-flag": true },
  fill: withConstants,
};

const operation: OperationSpec = {
  id: "put",
  method: "PUT",
  path: "/things/{kind}",
  params: [
    { name: "limit", in: "query", styles: defaultStyles },
    { name: "x-flag", in: "header", styles: defaultStyles },
    { name: "name", in: "query", styles: defaultStyles },
  ],
  constants,
  responses: [{ status: "204", kind: "empty" }],
};

describe("withConstants", () => {
  it.each<[string, object | undefined, object]>([
    ["no arguments at all", undefined, { kind: "path", limit: 100, "x-flag": true }],
    ["one given, the rest filled", { limit: 100 }, { kind: "path", limit: 100, "x-flag": true }],
    [
      "undefined counts as left out",
      { kind: undefined },
      { kind: "path", limit: 100, "x-flag": true },
    ],
    [
      "other arguments kept",
      { name: "a" },
      { name: "a", kind: "path", limit: 100, "x-flag": true },
    ],
  ])("%s", (_name, args, want) => {
    const before = JSON.stringify(args);
    expect(constants.fill(args)).toEqual(want);
    expect(JSON.stringify(args)).toBe(before);
  });

  it("reads only the caller's own keys (an inherited value is not the caller's)", () => {
    const args = Object.create({ limit: 5 }) as object;
    expect(constants.fill(args)).toEqual({ kind: "path", limit: 100, "x-flag": true });
  });
});

describe("prepareRequest with constants", () => {
  it("sends path, query and header constants the caller left out", () => {
    const prepared = prepareRequest(
      operation,
      { name: "a" },
      "http://127.0.0.1",
      undefined,
      undefined,
    );
    expect(prepared.url).toBe("http://127.0.0.1/things/path?limit=100&name=a");
    expect(prepared.headers["x-flag"]).toBe("true");
  });

  it("a call without arguments still builds its path", () => {
    expect(prepareRequest(operation, undefined, "http://127.0.0.1", undefined, undefined).url).toBe(
      "http://127.0.0.1/things/path?limit=100",
    );
  });
});
