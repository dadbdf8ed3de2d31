// The command line: its options, its usage text, and flags -> the APIs to run with their options.
import { parseArgs } from "node:util";
import { closest, configFileNames } from "../config.js";
import { whyNotSilenceable } from "../diagnostics/codes.js";
import { defaultOptions, type OutputOptions } from "../options.js";

export const usage = `Usage:
  clientgen generate [--config <file>] [--api <name>]... [options]
  clientgen generate --spec <file|url> --out <dir> [--overlay <file>]... [--name <Api>] [options]
  clientgen verify <dir>...
  clientgen --version

  -i, --input <file|url> is --spec; -o, --output <dir> is --out; -c is --config; -h is --help

generate options:
  --check               compare with the output folders instead of writing; exit 1 when stale (CI)
  --watch               regenerate an API when its spec, overlays, referenced files, the config
                        or a template change; errors are printed and the old output kept
  --fail-on-breaking    exit 1 when the client changes in a way that breaks callers
  --emit <ts|js>        ESM TypeScript (default), or ESM JavaScript with .d.ts declarations
  --import-extension <js|ts>
                        what relative imports end in: .js (default; tsc, bundlers) or .ts
                        (Node type stripping, Deno)
  --include-tag <tag>   keep only operations with one of these tags (repeatable)
  --exclude-tag <tag>   leave out operations with one of these tags (repeatable)
  --include-path <p>    keep only operations whose path matches (* = one segment, ** = any)
  --exclude-path <p>    leave out operations whose path matches
  --allow-url           let the spec be an http(s) URL
  --allow-outside-refs  let $refs read files outside the spec's folder
  --heuristics          guess pollers and pagination from names (each guess is reported)
  --dates               date-time strings as Date in the client (revived in responses)
  --silence <CODE>      do not report this warning code (repeatable; docs/diagnostics.md)
  --templates <dir>     templates replacing clientgen's own by file name (client.ts.hbs,
                        partials/descriptor.hbs, ...; see README "Templates")
  --api <name>          only this API of the config (its name or output folder; repeatable)
  --verbose             timings per stage; every warning (else grouped per code and file)
  --json                one JSON document on stdout instead of text

Config: --config <file>, else the first of ${configFileNames.join(", ")}.
Flags override the config's options for every API run.
Exit codes: 0 ok, 1 stale (--check), breaking (--fail-on-breaking) or edited (verify), 2 bad input.`;

const options = {
  "allow-outside-refs": { type: "boolean" },
  "allow-url": { type: "boolean" },
  api: { type: "string", multiple: true },
  check: { type: "boolean" },
  config: { type: "string", short: "c" },
  emit: { type: "string" },
  "exclude-path": { type: "string", multiple: true },
  "exclude-tag": { type: "string", multiple: true },
  "fail-on-breaking": { type: "boolean" },
  dates: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  heuristics: { type: "boolean" },
  "import-extension": { type: "string" },
  "include-path": { type: "string", multiple: true },
  "include-tag": { type: "string", multiple: true },
  json: { type: "boolean" },
  name: { type: "string" },
  out: { type: "string", short: "o" },
  overlay: { type: "string", multiple: true },
  silence: { type: "string", multiple: true },
  spec: { type: "string", short: "i" },
  templates: { type: "string" },
  verbose: { type: "boolean" },
  version: { type: "boolean", short: "v" },
  watch: { type: "boolean" },
} as const;

export type Flags = ReturnType<typeof parse>["values"];

/** Long spellings other generators use, accepted as the names they stand for. */
const longAliases: Record<string, string> = { "--input": "--spec", "--output": "--out" };

