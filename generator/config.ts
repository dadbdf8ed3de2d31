// The config file and CLI flags -> one resolved list of APIs to generate, every default explicit.
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";

export interface ApiConfig {
  /** Client name (PascalCase); from the spec's title when absent. */
  name?: string;
  /** Output folder. */
  output: string;
  overlays: string[];
  spec: string;
}

export interface ResolvedConfig {
  apis: ApiConfig[];
  /** Where the config came from, for messages ("flags" when from --spec). */
  source: string;
}

export const defaultConfigFile = "clientgen.config.json";

const apiKeys = ["name", "output", "overlays", "spec"];

/** Read and check a config file; paths in it are relative to the file. Throws Error with a clear message. */
export function readConfig(file: string): ResolvedConfig {
  if (!existsSync(file)) throw new Error(`${file}: config file not found (pass --spec and --out, or create ${defaultConfigFile})`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  const base = path.dirname(file);
  if (typeof raw !== "object" || raw === null || !Array.isArray((raw as { apis?: unknown }).apis)) {
    throw new Error(`${file}: expected { "apis": [ { "spec", "output", ... } ] }`);
  }
  checkKeys(file, "", raw as Record<string, unknown>, ["$schema", "apis"]);
  const apis = (raw as { apis: unknown[] }).apis.map((entry, i) => {
    const where = `apis[${i}]`;
    if (typeof entry !== "object" || entry === null) throw new Error(`${file}: ${where} must be an object`);
    const api = entry as Record<string, unknown>;
    checkKeys(file, where, api, apiKeys);
    if (typeof api.spec !== "string") throw new Error(`${file}: ${where}.spec must be a path`);
    if (typeof api.output !== "string") throw new Error(`${file}: ${where}.output must be a path`);
    const overlays = api.overlays === undefined ? [] : api.overlays;
    if (!Array.isArray(overlays) || !overlays.every((o) => typeof o === "string")) {
      throw new Error(`${file}: ${where}.overlays must be a list of paths`);
    }
    return {
      name: typeof api.name === "string" ? api.name : undefined,
      output: path.join(base, api.output),
      overlays: overlays.map((o) => path.join(base, o)),
      spec: path.join(base, api.spec),
    };
  });
  return { apis, source: file };
}

function checkKeys(file: string, where: string, value: Record<string, unknown>, known: string[]): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const suggestion = known.find((k) => k.toLowerCase() === key.toLowerCase() || k.startsWith(key.slice(0, 3)));
    const hint = suggestion ? `; did you mean "${suggestion}"?` : `; known keys: ${known.join(", ")}`;
    throw new Error(`${file}: unknown key "${where ? `${where}.` : ""}${key}"${hint}`);
  }
}
