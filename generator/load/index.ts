// The load stage: read the root, check its version, apply overlays, convert Swagger 2.0, check
// every reachable $ref.
// Errors from every step are collected and thrown together; nothing is bundled or inlined.
import path from "node:path";
import { DiagnosticsError, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { applyOverlay } from "./apply-overlay.js";
import { collectRefs } from "./collect-refs.js";
import { detectVersion } from "./detect-version.js";
import { createDocumentStore, type DocumentStore } from "./document-store.js";
import type { LoadedSpec, LoadOptions } from "./loaded-spec.js";
import { convertSwagger } from "./convert-swagger.js";
import { formatPointer, parsePointer } from "../shared/json-pointer.js";
import { createLocator, type Position } from "./locate.js";
import { toDiagnostic, type Problem } from "./problem.js";
import { readDocument } from "./read-document.js";
import { readOverlay } from "./read-overlay.js";
import { createRefResolver } from "./resolve-ref.js";
import { swaggerSegments } from "./swagger-pointer.js";

type Locate = (file: string, pointer: string) => Position;

export type { LoadedSpec, LoadOptions, ResolvedRef } from "./loaded-spec.js";

/** Load the spec at `file` (and its overlays); throws DiagnosticsError listing every error found. */
export async function loadSpec(file: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const rootFile = path.resolve(file);
  const store = createDocumentStore();
  let locate = createLocator(store.sources, store.jsonTexts);
  const diagnostics: Diagnostic[] = [];
  const problems: Problem[] = [];
  const finish = () => [...diagnostics, ...problems.map((p) => toDiagnostic(p, locate))];

  // An in-memory document (the programmatic API, unit tests) stands in for the root file: nothing is
  // read for it, and later stages only read it (overlays copy on write, conversion clones).
  if (options.document !== undefined) store.replace(rootFile, options.document);
  const root = store.load(rootFile);
  if (!root.ok) throw new DiagnosticsError([root.diagnostic]);
  const detected = detectVersion(root.value, rootFile);
  problems.push(...detected.problems);
  if (!detected.version) throw new DiagnosticsError(sortDiagnostics(finish()));

  // Overlays apply to the document as written (a 2.0 overlay targets `definitions`), conversion after.
  const overlayFiles = (options.overlays ?? []).map((f) => path.resolve(f));
  const overlaid = applyOverlays(store, rootFile, overlayFiles);
  diagnostics.push(...overlaid.diagnostics);
  problems.push(...overlaid.problems);

  const policy = {
    allowOutsideRefs: options.allowOutsideRefs ?? false,
    rootDir: path.dirname(rootFile),
  };
  const checkRefs = () => {
    const refs = collectRefs(store, rootFile, {
      ...policy,
      allowRemoteRefs: options.allowRemoteRefs ?? false,
    });
    diagnostics.push(...refs.diagnostics);
    problems.push(...refs.problems);
  };
  // Refs are checked in the document as written: a 2.0 converter drops some broken refs silently.
  checkRefs();

  let version: "3.0" | "3.1" = detected.version === "3.1" ? "3.1" : "3.0";
  if (detected.version === "2.0") {
    const soFar = sortDiagnostics(finish());
    if (soFar.some((d) => d.severity === "error")) throw new DiagnosticsError(soFar);
    const source = store.documents.get(rootFile) as Record<string, unknown>;
    const converted = await convertSwagger(source, rootFile);
    problems.push(...converted.problems);
    if (!converted.ok) throw new DiagnosticsError(sortDiagnostics(finish()));
    store.replace(rootFile, converted.document);
    locate = swaggerLocator(locate, rootFile, source, converted.document);
    version = "3.0";
    checkRefs();
  }

  const all = sortDiagnostics(finish());
  if (all.some((d) => d.severity === "error")) throw new DiagnosticsError(all);
  return {
    diagnostics: all,
    document: store.documents.get(rootFile) as Record<string, unknown>,
    documents: store.documents,
    file: rootFile,
    files: [...new Set([...store.readFiles, ...overlayFiles])].sort(),
    locate,
    resolveRef: createRefResolver(store, policy),
    version,
  };
}

/** Positions in a converted root: its pointers are mapped back to the Swagger 2.0 source first (swagger-pointer.ts). */
function swaggerLocator(
  locate: Locate,
  rootFile: string,
  source: unknown,
  converted: unknown,
): Locate {
  return (file, pointer) => {
    if (path.resolve(file) !== rootFile) return locate(file, pointer);
    return locate(
      file,
      formatPointer(swaggerSegments(source, converted, parsePointer(pointer) ?? [])),
    );
  };
}

/** Apply each overlay in order; the root in `store` is replaced by the result. */
function applyOverlays(store: DocumentStore, rootFile: string, overlayFiles: string[]) {
  const diagnostics: Diagnostic[] = [];
  const problems: Problem[] = [];
  let document = store.documents.get(rootFile) as Record<string, unknown>;
  for (const overlayFile of overlayFiles) {
    const read = readDocument(overlayFile);
    if (!read.ok) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    const overlay = readOverlay(read.value, overlayFile);
    problems.push(...overlay.problems);
    const applied = applyOverlay(document, overlay.actions, overlayFile);
    problems.push(...applied.problems);
    document = applied.document;
  }
  if (overlayFiles.length > 0) store.replace(rootFile, document);
  return { diagnostics, problems };
}
