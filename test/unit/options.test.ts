// One options object: every field present with its default spelled out, whatever the source.
import { describe, expect, it } from "vitest";
import { checkConfig } from "../../generator/config.js";
import { defaultOptions, withDefaults } from "../../generator/options.js";

describe("options", () => {
  it("withDefaults fills every field; undefined in the given object keeps the default", () => {
    expect(withDefaults({ spec: "a.yaml" })).toEqual({
      ...defaultOptions,
      output: undefined,
      spec: "a.yaml",
    });
    expect(withDefaults({ dates: true, emit: undefined, spec: "a.yaml" })).toMatchObject({
      dates: true,
      emit: "ts",
    });
  });

  it.each([
    [
      { spec: "a.yaml", output: "o" },
      { ...defaultOptions, output: "/p/o", spec: "/p/a.yaml" },
    ],
    [
      {
        spec: "a.yaml",
        output: "o",
        name: "Pets",
        overlays: ["x.yaml"],
        options: { dates: true, emit: "js", silence: ["NAME001"], exclude: { tags: ["admin"] } },
      },
      {
        ...defaultOptions,
        dates: true,
        emit: "js",
        exclude: { tags: ["admin"] },
        name: "Pets",
        output: "/p/o",
        overlays: ["/p/x.yaml"],
        silence: ["NAME001"],
        spec: "/p/a.yaml",
      },
    ],
  ])("a config entry %j resolves to one flat object", (entry, want) => {
    expect(checkConfig({ apis: [entry] }, "/p/clientgen.config.json", []).apis).toEqual([want]);
  });
});
