// The generator's own version (package.json), recorded in every client's manifest.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { packageRoot } from "./package-root.js";

let cached: string | undefined;

/** package.json beside generator/ or dist/ (both sit in the package root). */
export function generatorVersion(): string {
  if (cached === undefined) {
    const root = packageRoot();
    try {
      cached = String(
        (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version?: unknown })
          .version ?? "0.0.0",
      );
    } catch {
      cached = "0.0.0";
    }
  }
  return cached;
}
