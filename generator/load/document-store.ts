// Every spec file is read and parsed at most once per load, however many $refs point into it.
import type { ReadResult } from "./read-document.js";
import { readDocument } from "./read-document.js";
import type { YamlSourceMap } from "./yaml-source-map.js";

/** Parsed documents by absolute path; failures are cached too, so each is reported once. */
export interface DocumentStore {
  /** Successfully parsed documents, the root included. */
  readonly documents: Map<string, unknown>;
  /** Read (or cached) result for an absolute path. */
  load(absoluteFile: string): ReadResult;
  /** Every file that was read, parsed or not. */
  readonly readFiles: Set<string>;
  /** Swap in a new value for a parsed document (the root after overlays). */
  replace(absoluteFile: string, value: unknown): void;
  /** Where the nodes of each YAML file read are: positions for diagnostics, without a second parse. */
  readonly sources: Map<string, YamlSourceMap>;
  /** The text of each JSON file read, which locate.ts walks for a position: no second read. */
  readonly jsonTexts: Map<string, string>;
}

/** An empty store; `load` fills it on demand. */
export function createDocumentStore(): DocumentStore {
  const results = new Map<string, ReadResult>();
  const documents = new Map<string, unknown>();
  const readFiles = new Set<string>();
  const sources = new Map<string, YamlSourceMap>();
  const jsonTexts = new Map<string, string>();
  return {
    documents,
    readFiles,
    sources,
    jsonTexts,
    load(absoluteFile) {
      let result = results.get(absoluteFile);
      if (!result) {
        result = readDocument(absoluteFile);
        results.set(absoluteFile, result);
        if (result.ok) documents.set(absoluteFile, result.value);
        if (result.ok && result.source) sources.set(absoluteFile, result.source);
        if (result.ok && result.jsonText !== undefined)
          jsonTexts.set(absoluteFile, result.jsonText);
        if (result.ok || !result.isMissing) readFiles.add(absoluteFile);
      }
      return result;
    },
    replace(absoluteFile, value) {
      results.set(absoluteFile, { ok: true, value });
      documents.set(absoluteFile, value);
    },
  };
}
