#!/usr/bin/env node
// The clientgen command: runs the bundled generator (built by `npm run build`, also on install).
import { main } from "../dist/clientgen.mjs";

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A bug, not bad input; still exit 2 so that 1 keeps meaning "stale" for CI.
  process.stderr.write(`clientgen: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
}
