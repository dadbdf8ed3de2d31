// Test helper: run load + normalize on an in-memory document written to a temp file.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadSpec } from "../../generator/load/index.js";
import { normalize } from "../../generator/normalize/index.js";

export async function normalizeDocument(document: object, name = "Test") {
  const dir = mkdtempSync(path.join(os.tmpdir(), "clientgen-test-"));
  const file = path.join(dir, "spec.json");
  writeFileSync(file, JSON.stringify(document));
  try {
    return normalize(await loadSpec(file), name);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A minimal 3.1 document around some component schemas and paths. */
export function documentWith(parts: {
  schemas?: object;
  paths?: object;
  openapi?: string;
}): object {
  return {
    openapi: parts.openapi ?? "3.1.0",
    info: { title: "Test", version: "1" },
    paths: parts.paths ?? {},
    components: { schemas: parts.schemas ?? {} },
  };
}
