#!/usr/bin/env node
// The clientgen command: runs the bundled generator (dist/, built by `npm run build`, also on
// install). Inside the clientgen repo it rebuilds the bundle first when a source is newer.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as path from "node:path";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bundle = path.join(root, "dist", "clientgen.mjs");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const sources = [path.join(root, "generator"), path.join(root, "templates", "runtime")];
const isStale = () => Math.max(...sources.map(newestSource)) > statSync(bundle).mtimeMs;
if (existsSync(sources[0]) && (!existsSync(bundle) || isStale())) {
  execSync("npm run -s build", { cwd: root, stdio: "inherit" });
}

try {
  const { main } = await import(bundle);
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A bug, not bad input; still exit 2 so that 1 keeps meaning "stale" for CI.
  process.stderr.write(`clientgen: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
}
