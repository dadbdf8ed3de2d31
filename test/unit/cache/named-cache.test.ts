// One cache module, named sub-caches: an entry reads back what was written, a miss (or a broken
// cache folder) is undefined, and a write that cannot happen only costs speed.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { namedCache } from "../../../generator/cache/named-cache.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "clientgen-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

describe("namedCache", () => {
  it("keeps each sub-cache in its own folder under CLIENTGEN_CACHE_DIR; a miss is undefined", () => {
    vi.stubEnv("CLIENTGEN_CACHE_DIR", path.join(dir, "a"));
    const format = namedCache("format");
    expect(format.read("ab/abcdef")).toBeUndefined();
    format.write("ab/abcdef", "formatted text");
    namedCache("remote").write("spec.yaml", "openapi: 3.1.0\n");
    expect(format.read("ab/abcdef")).toBe("formatted text");
    expect(namedCache("config").read("ab/abcdef")).toBeUndefined();
    expect(format.file("ab/abcdef")).toBe(path.join(dir, "a", "format", "ab", "abcdef"));
    expect(readdirSync(path.join(dir, "a")).sort()).toEqual(["format", "remote"]);
    // Atomic: no temporary is left beside the entry.
    expect(readdirSync(path.join(dir, "a", "format", "ab"))).toEqual(["abcdef"]);
  });

  it("a cache that cannot be written is skipped, not an error", () => {
    const blocked = path.join(dir, "blocked");
    // A file where the cache folder should be: every write fails.
    writeFileSync(blocked, "not a folder");
    vi.stubEnv("CLIENTGEN_CACHE_DIR", blocked);
    const cache = namedCache("up-to-date");
    expect(() => cache.write("entry.json", "{}")).not.toThrow();
    expect(cache.read("entry.json")).toBeUndefined();
  });

  it("an unreadable entry is a miss", () => {
    if (process.getuid?.() === 0) return; // root reads everything
    vi.stubEnv("CLIENTGEN_CACHE_DIR", path.join(dir, "c"));
    const cache = namedCache("format");
    cache.write("x", "text");
    chmodSync(cache.file("x"), 0o000);
    expect(cache.read("x")).toBeUndefined();
    mkdirSync(path.join(dir, "c", "format", "y"), { recursive: true });
    expect(cache.read("y")).toBeUndefined();
  });
});
