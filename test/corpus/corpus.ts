// The public spec corpus (../shared/corpus/specs): every OpenAPI 3.x root document in it.
import { existsSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";

export const corpusDir = path.resolve("../shared/corpus/specs");

/** Files that are only pieces of another document (referenced, never a root). */
const partials = new Set(["external-shared.json", "_parameters-test-partial.yaml"]);

/** Root documents of the corpus, relative to corpusDir, sorted; the multi-file DigitalOcean spec by its root only. */
export function corpusSpecs(): string[] {
  if (!existsSync(corpusDir)) return [];
  const found: string[] = [];
  const walk = (dir: string, rel: string, depth: number): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const relName = rel ? `${rel}/${name}` : name;
      if (statSync(full).isDirectory()) {
        if (name === "digital-ocean-api") found.push(`${relName}/DigitalOcean-public.v2.yaml`);
        else if (depth < 2) walk(full, relName, depth + 1);
      } else if (/\.(ya?ml|json)$/.test(name) && !partials.has(name)) found.push(relName);
    }
  };
  walk(corpusDir, "", 0);
  return found;
}
