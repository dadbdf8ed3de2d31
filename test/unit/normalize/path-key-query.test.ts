// given: a path key with a query string (Azure's `/xml/?comp=list`) and the operation's parameters;
// want: the route the descriptor sends, and the query parameters the client fills in itself.
import { describe, expect, it } from "vitest";
import { operationSpecOf } from "../../../generator/emit/views/descriptor-specs.js";
import { documentWith, normalizeDocument } from "../../helpers/normalize-document.js";

async function routeOf(pathKey: string, parameters: object[] = []) {
  const paths = { [pathKey]: { get: { parameters, responses: { 204: {} } } } };
  const { api } = await normalizeDocument(documentWith({ paths }));
  const [op] = api.operations;
  return {
    path: op!.path,
    query: op!.parameters
      .filter((p) => p.in === "query")
      .map((p) => `${p.name}${p.isRequired ? "" : "?"}`),
    constants: operationSpecOf(api, op!).constants?.values,
  };
}

const comp = (values: string[], required = true) => ({
  name: "comp",
  in: "query",
  required,
  schema: { type: "string", enum: values },
});

describe("a path key's query string", () => {
  const table: { name: string; key: string; parameters?: object[]; want: object }[] = [
    {
      name: "no query: the key is the route",
      key: "/xml/{name}",
      parameters: [{ name: "name", in: "path", required: true, schema: { type: "string" } }],
      want: { path: "/xml/{name}", query: [], constants: undefined },
    },
    {
      name: "declared as a constant: sent once, by the parameter",
      key: "/xml/?comp=list",
      parameters: [comp(["list"])],
      want: { path: "/xml/", query: ["comp?"], constants: { comp: "list" } },
    },
    {
      name: "undeclared pairs become constants",
      key: "/xml/c?comp=acl&restype=container",
      want: {
        path: "/xml/c",
        query: ["comp?", "restype?"],
        constants: { comp: "acl", restype: "container" },
      },
    },
    {
      name: "a declared parameter of the same name wins over the literal",
      key: "/x?comp=list&restype=service",
      parameters: [comp(["list", "get"])],
      want: { path: "/x", query: ["comp", "restype?"], constants: { restype: "service" } },
    },
    {
      name: "percent-encoded and valueless pairs",
      key: "/x?a%20b=c%2Fd&flag",
      want: { path: "/x", query: ["a b?", "flag?"], constants: { "a b": "c/d", flag: "" } },
    },
  ];
  for (const { name, key, parameters, want } of table)
    it(name, async () => expect(await routeOf(key, parameters)).toEqual(want));
});

describe("Azure x-ms-paths (Swagger 2.0)", () => {
  it("a key differing from a paths key only in its query is its own operation", async () => {
    const get = (operationId: string) => ({
      get: { operationId, responses: { 200: { description: "ok" } } },
    });
    const { api } = await normalizeDocument({
      swagger: "2.0",
      info: { title: "Test", version: "1" },
      paths: { "/x": get("plain") },
      "x-ms-paths": { "/x?comp=list": get("list"), "/x": get("ignored") },
    });
    expect(
      api.operations.map((op) => ({
        id: op.id,
        path: op.path,
        constants: operationSpecOf(api, op).constants?.values,
      })),
    ).toEqual([
      { id: "list", path: "/x", constants: { comp: "list" } },
      { id: "plain", path: "/x", constants: undefined },
    ]);
  });
});
