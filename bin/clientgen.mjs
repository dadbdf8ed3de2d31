#!/usr/bin/env node
// The clientgen command: runs the prebuilt generator in dist/ (built by `prepare` into the packed
// tarball, so an install never builds). Only in a git checkout of clientgen itself, never under
// node_modules, is the bundle rebuilt first when a source is newer. Any failure of our own exits
// 2: 1 means "stale".
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

function internalError(message) {
  process.stderr.write(`clientgen: internal error: ${message}\n`);
  process.exitCode = 2;
}

const isCheckout =
  existsSync(path.join(root, ".git")) && !root.split(path.sep).includes("node_modules");
const sources = [path.join(root, "generator"), path.join(root, "templates", "runtime")];
let isReady = true;
if (isCheckout && existsSync(sources[0])) {
  try {
    if (!existsSync(bundle) || Math.max(...sources.map(newestSource)) > statSync(bundle).mtimeMs) {
      // Loaded only here: child_process costs every other run a few milliseconds to load.
      const { execSync } = await import("node:child_process");
      execSync("npm run -s build", { cwd: root, stdio: "inherit" });
    }
  } catch (error) {
    isReady = false;
    internalError(
      `rebuilding dist/ from the sources failed (${error instanceof Error ? error.message : String(error)})`,
    );
  }
} else if (!existsSync(bundle)) {
  isReady = false;
  internalError(
    `${bundle} is missing: this copy of clientgen was installed without its build (reinstall it from the registry or a packed tarball)`,
  );
}

if (isReady) {
  try {
    const { main } = await import(bundle);
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    internalError(error instanceof Error ? error.stack : String(error));
  }
}
