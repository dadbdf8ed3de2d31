import { describe, expect, it } from "vitest";
import {
  camelCase,
  NameRegistry,
  pascalCase,
  safeIdentifier,
} from "../../../generator/normalize/names.js";
import { withoutFastApiSuffix } from "../../../generator/normalize/passes/assign-names.js";

describe("camelCase", () => {
  it.each([
    ["get_request_info", "getRequestInfo"],
    ["auth.set", "authSet"],
    ["List-Clusters", "listClusters"],
    ["URLList", "urlList"],
    ["getHTTPResponse", "getHTTPResponse"],
    ["123go", "_123go"],
    ["delete", "delete_"],
    ["", "operation"],
    ["Ünïcödé name", "unicodeName"],
    ["日本", "operation"],
  ])("%j -> %j", (given, want) => expect(camelCase(given)).toBe(want));
});

describe("pascalCase", () => {
  it.each([
    ["request info response", "RequestInfoResponse"],
    ["HTTPValidationError", "HTTPValidationError"],
    ["ssh-key", "SshKey"],
    ["2fa", "_2fa"],
    ["string", "String"],
    ["", "Type"],
  ])("%j -> %j", (given, want) => expect(pascalCase(given)).toBe(want));
});

describe("safeIdentifier", () => {
  it("never returns something that is not an identifier", () => {
    for (const text of ["a-b", "*/", "${x}", "`", "class", "9", "\u2028"]) {
      expect(safeIdentifier(text, "x")).toMatch(/^[A-Za-z_$][A-Za-z0-9_$]*$/);
    }
  });
});

describe("NameRegistry", () => {
  it("numbers collisions, case-insensitively, and never hands out reserved names", () => {
    const names = new NameRegistry(["ApiError"]);
    expect(["Pet", "pet", "PET", "ApiError", "ApiError"].map((n) => names.claim(n))).toEqual([
      "Pet",
      "pet2",
      "PET3",
      "ApiError2",
      "ApiError3",
    ]);
  });
});

describe("withoutFastApiSuffix", () => {
  it.each([
    [
      "get_request_info_request_info__request_id__get",
      "GET",
      "/request/info/{request_id}",
      "get_request_info",
    ],
    [
      "cluster_operations_cluster_operations__cluster__get",
      "GET",
      "/cluster/operations/{cluster}",
      "cluster_operations",
    ],
    ["create_cluster_cluster_create_post", "POST", "/cluster/create", "create_cluster"],
    ["listPets", "GET", "/pets", "listPets"],
    // the whole id is the suffix: nothing would be left, so keep it
    ["_pets_get", "GET", "/pets", "_pets_get"],
  ] as const)("%s", (id, method, path, want) =>
    expect(withoutFastApiSuffix({ id, method, path })).toBe(want),
  );
});
