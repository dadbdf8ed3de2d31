// Tools the host suite runs that the repository does not depend on (other TypeScript versions,
// other Node versions, Deno, Bun, tsx, webpack): installed from the npm registry on first use
// into node_modules/.cache/clientgen-hosts/<spec>, then reused.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";

const cacheRoot = path.resolve("node_modules/.cache/clientgen-hosts");

/** Install `packages` (npm specs) together into their own folder; returns its node_modules. */
export function installed(packages: string[]): string {
  const dir = path.join(cacheRoot, packages.join("+").replace(/[^\w.@+-]/g, "_"));
  const done = path.join(dir, ".installed");
  if (!existsSync(done)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify({ name: "hosts-tools", private: true }),
    );
    execFileSync(
      "npm",
      ["install", "--no-audit", "--no-fund", "--no-save", "--loglevel=error", ...packages],
      { cwd: dir, stdio: "inherit" },
    );
    writeFileSync(done, "");
  }
  return path.join(dir, "node_modules");
}

/** A command of an installed package: node_modules/.bin/<name>. */
export function binOf(packages: string[], name: string): string {
  return path.join(installed(packages), ".bin", name);
}
