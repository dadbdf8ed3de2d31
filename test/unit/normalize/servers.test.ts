// given: a document's `servers`; want: the model's servers (URL with defaults, template, variables).
import { describe, expect, it } from "vitest";
import { normalizeDocument } from "../../helpers/normalize-document.js";

const documentWithServers = (servers: unknown) => ({
  openapi: "3.1.0",
  info: { title: "Test", version: "1" },
  paths: {},
  servers,
});

describe("servers", () => {
  it.each([
    [
      "no variables",
      [{ url: "https://api.example.com" }],
      [{ template: "https://api.example.com", url: "https://api.example.com", variables: [] }],
    ],
    [
      "variables in order of appearance, defaults filled in",
      [
        {
          url: "https://{region}.example.com/{version}",
          variables: {
            version: { default: "v1", description: "API version" },
            region: { default: "eu", enum: ["eu", "us"] },
          },
        },
      ],
      [
        {
          template: "https://{region}.example.com/{version}",
          url: "https://eu.example.com/v1",
          variables: [
            { name: "region", optionName: "region", default: "eu", enum: ["eu", "us"] },
            { name: "version", optionName: "version", default: "v1", description: "API version" },
          ],
        },
      ],
    ],
    [
      "a variable without a default (or not declared) stays in the URL: the caller gives it",
      [{ url: "https://{account}.example.com", variables: { account: { description: "Yours" } } }],
      [
        {
          template: "https://{account}.example.com",
          url: "https://{account}.example.com",
          variables: [{ name: "account", optionName: "account", description: "Yours" }],
        },
      ],
    ],
    [
      "a variable named like a client option or an Object member: its option is <name>InServerUrl",
      [{ url: "https://{baseUrl}/{toString}", variables: { baseUrl: { default: "h" } } }],
      [
        {
          template: "https://{baseUrl}/{toString}",
          url: "https://h/{toString}",
          variables: [
            { name: "baseUrl", optionName: "baseUrlInServerUrl", default: "h" },
            { name: "toString", optionName: "toStringInServerUrl" },
          ],
        },
      ],
    ],
  ])("%s", async (_, servers, want) => {
    const { api } = await normalizeDocument(documentWithServers(servers));
    expect(api.servers).toEqual(want.map((server) => ({ description: undefined, ...server })));
  });
});
