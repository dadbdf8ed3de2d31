// The runtime is copied into clients byte for byte, so it must already be in prettier's layout.
import { readdirSync, readFileSync } from "node:fs";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { prettierOptions } from "../../generator/emit/format.js";

const dir = "templates/runtime";

describe("templates/runtime", () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith(".ts")))("%s is formatted", async (file) => {
    const text = readFileSync(`${dir}/${file}`, "utf8");
    expect(await prettier.format(text, prettierOptions)).toBe(text);
  });
});
