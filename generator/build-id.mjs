// Build step, the last one: dist/build-id, one hash of the built generator (its bundle, the
// precompiled templates and the compiled runtime). The no-op check (output/up-to-date.ts) keys its
// record on it: reading one file there instead of hashing every built file on each run.
// dist/types is left out: the package's own declarations never change what a generation writes.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const dist = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), "dist");
const hash = createHash("sha256");
const files = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => path.relative(dist, path.join(entry.parentPath ?? entry.path, entry.name)))
  .filter((file) => !file.startsWith(`types${path.sep}`) && file !== "build-id")
  .map((file) => file.split(path.sep).join("/"))
  .sort();
for (const file of files)
  hash
    .update(file)
    .update("\0")
    .update(readFileSync(path.join(dist, file)));
writeFileSync(path.join(dist, "build-id"), `${hash.digest("hex")}\n`);
