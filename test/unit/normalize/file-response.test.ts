// given: a Swagger 2.0 response `schema: { type: file }` and the operation's `produces`; want: the
// response the client reads (a file is binary even when JSON is also offered, asked for by its type).
import { describe, expect, it } from "vitest";
import { normalizeDocument } from "../../helpers/normalize-document.js";

async function successOf(produces: string[], schema: object) {
  const { api } = await normalizeDocument({
    swagger: "2.0",
    info: { title: "Files", version: "1" },
    paths: {
      "/file": {
        get: {
          operationId: "getFile",
          produces,
          responses: { 200: { description: "ok", schema } },
        },
      },
    },
  });
  const { kind, mediaType } = api.operations[0]!.responses[0]!;
  return { kind, mediaType };
}

describe("Swagger 2.0 file responses", () => {
  const table: { name: string; produces: string[]; schema: object; want: object }[] = [
    {
      name: "a file offered as PNG and as JSON (AutoRest's body-file)",
      produces: ["image/png", "application/json"],
      schema: { type: "file" },
      want: { kind: "binary", mediaType: "image/png" },
    },
    {
      name: "a file offered as JSON only",
      produces: ["application/json"],
      schema: { type: "file" },
      want: { kind: "binary", mediaType: "application/json" },
    },
    {
      name: "a JSON string beside PNG stays JSON",
      produces: ["image/png", "application/json"],
      schema: { type: "string" },
      want: { kind: "json", mediaType: "application/json" },
    },
  ];
  it.each(table)("$name", async ({ produces, schema, want }) => {
    expect(await successOf(produces, schema)).toEqual(want);
  });
});
