// The load stage: read the root, check its version, apply overlays, check every reachable $ref.
// Errors from every step are collected and thrown together; nothing is bundled or inlined.
import path from "node:path";
import { DiagnosticsError, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { applyOverlay } from "./apply-overlay.js";
import { collectRefs } from "./collect-refs.js";
import { detectVersion } from "./detect-version.js";
import { createDocumentStore, type DocumentStore } from "./document-store.js";
import type { LoadedSpec, LoadOptions } from "./loaded-spec.js";
import { createLocator } from "./locate.js";
import { toDiagnostic, type Problem } from "./problem.js";
import { readDocument } from "./read-document.js";
import { readOverlay } from "./read-overlay.js";
import { createRefResolver } from "./resolve-ref.js";

export type { LoadedSpec, LoadOptions, ResolvedRef } from "./loaded-spec.js";

/** Load the spec at `file` (and its overlays); throws DiagnosticsError listing every error found. */
export async function loadSpec(file: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const rootFile = path.resolve(file);
  const locate = createLocator();
  const store = createDocumentStore();
  const diagnostics: Diagnostic[] = [];
  const problems: Problem[] = [];
  const finish = () => [...diagnostics, ...problems.map((p) => toDiagnostic(p, locate))];

  const root = store.load(rootFile);
  if (!root.ok) throw new DiagnosticsError([root.diagnostic]);
  const detected = detectVersion(root.value, rootFile);
  problems.push(...detected.problems);
  if (!detected.version) throw new DiagnosticsError(sortDiagnostics(finish()));

  const overlayFiles = (options.overlays ?? []).map((f) => path.resolve(f));
  const overlaid = applyOverlays(store, rootFile, overlayFiles);
  diagnostics.push(...overlaid.diagnostics);
  problems.push(...overlaid.problems);

  const policy = { allowOutsideRefs: options.allowOutsideRefs ?? false, rootDir: path.dirname(rootFile) };
  const refs = collectRefs(store, rootFile, { ...policy, allowRemoteRefs: options.allowRemoteRefs ?? false });
  diagnostics.push(...refs.diagnostics);
  problems.push(...refs.problems);

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
    version: detected.version,
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
