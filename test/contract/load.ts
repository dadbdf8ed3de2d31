// Loads a contract spec exactly as the generator does (overlays applied), bundles it into one
// self-contained document (for openapi-sampler, which needs internal $refs only, and for Prism when
// overlays were applied), and provides the generated client folder.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { DiagnosticsError, formatDiagnostic } from "../../generator/diagnostics/diagnostic.js";
import { loadSpec, type LoadedSpec } from "../../generator/load/index.js";
import { generate } from "../../generator/pipeline.js";
import type { ContractSpec } from "./specs.js";

export const generatedRoot = path.resolve("test/contract/.generated");

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface PreparedSpec {
  /** The overlaid document with every $ref internal ("#/..."); external targets live under x-contract-bundle. */
  document: JsonObject;
  /** The file Prism serves: the original when no overlay applies, else the bundled overlaid document. */
  prismDocument: string;
  /** Folder holding index.ts, operations.ts and runtime/. */
  clientDir: string;
  /** Generator warnings (for the report). */
  warnings: number;
}

/** Loads, bundles and (for corpus specs) generates the client. */
export async function prepareSpec(spec: ContractSpec): Promise<PreparedSpec> {
  const work = path.join(generatedRoot, spec.key);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const loaded = await loadSpec(spec.spec, { overlays: spec.overlays });
  const document = bundle(loaded);
  let prismDocument = path.resolve(spec.spec);
  if (spec.overlays.length > 0) {
    prismDocument = path.join(work, "openapi.json");
    writeFileSync(prismDocument, JSON.stringify(document));
  }
  let clientDir: string;
  let warnings = 0;
  if (spec.committed) {
    clientDir = path.resolve(spec.committed);
  } else {
    clientDir = path.join(work, "client");
    let result;
    try {
      result = await generate({ spec: spec.spec, overlays: spec.overlays, name: spec.name });
    } catch (error) {
      if (error instanceof DiagnosticsError)
        throw new Error(error.diagnostics.map(formatDiagnostic).join("\n"));
      throw error;
    }
    warnings = result.diagnostics.length;
    for (const file of result.files) {
      const target = path.join(clientDir, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.text);
    }
  }
  return { document, prismDocument, clientDir, warnings };
}

/** One document with only internal refs: targets in other files are copied under #/x-contract-bundle. */
export function bundle(loaded: LoadedSpec): JsonObject {
  const extras: Record<string, Json> = {};
  const keys = new Map<string, string>();
  const rewrite = (value: unknown, file: string): Json => {
    if (Array.isArray(value)) return value.map((item) => rewrite(item, file));
    if (value !== null && typeof value === "object") {
      const out: JsonObject = {};
      for (const [key, item] of Object.entries(value)) {
        out[key] =
          key === "$ref" && typeof item === "string" ? refTarget(item, file) : rewrite(item, file);
      }
      return out;
    }
    return value as Json;
  };
  const refTarget = (ref: string, fromFile: string): string => {
    const resolved = loaded.resolveRef(ref, fromFile);
    if (!resolved) return ref;
    if (resolved.file === loaded.file) return resolved.pointer;
    const id = `${resolved.file}${resolved.pointer}`;
    let key = keys.get(id);
    if (key === undefined) {
      key = `r${keys.size}`;
      keys.set(id, key);
      extras[key] = null;
      extras[key] = rewrite(resolved.value, resolved.file);
    }
    return `#/x-contract-bundle/${key}`;
  };
  const document = rewrite(loaded.document, loaded.file) as JsonObject;
  if (keys.size > 0) document["x-contract-bundle"] = extras;
  inlinePropertyMapRefs(document);
  return document;
}

/**
 * `properties: {$ref: ...}` (DigitalOcean): JSON Reference semantics, as Prism reads it, make the
 * whole map the target; openapi-sampler would see one property named "$ref".
 */
function inlinePropertyMapRefs(document: JsonObject): void {
  const seen = new Set<object>();
  const walk = (node: Json): void => {
    if (node === null || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach(walk);
    const properties = node.properties;
    if (
      properties &&
      typeof properties === "object" &&
      !Array.isArray(properties) &&
      Object.keys(properties).length === 1 &&
      typeof properties.$ref === "string"
    ) {
      node.properties = deref<Json>(document, properties);
    }
    Object.values(node).forEach(walk);
  };
  walk(document);
}

/**
 * The document without any `example`/`examples` (keys of a `properties` map are kept): the
 * sampler then builds values from the schemas alone, for when a document's examples are wrong.
 */
export function withoutExamples(document: JsonObject): JsonObject {
  const copy = (node: Json, isPropertyMap: boolean): Json => {
    if (Array.isArray(node)) return node.map((item) => copy(item, false));
    if (node === null || typeof node !== "object") return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (!isPropertyMap && (key === "example" || key === "examples")) continue;
      out[key] = copy(
        value,
        !isPropertyMap && (key === "properties" || key === "patternProperties"),
      );
    }
    return out;
  };
  return copy(document, false) as JsonObject;
}

/** Follows `$ref`s inside a bundled document. */
export function deref<T = unknown>(document: JsonObject, value: unknown, depth = 0): T {
  if (
    depth < 50 &&
    value !== null &&
    typeof value === "object" &&
    typeof (value as { $ref?: unknown }).$ref === "string"
  ) {
    const ref = (value as { $ref: string }).$ref;
    if (!ref.startsWith("#")) return value as T;
    let node: unknown = document;
    for (const raw of ref.slice(2).split("/")) {
      if (raw === "" && ref === "#/") break;
      const segment = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
      node =
        node !== null && typeof node === "object"
          ? (node as Record<string, unknown>)[segment]
          : undefined;
    }
    return deref<T>(document, node, depth + 1);
  }
  return value as T;
}
