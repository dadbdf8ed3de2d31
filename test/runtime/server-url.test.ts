// serverUrl: the base URL of a client whose server URL has variables, from its options.
import { describe, expect, it } from "vitest";
import { serverUrl } from "../../templates/runtime/server-url.js";

describe("serverUrl", () => {
  const template = "https://{account}.example.com/{version}";
  it.each([
    [
      "the options fill the variables",
      { account: "acme", version: "v2" },
      "https://acme.example.com/v2",
    ],
    [
      "a default fills what the options leave out",
      { account: "acme" },
      "https://acme.example.com/v1",
    ],
    [
      "values go in as given",
      { account: "127.0.0.1:8080/x" },
      "https://127.0.0.1:8080/x.example.com/v1",
    ],
    ["baseUrl wins over the template", { baseUrl: "http://127.0.0.1:1" }, "http://127.0.0.1:1"],
  ])("%s", (_, options, want) => {
    expect(serverUrl(template, { version: "v1" }, options)).toBe(want);
  });

  it("names a required variable the options leave out", () => {
    expect(() => serverUrl(template, { version: "v1" }, {})).toThrow(
      'client option "account" is required: it is part of the server URL https://{account}.example.com/{version} (or set baseUrl)',
    );
  });
});
