// Swagger 2.0 roots are converted to OpenAPI 3.0 with swagger2openapi, then loaded like any 3.0
// document. External `$ref`s are left as written (resolve: false): the referenced files are read
// by the usual ref walk, so multi-file 2.0 specs keep working as long as the referenced fragments
// are plain schemas (2.0 and 3.0 schemas differ only at the edges: `x-nullable`, `type: file`).
import { createRequire } from "node:module";
import { formatPointer } from "../shared/json-pointer.js";
import type { Problem } from "./problem.js";

interface ConvertOptions {
  patch: boolean;
  resolve: boolean;
  warnOnly: boolean;
  warnProperty: string;
}

interface Swagger2OpenApi {
  convertObj(document: unknown, options: ConvertOptions): Promise<{ openapi: Record<string, unknown> }>;
}

let converterModule: Swagger2OpenApi | undefined;

/** swagger2openapi (with its YAML and validation dependencies) costs ~100 ms to import: only 2.0 roots pay it. */
function loadConverter(): Swagger2OpenApi {
  converterModule ??= createRequire(import.meta.url)("swagger2openapi") as Swagger2OpenApi;
  return converterModule;
}

/** Where swagger2openapi leaves a note about something it could not convert cleanly (warnOnly mode). */
const WARNING_PROPERTY = "x-clientgen-swagger-warning";

export type ConvertedSwagger = { ok: true; document: Record<string, unknown>; problems: Problem[] } | { ok: false; problems: Problem[] };

/** Convert the Swagger 2.0 `document` (root at `file`, absolute) to OpenAPI 3.0; `document` is not modified. */
export async function convertSwagger(document: Record<string, unknown>, file: string): Promise<ConvertedSwagger> {
  let converted: Record<string, unknown>;
  const converter = loadConverter();
  // The converter console.warn()s the stack of any failure before rejecting: diagnostics are ours to print.
  const warn = console.warn;
  console.warn = () => {};
  try {
    // structuredClone: the converter is not documented to leave its input alone, and the store's copy must stay as read.
    const options = { patch: true, resolve: false, warnOnly: true, warnProperty: WARNING_PROPERTY };
    converted = (await converter.convertObj(withTsvMarked(withMsPaths(structuredClone(document))), options)).openapi;
  } catch (error) {
    const message = `cannot convert Swagger 2.0 to OpenAPI 3.0: ${(error as Error).message.split("\n")[0]}`;
    const hint = "fix the document, or convert it yourself and pass the OpenAPI 3 file";
    return { ok: false, problems: [{ code: "LOAD008", file, hint, message, pointer: "#", severity: "error" }] };
  } finally {
    console.warn = warn;
  }
  const problems: Problem[] = [
    {
      code: "LOAD006",
      file,
      hint: "pointers in other diagnostics refer to the converted document; line:col to the nearest source node",
      message: "Swagger 2.0 converted to OpenAPI 3.0",
      pointer: "#/swagger",
      severity: "warning",
    },
    ...converterWarnings(converted, file),
  ];
  keepNullNextLinkNames(document, converted);
  return { ok: true, document: converted, problems };
}

/**
 * Azure's `x-ms-paths` (paths that differ only in a query string, or that OpenAPI 2.0 would
 * reject) become ordinary paths: `/p?k=v` is `/p` with a required query parameter `k` fixed to
 * `v`. A path already in `paths` keeps its own definition.
 */
function withMsPaths(document: Record<string, unknown>): Record<string, unknown> {
  const extra = document["x-ms-paths"];
  if (!isRecord(extra)) return document;
  const paths: Record<string, unknown> = isRecord(document.paths) ? { ...document.paths } : {};
  for (const [key, item] of Object.entries(extra)) {
    const [path = key, query] = key.split("?", 2);
    if (path in paths || !isRecord(item)) continue;
    const constants = new URLSearchParams(query ?? "");
    const fixed = [...constants].map(([name, value]) => ({ name, in: "query", required: true, type: "string", enum: [value] }));
    paths[path] = fixed.length === 0 ? item : { ...item, parameters: [...(Array.isArray(item.parameters) ? item.parameters : []), ...fixed] };
  }
  const { "x-ms-paths": _merged, ...rest } = document;
  return { ...rest, paths };
}

/**
 * `collectionFormat: tsv` has no OpenAPI 3 style (the converter drops it with a warning): it goes
 * through as csv marked `x-clientgen-tsv`, which the parameter translator reads as tabDelimited.
 */
function withTsvMarked(document: Record<string, unknown>): Record<string, unknown> {
  const mark = (parameter: unknown): void => {
    if (isRecord(parameter) && parameter.collectionFormat === "tsv") {
      parameter.collectionFormat = "csv";
      parameter["x-clientgen-tsv"] = true;
    }
  };
  const lists: unknown[] = [isRecord(document.parameters) ? Object.values(document.parameters) : []];
  for (const item of Object.values(isRecord(document.paths) ? document.paths : {})) {
    if (!isRecord(item)) continue;
    lists.push(item.parameters);
    for (const operation of Object.values(item)) if (isRecord(operation)) lists.push(operation.parameters);
  }
  for (const list of lists) if (Array.isArray(list)) list.forEach(mark);
  return document;
}

/** swagger2openapi drops null values; `x-ms-pageable.nextLinkName: null` (one page only) must survive. */
function keepNullNextLinkNames(source: Record<string, unknown>, converted: Record<string, unknown>): void {
  const sourcePaths = { ...(isRecord(source["x-ms-paths"]) ? source["x-ms-paths"] : {}), ...(isRecord(source.paths) ? source.paths : {}) };
  const convertedPaths = isRecord(converted.paths) ? converted.paths : {};
  for (const [key, item] of Object.entries(sourcePaths)) {
    if (!isRecord(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      const pageable = isRecord(operation) ? operation["x-ms-pageable"] : undefined;
      if (!isRecord(pageable) || pageable.nextLinkName !== null) continue;
      const target = convertedPaths[key.split("?", 1)[0]!];
      const convertedPageable = isRecord(target) && isRecord(target[method]) ? target[method]["x-ms-pageable"] : undefined;
      if (isRecord(convertedPageable)) convertedPageable.nextLinkName = null;
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The notes swagger2openapi left in the converted document, as LOAD009 warnings. */
function converterWarnings(root: unknown, file: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<object>();
  const walk = (value: unknown, at: string[]): void => {
    if (value === null || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    for (const [key, child] of Object.entries(value)) {
      if (key === WARNING_PROPERTY && typeof child === "string") {
        const message = `Swagger 2.0 conversion: ${child}`;
        problems.push({ code: "LOAD009", file, hint: "check the generated type here", message, pointer: formatPointer(at), severity: "warning" });
      } else {
        walk(child, [...at, key]);
      }
    }
  };
  walk(root, []);
  return problems;
}
