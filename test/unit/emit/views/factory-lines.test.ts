// The client and core factories are laid out as prettier prints them, short or long API name.
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { prettierOptions } from "../../../../generator/emit/format.js";
import { isPrettierStable } from "../../../../generator/emit/format-plan.js";
import {
  buildClientStatement,
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
