// Our templates come precompiled (dist/templates.cjs, `npm run build`): rendering them loads
// Handlebars' runtime alone. The compiler (most of Handlebars' load time) comes in only for a
// template that must be compiled, such as a user's override. Its own file: Node's module cache is
// per process, and vitest runs each test file in its own.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { createRenderer, render, templatesDir } from "../../../generator/emit/render.js";

const require = createRequire(import.meta.url);
const isCompilerLoaded = () =>
  Object.keys(require.cache).some((file) => /handlebars[/\\]compiler[/\\]/.test(file));

describe("the Handlebars compiler", () => {
  it("is loaded only when a template must be compiled", () => {
    const view = { header: "// header", noCheck: "", constants: [], runtimeTypes: "" };
    const ours = render("descriptors.ts.hbs", view);
    expect(isCompilerLoaded(), "our templates compiled: is dist/ built (npm run build)?").toBe(
      false,
    );
    const dir = mkdtempSync(path.join(os.tmpdir(), "clientgen-templates-"));
    try {
      cpSync(templatesDir, dir, { recursive: true });
      expect(createRenderer(dir).render("descriptors.ts.hbs", view)).toBe(ours);
      expect(isCompilerLoaded()).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
