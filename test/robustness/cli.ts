// The real CLI for the robustness suites: the bundle test/cli/helpers.ts builds, run from the
// repository root with the default format cache, and output trees read with their folders.
import * as path from "node:path";
import {
  buildCli,
  removeCli,
  runCli as runCliIn,
  readTree as readFiles,
  type CliRun,
} from "../cli/helpers.js";

export { buildCli, removeCli };

/** `clientgen <args>` from the repository root. */
export function runCli(args: string[]): Promise<CliRun> {
  return runCliIn(args, process.cwd(), {
    CLIENTGEN_CACHE_DIR: path.resolve("node_modules/.cache/clientgen"),
  });
}

/** Every file and folder under `dir`: a tree to compare byte for byte. */
export function readTree(dir: string): Record<string, string> {
  return readFiles(dir, { withDirectories: true });
}
