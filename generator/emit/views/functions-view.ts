// The view of functions.ts: one standalone function per client method, taking the client core
// first. Each names only its own descriptors and the runtime entry point it needs, so a bundler
// keeps what a page calls and drops the rest; the client object (client.ts) is built from them,
// and its interface derived from their declarations, so their doc comments are the methods' docs.
import type { Api } from "../../model/api.js";
import { clientMethodsOf, type MethodParts } from "./client-view.js";
import {
  argumentList,
  fitsOneLine,
  flatGeneric,
  methodSignature,
  type GenericType,
} from "./layout.js";
import { unsureMark } from "./type-expression.js";

/** Runtime entry points by module; functions.ts imports those it calls as `$<name>`. */
const runtimeModules: Record<string, string> = {
  openChannel: "./runtime/call-channel.js",
  paginate: "./runtime/call-paginate.js",
  pollerFor: "./runtime/call-lro.js",
  requestStream: "./runtime/call-stream.js",
  resumePoller: "./runtime/call-lro.js",
  startAndPaginate: "./runtime/call-url-lro.js",
  startAndWait: "./runtime/call-lro.js",
  startAndWaitAtUrl: "./runtime/call-url-lro.js",
  waitFor: "./runtime/call-lro.js",
  waitForTarget: "./runtime/call-lro.js",
};

/** Runtime types a signature may name, and their modules. */
const runtimeTypeModules: Record<string, string> = {
  ApiPromise: "./runtime/response-meta.js",
  Channel: "./runtime/channel.js",
  ChannelOptions: "./runtime/types.js",
  EventStream: "./runtime/event-stream.js",
  LroOutcome: "./runtime/lro-outcome.js",
  PagePromise: "./runtime/paginate.js",
  PaginationOptions: "./runtime/types.js",
  PollOptions: "./runtime/types.js",
  Poller: "./runtime/poller.js",
  RequestOptions: "./runtime/types.js",
  StreamOptions: "./runtime/types.js",
};

/** One `import { a, b } from "m";` line. */
export interface ImportLine {
  text: string;
}

export interface FunctionsView {
  coreName: string;
  /** Functions, each its doc, overloads and body laid out as prettier prints them. */
  functions: string[];
  hasTypes: boolean;
  hasFunctions: boolean;
  /** `import { x as $x } from ...` and `import type { ... } from ...`, sorted by module. */
  imports: ImportLine[];
}

export function functionsView(api: Api): FunctionsView {
  const { methods, names } = clientMethodsOf(api);
  const coreName = `${api.name}Core`;
  const functions = methods.map((m) => standaloneFunction(m, coreName));
  return {
    coreName,
    functions,
    hasTypes: names.isUsed(),
    hasFunctions: methods.length > 0,
    imports: importsOf(methods),
  };
}

function standaloneFunction(m: MethodParts, coreName: string): string {
  const core = `core: ${coreName}`;
  const head = `export function ${m.name}`;
  const signature = (
    parameters: string[],
    returnType: string | GenericType,
    end: string,
  ): string => {
    const text = methodSignature(0, head, [core, ...parameters], returnType, end);
    // An inline handler type is laid out by prettier, not here.
    return m.isLaidOutByPrettier && !text.startsWith(unsureMark) ? `${unsureMark}${text}` : text;
  };
  const overloads = m.overloads
    ? [...m.overloads, m].map((s) => signature(s.parameters, s.returnType, ";"))
    : [];
  const callee = m.call.runtime === undefined ? "core.request" : `$${m.call.runtime}`;
  const args = m.call.runtime === undefined ? m.call.args : ["core", ...m.call.args];
  const body = argumentList(2, `return ${callee}`, [...args], ";");
  const lines = [m.doc, ...overloads, signature(m.parameters, m.returnType, " {"), body, "}"];
  return lines.filter((l) => l !== "").join("\n");
}

/** The runtime functions and types the file's text uses, one import line per module. */
function importsOf(methods: MethodParts[]): ImportLine[] {
  const text = methods
    .flatMap((m) => [m, ...(m.overloads ?? [])])
    .map((s) => {
      const returnType =
        typeof s.returnType === "string" ? s.returnType : flatGeneric(s.returnType);
      return `${s.parameters.join(", ")} ${returnType}`;
    })
    .join("\n");
  const byModule = new Map<string, { values: Set<string>; types: Set<string> }>();
  const entry = (module: string) => {
    let found = byModule.get(module);
    if (!found) byModule.set(module, (found = { values: new Set(), types: new Set() }));
    return found;
  };
  for (const m of methods) {
    if (m.call.runtime !== undefined)
      entry(runtimeModules[m.call.runtime]).values.add(m.call.runtime);
  }
  for (const [name, module] of Object.entries(runtimeTypeModules)) {
    if (new RegExp(`\\b${name}\\b`).test(text)) entry(module).types.add(name);
  }
  const lines: ImportLine[] = [];
  for (const module of [...byModule.keys()].sort()) {
    const { values, types } = byModule.get(module)!;
    if (values.size > 0) {
      const names = [...values].sort().map((v) => `${v} as $${v}`);
      lines.push({ text: importLine("import", names, module) });
    }
    if (types.size > 0) lines.push({ text: importLine("import type", [...types].sort(), module) });
  }
  return lines;
}

/** `keyword { a, b } from "module";`, one name per line when it does not fit (as prettier prints it). */
function importLine(keyword: string, names: string[], module: string): string {
  const line = `${keyword} { ${names.join(", ")} } from "${module}";`;
  if (fitsOneLine(line)) return line;
  return `${keyword} {\n${names.map((n) => `  ${n},`).join("\n")}\n} from "${module}";`;
}
