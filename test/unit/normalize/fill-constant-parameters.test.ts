// given: one parameter of an operation; want: whether it became a constant (optional, with the value
// the client sends when the caller leaves it out) and what its descriptor carries for the runtime.
import { describe, expect, it } from "vitest";
import { operationSpecOf } from "../../../generator/emit/views/descriptor-specs.js";
import { documentWith, normalizeDocument } from "../../helpers/normalize-document.js";

const schemas = {
  Mode: { type: "string", enum: ["fast"] },
  ModeAlias: { $ref: "#/components/schemas/Mode" },
  Modes: { type: "string", enum: ["fast", "slow"] },
};

async function constantOf(parameter: object, openapi?: string) {
  const paths = { "/run/{p}": { get: { parameters: [parameter], responses: { 204: {} } } } };
  const { api } = await normalizeDocument(documentWith({ schemas, paths, openapi }));
  const [op] = api.operations;
  const [p] = op!.parameters;
  return {
    isRequired: p!.isRequired,
    constant: p!.constant,
    descriptor: operationSpecOf(api, op!).constants?.values,
  };
}

const path = (schema: object) => ({ name: "p", in: "path", required: true, schema });
const query = (schema: object, required = true) => ({ name: "q", in: "query", required, schema });

describe("fillConstantParameters", () => {
  const table: { name: string; given: object; openapi?: string; want: object }[] = [
    {
      name: "a one-value enum in the path",
      given: path({ type: "string", enum: ["constant"] }),
      want: { isRequired: false, constant: "constant", descriptor: { p: "constant" } },
    },
    {
      name: "3.1 const in a required query",
      given: query({ const: 100 }),
      want: { isRequired: false, constant: 100, descriptor: { q: 100 } },
    },
    {
      name: "a boolean constant in a header",
      given: { name: "X-Flag", in: "header", required: true, schema: { enum: [true] } },
      want: { isRequired: false, constant: true, descriptor: { "X-Flag": true } },
    },
    {
      name: "a cookie constant",
      given: { name: "c", in: "cookie", required: true, schema: { enum: ["v"] } },
      want: { isRequired: false, constant: "v", descriptor: { c: "v" } },
    },
    {
      name: "through refs to a named one-value enum",
      given: query({ $ref: "#/components/schemas/ModeAlias" }),
      want: { isRequired: false, constant: "fast", descriptor: { q: "fast" } },
    },
    {
      name: "an optional one: left out means not sent",
      given: query({ enum: ["fast"] }, false),
      want: { isRequired: false, constant: undefined, descriptor: undefined },
    },
    {
      name: "two values: the caller chooses",
      given: query({ $ref: "#/components/schemas/Modes" }),
      want: { isRequired: true, constant: undefined, descriptor: undefined },
    },
    {
      name: "null allowed beside the value",
      given: query({ enum: ["fast"], nullable: true }),
      openapi: "3.0.3",
      want: { isRequired: true, constant: undefined, descriptor: undefined },
    },
    {
      name: "Azure's modelAsString: the value known today, and any other string",
      given: query({ type: "string", enum: ["fast"], "x-ms-enum": { modelAsString: true } }),
      want: { isRequired: true, constant: undefined, descriptor: undefined },
    },
  ];
  it.each(table)("$name", async ({ given, openapi, want }) => {
    expect(await constantOf(given, openapi)).toEqual(want);
  });

  it("keys the descriptor's values by the argument key when a collision renamed it", async () => {
    const parameters = [
      { name: "v", in: "query", required: true, schema: { enum: ["q"] } },
      { name: "v", in: "header", required: true, schema: { enum: ["h"] } },
    ];
    const paths = { "/run": { get: { parameters, responses: { 204: {} } } } };
    const { api } = await normalizeDocument(documentWith({ paths }));
    expect(operationSpecOf(api, api.operations[0]!).constants?.values).toEqual({
      v: "q",
      vInHeader: "h",
    });
  });
});
