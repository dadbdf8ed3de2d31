// Which declared response headers `.withResponse()` offers and how each is parsed and typed.
import { describe, expect, it } from "vitest";
import type { Api, Operation, Response } from "../../../generator/model/api.js";
import type { Schema } from "../../../generator/model/schema.js";
import {
  headersDeclaration,
  headersDescriptor,
  headersTypeName,
} from "../../../generator/emit/views/response-headers.js";
import {
  isDefaultResult,
  isResultResponse,
} from "../../../generator/emit/views/operation-types.js";
import { isDeclaredResult } from "../../../templates/runtime/response.js";

const primitive = (kind: "boolean" | "integer" | "number" | "string"): Schema =>
  ({ kind }) as Schema;
const api = {
  name: "Demo",
  schemas: [
    { id: "#/components/schemas/Count", name: "Count", pointer: "", schema: primitive("integer") },
  ],
} as unknown as Api;
const response = (status: string, headers: Response["headers"]): Response => ({
  status,
  kind: "json",
  headers,
});
const operation = (responses: Response[], name = "getThing"): Operation =>
  ({
    name,
    resultTypeName: `${name[0].toUpperCase()}${name.slice(1)}Result`,
    responses,
  }) as unknown as Operation;
const apiWith = (operations: Operation[]): Api => ({ ...api, operations });

describe("headersDescriptor: how the runtime parses each declared header", () => {
  const table: { given: Schema; want: string }[] = [
    { given: primitive("integer"), want: "number" },
    { given: primitive("number"), want: "number" },
    { given: primitive("boolean"), want: "boolean" },
    { given: primitive("string"), want: "string" },
    { given: { kind: "ref", target: "#/components/schemas/Count" } as Schema, want: "number" },
    { given: { kind: "array", items: primitive("integer") } as unknown as Schema, want: "string" },
  ];
  it.each(table)("$given.kind -> $want", ({ given, want }) => {
    const ok = response("200", [{ name: "x-value", schema: given }]);
    expect(headersDescriptor(api, operation([ok]), ok)).toEqual({ "x-value": want });
  });

  it("only on responses a call resolves with: 2XX/3XX, default when no 2XX is declared", () => {
    const header = [{ name: "x-a", schema: primitive("string") }];
    const created = response("201", header);
    const moved = response("302", header);
    const failed = response("404", header);
    const fallback = response("default", header);
    const op = operation([created, moved, failed, fallback]);
    expect([created, moved, failed, fallback].map((r) => headersDescriptor(api, op, r))).toEqual([
      { "x-a": "string" },
      { "x-a": "string" },
      undefined,
      undefined,
    ]);
    expect(headersDescriptor(api, operation([fallback]), fallback)).toEqual({ "x-a": "string" });
  });
});

describe("default as the result: the generator's types and the runtime agree", () => {
  // An undeclared 2xx (299) resolves through `default` exactly when the views type `default` as the result.
  const table: { given: string[]; want: boolean }[] = [
    { given: ["default"], want: true },
    { given: ["404", "default"], want: true },
    { given: ["4XX", "5XX", "default"], want: true },
    { given: ["200", "default"], want: false },
    { given: ["201", "default"], want: false },
    { given: ["302", "default"], want: false },
    { given: ["101", "default"], want: false },
  ];
  it.each(table)("$given -> default is the result: $want", ({ given, want }) => {
    const responses = given.map((status) =>
      response(status, [{ name: "x-a", schema: primitive("string") }]),
    );
    const op = operation(responses);
    expect(isDefaultResult(op)).toBe(want);
    expect(headersDescriptor(api, op, responses.at(-1)!) !== undefined).toBe(want);
    expect(
      isDeclaredResult(
        given.map((status) => ({ status, kind: "json" as const })),
        299,
      ),
    ).toBe(want);
  });
});

describe("a declared status: the generator's result and the runtime's agree", () => {
  // isError is what x-ms-error-response (or AutoRest's rule) sets; unset, the status range decides.
  const table: { status: string; isError?: boolean; want: boolean }[] = [
    { status: "101", want: true },
    { status: "200", want: true },
    { status: "302", want: true },
    { status: "404", want: false },
    { status: "404", isError: false, want: true },
    { status: "500", isError: false, want: true },
    { status: "409", isError: true, want: false },
    { status: "200", isError: true, want: false },
  ];
  it.each(table)("$status isError $isError -> result: $want", ({ status, isError, want }) => {
    const declared = {
      ...response(status, [{ name: "x-a", schema: primitive("string") }]),
      isError,
    };
    const op = operation([declared, response("default", [])]);
    expect(isResultResponse(declared)).toBe(want);
    expect(headersDescriptor(api, op, declared) !== undefined).toBe(want);
    expect(isDeclaredResult([{ status, kind: "json", isError }], Number(status))).toBe(want);
  });
});

describe("headersDeclaration: the operation's typed headers", () => {
  it("merges the success responses' headers, sorted, optional, documented", () => {
    const op = operation([
      response("200", [
        { name: "x-rate", schema: primitive("integer"), description: "Left */ now" },
      ]),
      response("202", [
        { name: "location", schema: primitive("string") },
        { name: "x-rate", schema: primitive("integer") },
      ]),
      response("500", [{ name: "x-trace", schema: primitive("string") }]),
    ]);
    expect(headersTypeName(op)).toBe("GetThingResponseHeaders");
    expect(headersDeclaration(apiWith([op]), op)).toEqual({
      alias: "",
      doc: "/** Declared response headers of `DemoClient.getThing`, as `.withResponse()` parses them. */",
      isInterface: true,
      members: [
        "  readonly location?: string;",
        '  /** Left *\\/ now */\n  readonly "x-rate"?: number;',
      ],
      name: "GetThingResponseHeaders",
    });
  });

  it("none declared: no declaration (the method's headers type is NoHeaders)", () => {
    const op = operation([response("200", [])]);
    expect(headersDeclaration(apiWith([op]), op)).toBeUndefined();
  });

  it("the same members as an earlier operation's: an alias to that interface", () => {
    const rate = () => [{ name: "x-rate", schema: primitive("integer"), description: "Left" }];
    const first = operation([response("200", rate())], "listThings");
    const other = operation([response("200", [{ name: "x-rate", schema: primitive("string") }])]);
    const same = operation([response("201", rate())], "makeThing");
    const all = apiWith([first, other, same]);
    expect(headersDeclaration(all, first)?.isInterface).toBe(true);
    expect(headersDeclaration(all, other)?.isInterface).toBe(true);
    expect(headersDeclaration(all, same)).toEqual({
      alias: "export type MakeThingResponseHeaders = ListThingsResponseHeaders;",
      doc: "/** Declared response headers of `DemoClient.makeThing`, as `.withResponse()` parses them. */",
      isInterface: false,
      members: [],
      name: "MakeThingResponseHeaders",
    });
  });
});
