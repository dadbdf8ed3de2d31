// Swagger 2.0 roots are converted to OpenAPI 3.0 on load: refs checked in the source (positions
// exact), external refs kept, positions of converted pointers mapped back to the source.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { formatDiagnostic } from "../../../generator/diagnostics/diagnostic.js";
import { loadSpec } from "../../../generator/load/index.js";
import { swaggerSegments } from "../../../generator/load/swagger-pointer.js";
import { diagnosticLines } from "./helpers.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "clientgen-swagger-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Write `text` to `name` under the temp dir; returns the absolute path. */
function file(name: string, text: string): string {
  const full = path.join(dir, name);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

const petstore = `swagger: "2.0"
info: {title: Pets, version: "1"}
host: pets.example.com
basePath: /v1
schemes: [https]
produces: [application/json]
paths:
  /pets/{id}:
    parameters:
      - {name: id, in: path, required: true, type: string}
    post:
      operationId: updatePet
      consumes: [application/json]
      parameters:
        - {name: body, in: body, schema: {$ref: "#/definitions/Pet"}}
        - {name: verbose, in: query, type: boolean}
      responses:
        "200":
          description: ok
          schema: {$ref: "shared/common.json#/definitions/Shared"}
definitions:
  Pet:
    type: object
    properties:
      name: {type: string}
`;

describe("Swagger 2.0", () => {
  const root = file("pets/root.yaml", petstore);
  file(
    "pets/shared/common.json",
    JSON.stringify({
      definitions: { Shared: { type: "object", properties: { id: { type: "string" } } } },
    }),
  );

  test("is converted to 3.0; external refs are kept and resolve", async () => {
    const spec = await loadSpec(root);
    expect(spec.version).toBe("3.0");
    expect(spec.document.servers).toEqual([{ url: "https://pets.example.com/v1" }]);
    const op = (spec.document.paths as any)["/pets/{id}"].post;
    expect(op.requestBody.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/Pet",
    });
    const shared = op.responses["200"].content["application/json"].schema.$ref;
    expect(shared).toBe("shared/common.json#/definitions/Shared");
    expect(spec.resolveRef(shared, spec.file)?.value).toEqual({
      type: "object",
      properties: { id: { type: "string" } },
    });
    expect(spec.files).toEqual([root, path.join(dir, "pets/shared/common.json")]);
    expect(spec.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(
        /root\.yaml:1:1 #\/swagger warning LOAD006 Swagger 2\.0 converted to OpenAPI 3\.0 /,
      ),
    ]);
  });

  test("converted pointers are located at the nearest source node", async () => {
    const spec = await loadSpec(root);
    const at = (pointer: string) => spec.locate(spec.file, pointer);
    expect(at("#/components/schemas/Pet/properties/name")).toEqual({ line: 25, col: 7 });
    expect(at("#/paths/~1pets~1{id}/post/requestBody/content/application~1json/schema")).toEqual({
      line: 15,
      col: 34,
    });
    expect(at("#/paths/~1pets~1{id}/post/parameters/0/schema")).toEqual({ line: 16, col: 11 });
    expect(at("#/paths/~1pets~1{id}/post/responses/200/content/application~1json/schema")).toEqual({
      line: 20,
      col: 11,
    });
    expect(at("#/servers/0/url")).toEqual({ line: 3, col: 1 });
  });

  test("swaggerSegments: the mapping table", () => {
    const source = {
      paths: {
        "/a": {
          get: {
            parameters: [
              { in: "body", name: "b" },
              { in: "query", name: "q" },
            ],
          },
        },
      },
    };
    const converted = { paths: { "/a": { get: { parameters: [{ in: "query", name: "q" }] } } } };
    const cases: [string[], string[]][] = [
      [
        ["components", "schemas", "X", "properties", "y"],
        ["definitions", "X", "properties", "y"],
      ],
      [
        ["components", "securitySchemes", "k"],
        ["securityDefinitions", "k"],
      ],
      [
        ["components", "responses", "R", "content", "application/json", "schema"],
        ["responses", "R", "schema"],
      ],
      [["components", "callbacks", "c"], []],
      [
        ["paths", "/a", "get", "parameters", "0", "schema", "enum"],
        ["paths", "/a", "get", "parameters", "1", "enum"],
      ],
      [
        ["paths", "/a", "get", "requestBody", "content", "application/json", "schema", "type"],
        ["paths", "/a", "get", "parameters", "0", "schema", "type"],
      ],
      [
        ["paths", "/a", "get", "responses", "200", "content", "text/plain", "schema"],
        ["paths", "/a", "get", "responses", "200", "schema"],
      ],
      [["servers", "0"], ["host"]],
      [
        ["info", "title"],
        ["info", "title"],
      ],
    ];
    for (const [given, want] of cases)
      expect(swaggerSegments(source, converted, given)).toEqual(want);
  });

  test("refs are checked in the source, so positions are exact and broken refs are not dropped by the converter", async () => {
    const broken = file(
      "broken/root.yaml",
      `swagger: "2.0"
info: {title: Broken, version: "1"}
paths:
  /a:
    get:
      parameters:
        - $ref: "#/parameters/Nope"
      responses:
        "200": {description: ok, schema: {$ref: "#/definitions/Gone"}}
`,
    );
    const lines = await diagnosticLines(broken);
    expect(lines.map((l) => l.replace(/^.*?root\.yaml/, "root.yaml"))).toEqual([
      'root.yaml:7:11 #/paths/~1a/get/parameters/0/$ref error REF001 unresolved $ref "#/parameters/Nope": no "parameters" in # (check the name, or define the target)',
      'root.yaml:9:43 #/paths/~1a/get/responses/200/schema/$ref error REF001 unresolved $ref "#/definitions/Gone": no "definitions" in # (check the name, or define the target)',
    ]);
  });

  test("a $ref inside an x-* extension (x-ms-examples) is vendor data, not a reference; x-ms-paths refs are checked", async () => {
    const root = file(
      "extensions/root.yaml",
      `swagger: "2.0"
info: {title: Extensions, version: "1"}
paths:
  /a:
    get:
      x-ms-examples:
        first: {$ref: "./examples/missing.json"}
      responses:
        "200": {description: ok}
x-ms-paths:
  /a?mode=b:
    get:
      responses:
        "200": {description: ok, schema: {$ref: "#/definitions/Gone"}}
`,
    );
    const lines = await diagnosticLines(root);
    expect(
      lines
        .filter((l) => l.includes(" error "))
        .map((l) => l.replace(/^.*?root\.yaml/, "root.yaml")),
    ).toEqual([
      'root.yaml:14:43 #/x-ms-paths/~1a?mode=b/get/responses/200/schema/$ref error REF001 unresolved $ref "#/definitions/Gone": no "definitions" in # (check the name, or define the target)',
    ]);
  });

  test("LOAD008 when the converter fails; its console output is swallowed", async () => {
    const bad = file(
      "bad/root.yaml",
      `swagger: "2.0"
info: {title: Bad, version: "1"}
paths:
  /a:
    post:
      consumes: 5
      parameters: [{name: f, in: formData, type: file}]
      responses: {"200": {description: ok}}
`,
    );
    const warn = console.warn;
    const seen: unknown[] = [];
    console.warn = (...args: unknown[]) => void seen.push(args);
    try {
      const lines = await diagnosticLines(bad);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /root\.yaml:1:1 # error LOAD008 cannot convert Swagger 2\.0 to OpenAPI 3\.0: .*filter is not a function \(fix the document/,
      );
      expect(seen).toEqual([]);
    } finally {
      console.warn = warn;
    }
  });

  test("collectionFormat tsv, which has no OpenAPI 3 style, goes through as tabDelimited", async () => {
    const tsv = file(
      "tsv/root.yaml",
      `swagger: "2.0"
info: {title: Tsv, version: "1"}
paths:
  /a:
    get:
      parameters: [{name: q, in: query, type: array, items: {type: string}, collectionFormat: tsv}]
      responses: {"200": {description: ok}}
`,
    );
    const lines = await diagnosticLines(tsv);
    expect(lines.map((l) => l.replace(/^.*?root\.yaml/, "root.yaml"))).toEqual([
      "root.yaml:1:1 #/swagger warning LOAD006 Swagger 2.0 converted to OpenAPI 3.0 (pointers in other diagnostics refer to the converted document; line:col to the nearest source node)",
    ]);
    const spec = await loadSpec(tsv);
    const parameter = (spec.document as any).paths["/a"].get.parameters[0];
    expect(parameter["x-clientgen-tsv"]).toBe(true);
  });
});

