// Pointer -> line and column, computed only when a diagnostic needs one. A YAML file the loader
// parsed comes with the map of its nodes recorded during that parse (yaml-source-map.ts); any
// other YAML file is parsed here, once. JSON is walked along the pointer (locate-json.ts), which
// is much faster on large files than keeping positions while parsing.
import path from "node:path";
import yaml from "js-yaml";
import { parsePointer } from "../shared/json-pointer.js";
import { locateInJson, type JsonSteps } from "./locate-json.js";
import { readRegularFile } from "./read-regular-file.js";
import { OPENAPI_YAML_SCHEMA } from "./yaml-schema.js";
import {
  lineStartsOf,
  locateInYaml,
  recordYamlSource,
  type YamlSourceMap,
} from "./yaml-source-map.js";

export interface Position {
  col: number;
  line: number;
}

/** Where a file's nodes are; `undefined` map: the YAML did not parse. */
type Source =
  { json: string; lineStarts: number[]; steps: JsonSteps } | { yaml: YamlSourceMap | undefined };

/** Unknown position, per the Diagnostic contract. */
const UNKNOWN: Position = { line: 0, col: 0 };

/**
 * A `locate(file, pointer)` with its own cache, starting from the maps of the YAML files already
 * parsed (`parsed`, by absolute path) and the texts of the JSON files already read (`jsonTexts`):
 * only a file the loader did not read is read here. A map entry is located at its key, an array item at the
 * item; a pointer that goes further than the source (overlay additions, merge results) is located
 * at the deepest node that exists.
 */
export function createLocator(
  parsed: ReadonlyMap<string, YamlSourceMap> = new Map(),
  jsonTexts: ReadonlyMap<string, string> = new Map(),
): (file: string, pointer: string) => Position {
  const cache = new Map<string, Source | undefined>();
  const sourceOf = (absolute: string): Source | undefined => {
    const known = parsed.get(absolute);
    if (known) return { yaml: known };
    const text = jsonTexts.get(absolute);
    return text === undefined ? readSource(absolute) : jsonSource(text);
  };
  return (file, pointer) => {
    const absolute = path.resolve(file);
    if (!cache.has(absolute)) cache.set(absolute, sourceOf(absolute));
    const source = cache.get(absolute);
    if (!source) return UNKNOWN;
    const segments = parsePointer(pointer) ?? [];
    if ("json" in source)
      return positionOf(source.lineStarts, locateInJson(source.json, segments, source.steps));
    const offset = source.yaml && locateInYaml(source.yaml, segments);
    if (offset === undefined) return segments.length === 0 ? { line: 1, col: 1 } : UNKNOWN;
    return positionOf(source.yaml!.lineStarts, offset);
  };
}

function readSource(absoluteFile: string): Source | undefined {
  let text: string;
  try {
    text = readRegularFile(absoluteFile);
  } catch {
    return undefined;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return isJson(absoluteFile, text) ? jsonSource(text) : { yaml: parseYaml(text) };
}

function jsonSource(text: string): Source {
  return { json: text, lineStarts: lineStartsOf(text), steps: new Map() };
}

/** As read-document.ts decides: a .json file, or any file that parses as JSON. */
function isJson(file: string, text: string): boolean {
  if (file.toLowerCase().endsWith(".json")) return true;
  if (!/^\s*[{[]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function parseYaml(text: string): YamlSourceMap | undefined {
  const recorder = recordYamlSource(text);
  try {
    // Tolerant: we only want offsets, whatever the loader thought of duplicates.
    yaml.load(text, {
      json: true,
      listener: recorder.listener,
      schema: OPENAPI_YAML_SCHEMA,
    } as yaml.LoadOptions);
  } catch {
    return undefined;
  }
  return recorder.finish();
}

function positionOf(starts: number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, col: offset - starts[low] + 1 };
}
