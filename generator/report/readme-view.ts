// The view of a generated folder's README.md: how to use the client without installing anything,
// with examples made from this API's own operations, pollers and paginated lists.
import type { Api, Operation, Parameter } from "../model/api.js";
import { plainText } from "./plain-text.js";

export interface ReadmeView {
  apiName: string;
  /** `await client.x({ ... })` for a simple operation. */
  callExample: string;
  /** The same call as a standalone function: `await x(core, { ... })`; "" when there is none. */
  functionExample: string;
  /** The standalone function `functionExample` imports. */
  functionName: string;
  clientVar: string;
  defaultBaseUrl: string;
  factoryName: string;
  /** A plausible folder name for the import example. */
  folderName: string;
  hasPagination: boolean;
  hasPollers: boolean;
  operations: { call: string; route: string; summary: string }[];
  /** `for await` over the first paginated operation. */
  paginationExample: string;
  paginated: string[];
  pollers: string[];
  /** `await client.xAndWait(...)` / `client.waitForX(id)` for the first poller. */
  pollerExample: string;
  title: string;
  version: string;
}

export function readmeView(api: Api): ReadmeView {
  const clientVar = "client";
  // The spec may name its main workflows (x-clientgen-readme); else the simplest call and the first ones.
  const chosen = (id: string | undefined) => api.operations.find((op) => op.id === id);
  const featured = api.readmeExamples ?? {};
  const simple = chosen(featured.call) ?? [...api.operations].sort((a, b) => rank(a) - rank(b))[0];
  const paginatedOps = featuredFirst(
    api.operations.filter((op) => op.pagination),
    chosen(featured.list),
  );
  const lroOps = featuredFirst(
    api.operations.filter((op) => op.lro),
    chosen(featured.wait),
  );
  const poller = api.pollers[0];
  let pollerExample = "";
  if (lroOps.length > 0)
    pollerExample = `const result = await ${clientVar}.${lroOps[0].lro!.waitMethodName}(${args(lroOps[0])}, { timeoutMs: 10 * 60_000 });`;
  else if (poller)
    pollerExample = `const done = await ${clientVar}.waitFor${poller.name}("<id>", { onProgress: (status) => console.log(status) });`;
  return {
    apiName: api.name,
    callExample: simple ? `const result = await ${clientVar}.${simple.name}(${args(simple)});` : "",
    functionExample: simple
      ? `const result = await ${simple.name}(${["core", args(simple)].filter(Boolean).join(", ")});`
      : "",
    functionName: simple?.name ?? "",
    clientVar,
    defaultBaseUrl: plainText(JSON.stringify(api.servers[0]?.url ?? "")).slice(1, -1),
    factoryName: `create${api.name}Client`,
    folderName: api.name.toLowerCase(),
    hasPagination: paginatedOps.length > 0,
    hasPollers: api.pollers.length > 0,
    operations: api.operations.map((op) => ({
      call: `\`${op.name}\``,
      route: `\`${op.method} ${tableText(op.path)}\``,
      summary: tableText(op.summary ?? ""),
    })),
    paginationExample:
      paginatedOps.length > 0
        ? `for await (const item of ${clientVar}.${paginatedOps[0].name}(${args(paginatedOps[0], true)})) console.log(item);`
        : "",
    paginated: paginatedOps.map((op) => `\`${op.name}\``),
    pollers: [
      ...api.pollers.map((p) => `\`poll${p.name}\` / \`waitFor${p.name}\``),
      ...lroOps.map((op) => `\`${op.lro!.waitMethodName}\``),
    ],
    pollerExample,
    title: tableText(api.title),
    version: tableText(api.version),
  };
}

/** `ops` with `first` moved to the front when it is one of them. */
function featuredFirst(ops: Operation[], first: Operation | undefined): Operation[] {
  return first && ops.includes(first) ? [first, ...ops.filter((op) => op !== first)] : ops;
}

/** GET first, then fewest required arguments. */
function rank(op: Operation): number {
  return (
    (op.method === "GET" ? 0 : 100) +
    op.parameters.filter((p) => p.isRequired).length +
    (op.requestBody?.isRequired ? 10 : 0)
  );
}

/** The argument object with placeholder values for what is required. */
function args(op: Operation, isPaginated = false): string {
  const fields = op.parameters
    .filter((p) => p.isRequired)
    .map((p) => `${key(p.name)}: ${placeholder(p)}`);
  if (op.requestBody?.isRequired) fields.push("body: { /* ... */ }");
  if (fields.length === 0) return isPaginated || !hasRequiredArgs(op) ? "" : "{}";
  return `{ ${fields.join(", ")} }`;
}

function hasRequiredArgs(op: Operation): boolean {
  return op.parameters.some((p) => p.isRequired) || op.requestBody?.isRequired === true;
}

function placeholder(p: Parameter): string {
  const kind = p.schema.kind;
  if (kind === "integer" || kind === "number") return "1";
  if (kind === "boolean") return "true";
  if (kind === "enum" && p.schema.kind === "enum")
    return plainText(JSON.stringify(p.schema.values[0]));
  return plainText(JSON.stringify(`<${p.name}>`));
}

function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : plainText(JSON.stringify(name));
}

/** Spec text made safe for one Markdown table cell: one line, no pipes, no HTML, no backticks. */
function tableText(text: string): string {
  return plainText(text)
    .replace(/[|`\\]/g, (c) => `\\${c}`)
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}
