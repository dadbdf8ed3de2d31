// given: a Swagger 2.0 file or binary body and the media types offered; want: what the client
// sends or reads (bytes, even when JSON is also offered, under the bytes' own media type).
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

async function requestBodyOf(consumes: string[], schema: object) {
  const { api } = await normalizeDocument({
    swagger: "2.0",
    info: { title: "Files", version: "1" },
    paths: {
      "/file": {
        post: {
          operationId: "upload",
          consumes,
          parameters: [{ name: "body", in: "body", required: true, schema }],
          responses: { 204: { description: "done" } },
        },
      },
    },
  });
  const { kind, mediaType } = api.operations[0]!.requestBody!;
  return { kind, mediaType };
}

describe("Swagger 2.0 binary request bodies", () => {
  const binary = { type: "string", format: "binary" };
  const table: { name: string; consumes: string[]; schema: object; want: object }[] = [
    {
      name: "bytes offered as JSON and octet-stream (AutoRest's media_types)",
      consumes: ["application/json", "application/octet-stream"],
      schema: binary,
      want: { kind: "binary", mediaType: "application/octet-stream" },
    },
    {
      name: "bytes offered as JSON only",
      consumes: ["application/json"],
      schema: binary,
      want: { kind: "binary", mediaType: "application/json" },
    },
    {
      name: "an object beside octet-stream stays JSON",
      consumes: ["application/json", "application/octet-stream"],
      schema: { type: "object" },
      want: { kind: "json", mediaType: "application/json" },
    },
  ];
  it.each(table)("$name", async ({ consumes, schema, want }) => {
    expect(await requestBodyOf(consumes, schema)).toEqual(want);
  });
});