/** Parse argv; throws Error on an unknown option, naming the nearest known one. */
export function parse(argv: string[]) {
  const args = argv.map((arg) => {
    const [name, ...value] = arg.split("=");
    const alias = longAliases[name];
    return alias === undefined ? arg : [alias, ...value].join("=");
  });
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec((error as Error).message)?.[1];
    if (unknown === undefined) throw error;
    const suggestion = closest(unknown.replace(/^-+/, ""), [
      ...Object.keys(options),
      ...Object.keys(longAliases).map((a) => a.slice(2)),
    ]);
    throw new Error(
      `unknown option ${unknown}${suggestion ? `; did you mean --${suggestion}?` : ""}`,
    );
  }
}

/** The APIs a run covers: one from --spec, or the config's (narrowed by --api), with flags applied. */
export function selectApis(flags: Flags, fromConfig: OutputOptions[] | undefined): OutputOptions[] {
  if (flags.emit !== undefined && flags.emit !== "ts" && flags.emit !== "js")
    throw new Error(`--emit must be "ts" or "js", not "${flags.emit}"`);
  const importExtension = flags["import-extension"];
  if (importExtension !== undefined && importExtension !== "ts" && importExtension !== "js")
    throw new Error(`--import-extension must be "js" or "ts", not "${importExtension}"`);
  if (flags.spec !== undefined) {
    if (!flags.out) throw new Error("--spec needs --out <dir>");
    const api: OutputOptions = {
      ...defaultOptions,
      name: flags.name,
      output: flags.out,
      overlays: flags.overlay ?? [],
      spec: flags.spec,
    };
    return [withFlags(api, flags)];
  }
  let apis = fromConfig ?? [];
  if (flags.api) {
    const wanted = flags.api;
    const unknown = wanted.filter((w) => !apis.some((a) => matchesApi(a, w)));
    if (unknown.length > 0)
      throw new Error(
        `--api ${unknown[0]}: no such API in the config (have ${apis.map((a) => a.name ?? a.output).join(", ")})`,
      );
    apis = apis.filter((a) => wanted.some((w) => matchesApi(a, w)));
  }
  if (
    (flags.out !== undefined || flags.name !== undefined || flags.overlay !== undefined) &&
    apis.length !== 1
  ) {
    throw new Error(
      "--out, --name and --overlay need --spec, or a config with one API (choose it with --api)",
    );
  }
  return apis.map((api) =>
    withFlags(
      {
        ...api,
        name: flags.name ?? api.name,
        output: flags.out ?? api.output,
        overlays: flags.overlay ?? api.overlays,
      },
      flags,
    ),
  );
}

function matchesApi(api: OutputOptions, wanted: string): boolean {
  return (
    api.name === wanted ||
    api.output === wanted ||
    api.output.replace(/\\/g, "/").replace(/\/$/, "") ===
      wanted.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/$/, "")
  );
}

function withFlags(api: OutputOptions, flags: Flags): OutputOptions {
  const options: OutputOptions = { ...api };
  if (flags["allow-url"]) options.allowUrl = true;
  if (flags["allow-outside-refs"]) options.allowOutsideRefs = true;
  if (flags.heuristics) options.heuristics = true;
  if (flags.dates) options.dates = true;
  if (flags.emit) options.emit = flags.emit as "js" | "ts";
  if (flags["import-extension"]) options.importExtension = flags["import-extension"] as "js" | "ts";
  if (flags.templates !== undefined) options.templates = flags.templates;
  if (options.importExtension === "ts" && options.emit === "js")
    throw new Error("--import-extension ts is for TypeScript output; --emit js imports .js files");
  for (const [key, tags, paths] of [
    ["include", flags["include-tag"], flags["include-path"]],
    ["exclude", flags["exclude-tag"], flags["exclude-path"]],
  ] as const) {
    if (!tags && !paths) continue;
    options[key] = { ...options[key], ...(tags ? { tags } : {}), ...(paths ? { paths } : {}) };
  }
  if (flags.silence) {
    const codes = flags.silence.flatMap((s) => s.split(","));
    for (const code of codes) {
      const problem = whyNotSilenceable(code);
      if (problem !== undefined) throw new Error(`--silence: ${problem}`);
    }
    options.silence = [...new Set([...options.silence, ...codes])];
  }
  return options;
}
