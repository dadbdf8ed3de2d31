// The node map recorded during a parse: dense documents outgrow its first columns, aliases resolve
// to their anchors, an empty document has nothing to locate.
import { describe, expect, test } from "vitest";
import yaml from "js-yaml";
import { locateInYaml, recordYamlSource } from "../../../generator/load/yaml-source-map.js";

function mapOf(text: string) {
  const recorder = recordYamlSource(text);
  yaml.load(text, { listener: recorder.listener } as yaml.LoadOptions);
  return recorder.finish();
}

describe("recordYamlSource", () => {
  test("a document denser than the first guess (one node per 2 characters)", () => {
    const text = `list:\n${Array.from({ length: 4000 }, (_, i) => `  - ${i % 10}\n`).join("")}`;
    const map = mapOf(text);
    expect(map.start.length).toBeGreaterThan(1024 + (text.length >> 4));
    const offset = locateInYaml(map, ["list", "3999"])!;
    expect(text.slice(0, offset).split("\n").length).toBe(4001);
    expect(text.slice(offset, offset + 1)).toBe("9");
  });

  test("an alias is followed to its anchor", () => {
    const text = "base: &b\n  deep:\n    x: 1\nuse: *b\n";
    const map = mapOf(text);
    expect(text.slice(locateInYaml(map, ["use", "deep", "x"])!)).toMatch(/^x: 1/);
  });

  test("no root node: nothing to locate", () => {
    expect(locateInYaml(mapOf(""), [])).toBeUndefined();
  });
});
