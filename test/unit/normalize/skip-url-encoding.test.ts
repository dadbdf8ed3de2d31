// given: a parameter with Azure's x-ms-skip-url-encoding; want: what its descriptor tells the
// runtime (send the value as it is, through param-styles.ts) and that other locations ignore it.
import { describe, expect, it } from "vitest";
import { operationSpecOf } from "../../../generator/emit/views/descriptor-specs.js";
import { documentWith, normalizeDocument } from "../../helpers/normalize-document.js";

async function descriptorOf(parameter: object) {
  const paths = { "/run/{p}": { get: { parameters: [parameter], responses: { 204: {} } } } };
  const { api } = await normalizeDocument(documentWith({ paths }));
  const [op] = api.operations;
  const spec = operationSpecOf(api, op!).params?.find((p) => p.name === "p" || p.name === "q");
  return spec && { skipsEncoding: spec.skipsEncoding, styles: spec.styles?.text };
}

const string = { type: "string" };

describe("x-ms-skip-url-encoding", () => {
  const table: { name: string; given: object; want: object | undefined }[] = [
    {
      name: "a path value",
      given: {
        name: "p",
        in: "path",
        required: true,
        schema: string,
        "x-ms-skip-url-encoding": true,
      },
      want: { skipsEncoding: true, styles: "paramStyles" },
    },
    {
      name: "a query value",
      given: { name: "q", in: "query", schema: string, "x-ms-skip-url-encoding": true },
      want: { skipsEncoding: true, styles: "paramStyles" },
    },
    {
      name: "false is the default: encoded, no serializer for a plain path value",
      given: {
        name: "p",
        in: "path",
        required: true,
        schema: string,
        "x-ms-skip-url-encoding": false,
      },
      want: undefined,
    },
    {
      name: "a header is never encoded: the flag is ignored",
      given: { name: "q", in: "header", schema: string, "x-ms-skip-url-encoding": true },
      want: { skipsEncoding: undefined, styles: "defaultStyles" },
    },
  ];
  for (const { name, given, want } of table)
    it(name, async () => expect(await descriptorOf(given)).toEqual(want));
});
