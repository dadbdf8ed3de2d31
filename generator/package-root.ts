// The clientgen package folder (holding package.json, templates/ and dist/), found from wherever
// this code runs: generator/ sources, dist/clientgen.mjs or a dist/chunks/ file.
import { existsSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

export function packageRoot(): string {
  if (root === undefined) {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    while (!existsSync(path.join(dir, "templates", "client.ts.hbs")) && path.dirname(dir) !== dir)
      dir = path.dirname(dir);
    root = dir;
  }
  return root;
}
