// The config file -> one resolved options object per API (generator/options.ts), every default
// explicit; cli/args.ts applies the flags over them.
// clientgen.config.ts/.mts/.mjs/.js/.json/.yaml/.yml; only what a file's kind needs is loaded
// (JSON: nothing; YAML: js-yaml; TypeScript: jiti, whose transpiled output is cached by content).
import { existsSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { whyNotSilenceable } from "./diagnostics/codes.js";
import { defaultOptions, type OutputOptions } from "./options.js";
import { readRegularFile } from "./load/read-regular-file.js";

export interface ResolvedConfig {
  apis: OutputOptions[];
  /** The config file and every local file it imports (for --watch). */
  files: string[];
  /** Where the config came from, for messages ("flags" when from --spec). */
  source: string;
}

/** Searched in this order in the working directory when no --config is given. */
export const configFileNames = [
  "clientgen.config.ts",
  "clientgen.config.mts",
  "clientgen.config.mjs",
  "clientgen.config.js",
  "clientgen.config.json",
  "clientgen.config.yaml",
  "clientgen.config.yml",
];

export const defaultConfigFile = "clientgen.config.json";

const topKeys = ["$schema", "apis"];
const apiKeys = ["name", "options", "output", "overlays", "spec"];
const optionKeys = [
  "allowOutsideRefs",
  "allowUrl",
  "dates",
  "emit",
  "exclude",
  "heuristics",
  "importExtension",
  "include",
  "silence",
  "templates",
];
const filterKeys = ["paths", "tags"];

/** The first config file (in search order) in `dir`, or undefined. */
export function findConfigFile(dir = "."): string | undefined {
  return configFileNames.map((name) => path.join(dir, name)).find((file) => existsSync(file));
}

/** Read and check a JSON config file synchronously (paths in it are relative to the file). */
export function readConfig(file: string): ResolvedConfig {
  if (!existsSync(file))
    throw new Error(
      `${file}: config file not found (pass --spec and --out, or create ${defaultConfigFile})`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(readConfigText(file));
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  return checkConfig(raw, file, [path.resolve(file)]);
}

/** A config file's text; a named pipe or device is refused, as for specs (opening a FIFO would block forever). */
function readConfigText(file: string): string {
  try {
    return readRegularFile(file);
  } catch (error) {
    const { code, kind } = error as { code?: string; kind?: string };
    if (code === "ENOTREG")
      throw new Error(`${file}: the config file is ${kind}, not a regular file`);
    throw error;
  }
}

/** Load any kind of config file and check it. Throws Error with a clear message. */
export async function loadConfig(file: string): Promise<ResolvedConfig> {
  if (!existsSync(file))
    throw new Error(
      `${file}: config file not found (pass --spec and --out, or create one of ${configFileNames.join(", ")})`,
    );
  const ext = path.extname(file);
  if (ext === ".json") return readConfig(file);
  if (ext === ".yaml" || ext === ".yml") {
    const { default: yaml } = await import("js-yaml");
    let raw: unknown;
    try {
      raw = yaml.load(readConfigText(file), { schema: yaml.CORE_SCHEMA });
    } catch (error) {
      throw new Error(`${file}: not valid YAML: ${(error as Error).message.split("\n")[0]}`);
    }
    return checkConfig(raw, file, [path.resolve(file)]);
  }
  if (ext === ".ts" || ext === ".mts" || ext === ".mjs" || ext === ".js") {
    readConfigText(file);
    const loaded =
      ext === ".ts" || ext === ".mts"
        ? await (await import("./config/ts-module.js")).importTsConfig(path.resolve(file))
        : await importJsConfig(file);
    if (loaded.value === undefined)
      throw new Error(
        `${file}: no default export (write \`export default defineConfig({ apis: [...] })\`)`,
      );
    return checkConfig(loaded.value, file, loaded.files);
  }
  throw new Error(`${file}: unknown config file kind (use one of ${configFileNames.join(", ")})`);
}

async function importJsConfig(file: string): Promise<{ files: string[]; value: unknown }> {
  try {
    const mod = (await import(pathToFileURL(path.resolve(file)).href)) as { default?: unknown };
    return { files: [path.resolve(file)], value: mod.default };
  } catch (error) {
    throw new Error(`${file}: failed to run: ${(error as Error).message}`);
  }
}

/** Check a config value from any source; paths in it become relative to the config file's folder. */
export function checkConfig(raw: unknown, file: string, files: string[]): ResolvedConfig {
  if (typeof raw !== "object" || raw === null || !Array.isArray((raw as { apis?: unknown }).apis)) {
    throw new Error(`${file}: expected { "apis": [ { "spec", "output", ... } ] }`);
  }
  checkKeys(file, "", raw as Record<string, unknown>, topKeys);
  const base = path.dirname(file);
  const apis = (raw as { apis: unknown[] }).apis.map((entry, i) =>
    checkApi(file, `apis[${i}]`, entry, base),
  );
  return { apis, files, source: file };
}

function checkApi(file: string, where: string, entry: unknown, base: string): OutputOptions {
  const api = objectAt(file, where, entry);
  checkKeys(file, where, api, apiKeys);
  if (typeof api.spec !== "string") throw new Error(`${file}: ${where}.spec must be a path`);
  if (typeof api.output !== "string") throw new Error(`${file}: ${where}.output must be a path`);
  if (
    api.name !== undefined &&
    (typeof api.name !== "string" || !/^[A-Za-z_$][\w$]*$/.test(api.name))
  ) {
    throw new Error(`${file}: ${where}.name must be an identifier such as "Petstore"`);
  }
  const overlays = stringList(file, `${where}.overlays`, api.overlays ?? []);
  const options = checkOptions(file, `${where}.options`, api.options ?? {});
  if (options.templates !== undefined) options.templates = relativeTo(base, options.templates);
  const isUrl = /^https?:\/\//.test(api.spec);
  return {
    ...options,
    name: api.name as string | undefined,
    output: relativeTo(base, api.output),
    overlays: overlays.map((o) => relativeTo(base, o)),
    spec: isUrl ? api.spec : relativeTo(base, api.spec),
  };
}

/** A path of the config, from the config's folder; an absolute one as it is. */
function relativeTo(base: string, file: string): string {
  return path.isAbsolute(file) ? file : path.join(base, file);
}

/** The `options` of an API entry, checked, with every default filled in. */
function checkOptions(
  file: string,
  where: string,
  value: unknown,
): Omit<OutputOptions, "name" | "output" | "overlays" | "spec"> {
  const options = objectAt(file, where, value);
  checkKeys(file, where, options, optionKeys);
  for (const flag of ["allowOutsideRefs", "allowUrl", "dates", "heuristics"]) {
    if (options[flag] !== undefined && typeof options[flag] !== "boolean")
      throw new Error(`${file}: ${where}.${flag} must be true or false`);
  }
  if (options.emit !== undefined && options.emit !== "ts" && options.emit !== "js")
    throw new Error(`${file}: ${where}.emit must be "ts" or "js"`);
  if (
    options.importExtension !== undefined &&
    options.importExtension !== "ts" &&
    options.importExtension !== "js"
  )
    throw new Error(`${file}: ${where}.importExtension must be "js" or "ts"`);
  if (options.importExtension === "ts" && options.emit === "js")
    throw new Error(
      `${file}: ${where}.importExtension "ts" is for TypeScript output; JavaScript output imports .js files`,
    );
  const resolved = {
    ...defaultOptions,
    allowOutsideRefs: options.allowOutsideRefs === true,
    allowUrl: options.allowUrl === true,
    dates: options.dates === true,
    emit: (options.emit as "js" | "ts" | undefined) ?? defaultOptions.emit,
    heuristics: options.heuristics === true,
    importExtension:
      options.importExtension === "ts" ? ("ts" as const) : defaultOptions.importExtension,
    silence:
      options.silence === undefined ? [] : codeList(file, `${where}.silence`, options.silence),
  };
  if (options.templates !== undefined) {
    if (typeof options.templates !== "string" || options.templates === "")
      throw new Error(`${file}: ${where}.templates must be a folder path`);
    resolved.templates = options.templates;
  }
  for (const key of ["exclude", "include"] as const) {
    if (options[key] === undefined) continue;
    const filter = objectAt(file, `${where}.${key}`, options[key]);
    checkKeys(file, `${where}.${key}`, filter, filterKeys);
    resolved[key] = {
      ...(filter.paths !== undefined
        ? { paths: stringList(file, `${where}.${key}.paths`, filter.paths) }
        : {}),
      ...(filter.tags !== undefined
        ? { tags: stringList(file, `${where}.${key}.tags`, filter.tags) }
        : {}),
    };
  }
  return resolved;
}

/** Warning codes to silence: each one a known warning code. */
function codeList(file: string, where: string, value: unknown): string[] {
  const codes = stringList(file, where, value);
  for (const code of codes) {
    const problem = whyNotSilenceable(code);
    if (problem !== undefined) throw new Error(`${file}: ${where}: ${problem}`);
  }
  return codes;
}

function objectAt(file: string, where: string, value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error(`${file}: ${where} must be an object`);
  return value as Record<string, unknown>;
}

function stringList(file: string, where: string, value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string"))
    throw new Error(`${file}: ${where} must be a list of strings`);
  return value as string[];
}

function checkKeys(
  file: string,
  where: string,
  value: Record<string, unknown>,
  known: string[],
): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const suggestion = closest(key, known);
    const hint = suggestion
      ? `; did you mean "${suggestion}"?`
      : `; known keys: ${known.join(", ")}`;
    throw new Error(`${file}: unknown key "${where ? `${where}.` : ""}${key}"${hint}`);
  }
}

/** The known key nearest to `key` (case-insensitive edit distance at most 1 per 3 letters, at least 2), if any. */
export function closest(key: string, known: string[]): string | undefined {
  let best: { distance: number; key: string } | undefined;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { distance, key: candidate };
  }
  const allowed = Math.max(2, Math.floor(key.length / 3));
  if (best && best.distance <= allowed) return best.key;
  return known.find(
    (k) =>
      k.toLowerCase().startsWith(key.toLowerCase()) ||
      key.toLowerCase().startsWith(k.toLowerCase()),
  );
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        previous[j] + 1,
        row[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length];
}
