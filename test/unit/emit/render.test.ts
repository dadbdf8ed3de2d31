// Templates render their views as the file they show: partials for repeated blocks, strict fields.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { createRenderer, render, templatesDir } from "../../../generator/emit/render.js";

describe("index.ts.hbs", () => {
  it("exports the client under its former names, and breaks a long export list one name per line", () => {
    const view = {
      aliases: ["OldPets"],
      clientName: "PetsClient",
      coreFactoryName: "createPetsCore",
      coreName: "PetsCore",
      factoryName: "createPetsClient",
      hasTypes: false,
      header: "// header",
      runtimeExports: [
        { from: '"./runtime/a.js"', isInline: true, keyword: "export", names: ["A", "B"] },
        { from: '"./runtime/b.js"', isInline: false, keyword: "export type", names: ["C", "D"] },
      ],
    };
    expect(render("index.ts.hbs", view)).toBe(
      [
        "// header",
        'export { createPetsClient } from "./client.js";',
        'export type { PetsClient } from "./client.js";',
        'export { createPetsCore } from "./core.js";',
        'export type { PetsCore } from "./core.js";',
        'export { createPetsClient as createOldPetsClient } from "./client.js";',
        'export type { PetsClient as OldPetsClient } from "./client.js";',
        'export type * from "./operations.js";',
        'export { A, B } from "./runtime/a.js";',
        "export type {",
        "  C,",
        "  D,",
        '} from "./runtime/b.js";',
        "",
      ].join("\n"),
    );
  });

  it("refuses a view without a field the template uses", () => {
    expect(() => render("index.ts.hbs", { header: "//" })).toThrow(
      /index\.ts\.hbs:\d+:\d+: template failed to render: "factoryName" not defined/,
    );
  });
});

describe("createRenderer", () => {
  it("names the partial, with line and column, when a field its view lacks is used there", () => {
    const view = {
      constants: [{ keyword: "export const", name: "a", type: "T" }],
      header: "",
      noCheck: "",
      runtimeTypes: "",
    };
    expect(() => render("descriptors.ts.hbs", view)).toThrow(
      /partials\/descriptor\.hbs:1:\d+: template failed to render: "literal" not defined/,
    );
  });
});

describe("descriptors.ts.hbs", () => {
  it("lists each constant, shared values unexported, after the runtime types it uses", () => {
    const view = {
      constants: [
        { keyword: "const", literal: '["5XX"]', name: "codes_1", type: 'OperationSpec["codes"]' },
        {
          keyword: "export const",
          literal: '{\n  id: "a",\n}',
          name: "getA",
          type: "OperationSpec",
        },
        { keyword: "export const", literal: '{ id: "b" }', name: "getB", type: "OperationSpec" },
      ],
      header: "// header",
      noCheck: "// @ts-nocheck",
      runtimeTypes: "OperationSpec",
    };
    expect(render("descriptors.ts.hbs", view)).toBe(
      [
        "// header",
        "// @ts-nocheck",
        'import type { OperationSpec } from "./runtime/types.js";',
        "",
        'const codes_1: OperationSpec["codes"] = ["5XX"];',
        "",
        "export const getA: OperationSpec = {",
        '  id: "a",',
        "};",
        "",
        'export const getB: OperationSpec = { id: "b" };',
        "",
      ].join("\n"),
    );
  });
});

describe("precompiled templates (dist/templates.cjs)", () => {
  it("render what compiling the same files renders", () => {
    // A templates directory holding copies of ours: overrides are always compiled from their files.
    const dir = mkdtempSync(path.join(os.tmpdir(), "clientgen-templates-"));
    try {
      cpSync(templatesDir, dir, { recursive: true });
      const view = {
        aliases: [],
        clientName: "PetsClient",
        coreFactoryName: "createPetsCore",
        coreName: "PetsCore",
        factoryName: "createPetsClient",
        hasTypes: true,
        header: "// header",
        runtimeExports: [
          { from: '"./runtime/a.js"', isInline: true, keyword: "export", names: ["A"] },
        ],
      };
      expect(createRenderer().render("index.ts.hbs", view)).toBe(
        createRenderer(dir).render("index.ts.hbs", view),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
