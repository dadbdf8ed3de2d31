// The client and core factories are laid out as prettier prints them, short or long API name.
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { prettierOptions } from "../../../../generator/emit/format.js";
import { isPrettierStable } from "../../../../generator/emit/format-plan.js";
import {
  buildClientStatement,
  derivedMethods,
  factoryHead,
} from "../../../../generator/emit/views/factory-lines.js";

describe.each(["Pets", "GitHubSOfficialOpenAPISpecOctokitExtension", "DutchiePointOfSale"])(
  "factories of %s",
  (api) => {
    it("client factory is prettier's layout", async () => {
      const text = [
        factoryHead(`create${api}Client`, "options: ClientOptions = {}", `${api}Client`),
        buildClientStatement(`${api}Client`, `create${api}Core`),
        "}",
      ].join("\n");
      expect(isPrettierStable(text)).toBe(true);
      expect(text).toBe((await prettier.format(text, prettierOptions)).trimEnd());
    });

    it("core factory head is prettier's layout", async () => {
      const text = [
        factoryHead(`create${api}Core`, "options: ClientOptions = {}", `${api}Core`),
        '  return new Transport(options, { baseUrl: "https://api.example.com" });',
        "}",
      ].join("\n");
      expect(isPrettierStable(text)).toBe(true);
      expect(text).toBe((await prettier.format(text, prettierOptions)).trimEnd());
    });
  },
);

// The client interface's `extends MethodsOf<...>` clause, on one line or broken level by level.
describe("client interface head", () => {
  const names = (count: number, length: number) =>
    Array.from({ length: count }, (_, i) => `${"m".repeat(length)}${i}`);
  it.each([
    ["Pets", [], "{}"],
    ["N".repeat(44), [], "{}"],
    ["N".repeat(45), [], "{}"],
    ["N".repeat(45), [], "{"],
    ["GitHubSOfficialOpenAPISpecOctokitExtension", [], "{}"],
    ["Client", names(3, 10), "{"],
    ["Client", names(4, 10), "{"],
    ["Client", names(5, 10), "{"],
    ["Client", names(7, 10), "{}"],
    ["Client", names(1, 69), "{"],
    ["Client", names(1, 90), "{"],
    ["Client", names(2, 44), "{"],
    ["OpenAI", ["createChatCompletion", "createImage", "createImageEdit", "createResponse"], "{"],
  ] as const)("%s extends MethodsOf<...> (%j) %s", async (name, declared, bodyOpen) => {
    const body = bodyOpen === "{}" ? "{}" : "{\n  a(): void;\n}";
    const head = `export interface ${name} extends ${derivedMethods(name, [...declared], bodyOpen)}`;
    const text = `${head} ${body}`;
    expect(isPrettierStable(text)).toBe(true);
    expect(text).toBe((await prettier.format(text, prettierOptions)).trimEnd());
  });
});