describe("Swagger 2.0 conversion fills what the upgrader leaves", () => {
  const convert = async (name: string, body: string) =>
    (await loadSpec(
      file(`${name}/root.yaml`, `swagger: "2.0"\ninfo: {title: T, version: "1"}\n${body}`),
    )) as any;

  test("a body parameter shared through #/parameters becomes the request body", async () => {
    const spec = await convert(
      "shared-body",
      `parameters:
  Pet: {name: pet, in: body, required: true, schema: {type: object}}
paths:
  /a:
    post:
      consumes: [application/json]
      parameters: [{$ref: "#/parameters/Pet"}]
      responses: {"200": {description: ok}}
`,
    );
    const post = spec.document.paths["/a"].post;
    expect(post.parameters ?? []).toEqual([]);
    expect(post.requestBody).toEqual({
      content: { "application/json": { schema: { type: "object" } } },
      required: true,
    });
  });

  test("form fields without consumes: url-encoded, multipart with a file; required when a field is", async () => {
    const spec = await convert(
      "form",
      `paths:
  /a:
    post:
      parameters: [{name: n, in: formData, type: string, required: true}]
      responses: {"200": {description: ok}}
  /b:
    post:
      parameters: [{name: f, in: formData, type: file}]
      responses: {"200": {description: ok}}
`,
    );
    expect(Object.keys(spec.document.paths["/a"].post.requestBody.content)).toEqual([
      "application/x-www-form-urlencoded",
    ]);
    expect(spec.document.paths["/a"].post.requestBody.required).toBe(true);
    expect(Object.keys(spec.document.paths["/b"].post.requestBody.content)).toEqual([
      "multipart/form-data",
    ]);
    expect(spec.document.paths["/b"].post.requestBody.required).toBeUndefined();
  });

  test("x-ms-skip-url-encoding survives the conversion as written; an operation without responses gets a default", async () => {
    const spec = await convert(
      "skip",
      `paths:
  /a:
    get:
      parameters: [{name: q, in: query, type: string, x-ms-skip-url-encoding: true}]
`,
    );
    const get = spec.document.paths["/a"].get;
    // The parameter reader maps the extension itself (skipsEncoding: sent as given, which
    // allowReserved is not: it still encodes & = # +).
    expect(get.parameters[0]["x-ms-skip-url-encoding"]).toBe(true);
    expect(get.parameters[0].allowReserved).toBeUndefined();
    expect(get.responses).toEqual({ default: { description: "Default response" } });
  });

  test("x-ms-parameterized-host is the server URL; its parameters are server variables", async () => {
    const root = file(
      "host/root.yaml",
      `swagger: "2.0"
info: {title: T, version: "1"}
host: badhost
schemes: [https]
basePath: /v2
x-ms-parameterized-host:
  hostTemplate: "{account}.{domain}"
  parameters:
    - {name: account, in: path, required: true, type: string, description: The account}
    - {$ref: "#/parameters/domain"}
    - {name: unused, in: path, required: true, type: string}
parameters:
  domain: {name: domain, in: path, required: true, type: string, default: example.com, enum: [example.com, example.org]}
paths:
  /a: {get: {responses: {"200": {description: ok}}}}
`,
    );
    const spec = (await loadSpec(root)) as any;
    expect(spec.document.servers).toEqual([
      {
        url: "https://{account}.{domain}/v2",
        variables: {
          account: { description: "The account" },
          domain: { default: "example.com", enum: ["example.com", "example.org"] },
        },
      },
    ]);
    const lines = await diagnosticLines(root);
    expect(lines.filter((line) => line.includes("x-ms-parameterized-host"))).toEqual([]);
  });
});
