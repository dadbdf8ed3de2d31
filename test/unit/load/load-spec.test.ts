// Successful loads: YAML and JSON, multi-file refs (relative to the file holding them), resolveRef.
import path from "node:path";
import { describe, expect, test } from "vitest";
import { loadSpec } from "../../../generator/load/index.js";
import { fixture } from "./helpers.js";

describe("loadSpec reads YAML and JSON", () => {
  const cases = [
    {
      given: "basic/petstore.yaml",
      want: { version: "3.1", title: "Petstore", files: ["basic/petstore.yaml"] },
    },
    {
      given: "basic/petstore.json",
      want: { version: "3.0", title: "Petstore", files: ["basic/petstore.json"] },
    },
    {
      given: "basic/merge-keys.yaml",
      want: { version: "3.0", title: "Merge keys", files: ["basic/merge-keys.yaml"] },
    },
    {
      given: "errors/unquoted-version.yaml",
      want: { version: "3.0", title: "Unquoted version", files: ["errors/unquoted-version.yaml"] },
    },
  ];
  test.each(cases)("$given", async ({ given, want }) => {
    const spec = await loadSpec(fixture(given));
    expect({
      version: spec.version,
      title: (spec.document.info as { title: string }).title,
      files: spec.files.map((f) => path.relative(fixture(""), f)),
    }).toEqual(want);
    expect(spec.file).toBe(fixture(given));
    expect(spec.diagnostics).toEqual([]);
  });

  test("dates stay strings (YAML 1.2 core schema, no timestamps)", async () => {
    const spec = await loadSpec(fixture("basic/petstore.yaml"));
    expect(
      spec.resolveRef("#/components/schemas/Pet/properties/born/example", spec.file)?.value,
    ).toBe("2024-01-01");
  });

  test("merge keys are applied", async () => {
    const spec = await loadSpec(fixture("basic/merge-keys.yaml"));
    expect(spec.resolveRef("#/components/schemas/Derived", spec.file)?.value).toEqual({
      type: "object",
      description: "shared",
      title: "Derived",
    });
  });

  test("$ref inside example/default data is not checked; a `default` response or property is", async () => {
    const spec = await loadSpec(fixture("basic/example-data.yaml"));
    expect(spec.diagnostics).toEqual([]);
  });

  test("a relative path is resolved against process.cwd()", async () => {
    const spec = await loadSpec(path.relative(process.cwd(), fixture("basic/petstore.yaml")));
    expect(spec.file).toBe(fixture("basic/petstore.yaml"));
  });
});

describe("multi-file specs", () => {
  test("every referenced file is read once, listed absolute and sorted", async () => {
    const spec = await loadSpec(fixture("multi/root.yaml"));
    const want = [
      "multi/paths/pets.yaml",
      "multi/root.yaml",
      "multi/schemas/nested/tag.yaml",
      "multi/schemas/pet.yaml",
      "multi/shared/common.yaml",
      "multi/shared/text.yaml",
    ];
    expect(spec.files).toEqual(want.map(fixture));
    expect([...spec.documents.keys()].sort()).toEqual(want.map(fixture));
    expect(spec.documents.get(spec.file)).toBe(spec.document);
  });

  const resolveCases = [
    {
      name: "local ref in the root",
      given: { ref: "#/components/schemas/Pet", from: "multi/root.yaml" },
      want: {
        file: "multi/root.yaml",
        pointer: "#/components/schemas/Pet",
        value: { $ref: "schemas/pet.yaml#/Pet" },
      },
    },
    {
      name: "file + pointer, relative to the root",
      given: { ref: "schemas/pet.yaml#/Owner", from: "multi/root.yaml" },
      want: { file: "multi/schemas/pet.yaml", pointer: "#/Owner", value: { type: "string" } },
    },
    {
      name: "nested relative ref, relative to the file holding it",
      given: { ref: "../../shared/common.yaml#/Id", from: "multi/schemas/nested/tag.yaml" },
      want: {
        file: "multi/shared/common.yaml",
        pointer: "#/Id",
        value: { type: "string", format: "uuid" },
      },
    },
    {
      name: "local ref inside another file points into that file",
      given: { ref: "#/Owner", from: "multi/schemas/pet.yaml" },
      want: { file: "multi/schemas/pet.yaml", pointer: "#/Owner", value: { type: "string" } },
    },
    {
      name: "whole file",
      given: { ref: "./shared/text.yaml", from: "multi/root.yaml" },
      want: {
        file: "multi/shared/text.yaml",
        pointer: "#",
        value: { intro: "A spec split over several files.\n" },
      },
    },
    {
      name: "~1, ~0 and percent-encoding in the pointer",
      given: { ref: "schemas/pet.yaml#/a~1b~0c%20d", from: "multi/root.yaml" },
      want: { file: "multi/schemas/pet.yaml", pointer: "#/a~1b~0c d", value: { type: "integer" } },
    },
    {
      name: "single step: a target that is itself a $ref is returned as is",
      given: { ref: "#/paths/~1pets", from: "multi/root.yaml" },
      want: {
        file: "multi/root.yaml",
        pointer: "#/paths/~1pets",
        value: { $ref: "./paths/pets.yaml" },
      },
    },
  ];
  test.each(resolveCases)("resolveRef: $name", async ({ given, want }) => {
    const spec = await loadSpec(fixture("multi/root.yaml"));
    expect(spec.resolveRef(given.ref, fixture(given.from))).toEqual({
      ...want,
      file: fixture(want.file),
    });
  });

  const unresolvedCases = [
    { name: "missing pointer", ref: "#/components/schemas/Nope" },
    { name: "missing file", ref: "nope.yaml" },
    { name: "remote", ref: "https://example.com/x.yaml" },
    { name: "outside the spec directory", ref: "../basic/petstore.yaml" },
    { name: "not a pointer", ref: "#Pet" },
  ];
  test.each(unresolvedCases)("resolveRef returns undefined: $name", async ({ ref }) => {
    const spec = await loadSpec(fixture("multi/root.yaml"));
    expect(spec.resolveRef(ref, spec.file)).toBeUndefined();
  });
});
