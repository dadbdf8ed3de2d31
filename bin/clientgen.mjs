#!/usr/bin/env node
// The clientgen command: runs the prebuilt generator in dist/ (built by `prepare` into the packed
// tarball, so an install never builds). Only in a git checkout of clientgen itself, never under
// node_modules, is the bundle rebuilt first when a source is newer. Any failure of our own exits
// 2: 1 means "stale".
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
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
const isStale = () =>
  !existsSync(bundle) || Math.max(...sources.map(newestSource)) > statSync(bundle).mtimeMs;

/**
 * Rebuilds dist/ once however many clientgen processes start together (a test suite generating
 * clients in parallel): the first to create the lock directory builds, the others wait for it to
 * go and check again. Without it every process ran its own build, each deleting the dist/ the
 * others were writing. A lock older than the longest build is a crashed builder's and is taken.
 */
async function rebuildIfStale() {
  const lock = path.join(root, ".build-lock");
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const STALE_LOCK_MS = 10 * 60_000;
  while (isStale()) {
    try {
      mkdirSync(lock);
    } catch (error) {
      if (error?.code !== "EEXIST") throw error;
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {}
      if (age > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(pause, 0, 0, 200);
      continue;
    }
    try {
      // Loaded only here: child_process costs every other run a few milliseconds to load.
      const { execSync } = await import("node:child_process");
      if (isStale()) execSync("npm run -s build", { cwd: root, stdio: "inherit" });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

function internalError(message) {
  process.stderr.write(`clientgen: internal error: ${message}\n`);
  process.exitCode = 2;
}

const isCheckout =
  existsSync(path.join(root, ".git")) && !root.split(path.sep).includes("node_modules");
let isReady = true;
if (isCheckout && existsSync(sources[0])) {
  try {
    await rebuildIfStale();
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
