// dist/build-id stands for the built generator in the no-op check's key (output/up-to-date.ts):
// it must change with anything built that changes a generation, and only with that. The script
// runs on a copy of itself beside a small dist/, never on the checkout's own build.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = mkdtempSync(path.join(os.tmpdir(), "clientgen-build-id-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(path.join(root, "generator"));
copyFileSync(
  path.resolve(import.meta.dirname, "../../../generator/build-id.mjs"),
  path.join(root, "generator", "build-id.mjs"),
);

/** Writes `files` into dist/ (relative paths), runs the build step, returns the id it wrote. */
function buildId(files: Record<string, string>): string {
  rmSync(path.join(root, "dist"), { recursive: true, force: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, "dist", file)), { recursive: true });
    writeFileSync(path.join(root, "dist", file), text);
  }
  execFileSync(process.execPath, [path.join(root, "generator", "build-id.mjs")]);
  return readFileSync(path.join(root, "dist", "build-id"), "utf8").trim();
}

const built = {
  "clientgen.mjs": "main",
  "chunks/emit-1.mjs": "emit",
  "runtime/auth.js": "auth",
  "templates.cjs": "templates",
  "types/index.d.ts": "declarations",
};

describe("dist/build-id", () => {
  it("is the same for the same build, written again over its own id", () => {
    const id = buildId(built);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(buildId(built)).toBe(id);
    expect(buildId({ ...built, "build-id": "stale" })).toBe(id);
  });

  it("changes with a built file's content or name, a chunk, or the runtime", () => {
    const id = buildId(built);
    expect(buildId({ ...built, "chunks/emit-1.mjs": "emit2" })).not.toBe(id);
    expect(buildId({ ...built, "runtime/auth.js": "auth2" })).not.toBe(id);
    const { "chunks/emit-1.mjs": emit, ...rest } = built;
    expect(buildId({ ...rest, "chunks/emit-2.mjs": emit })).not.toBe(id);
  });

  it("leaves out the package's own declarations, which never change a generation", () => {
    expect(buildId({ ...built, "types/index.d.ts": "other" })).toBe(buildId(built));
  });
});
