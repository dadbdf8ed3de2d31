// The view of client.ts: one method per operation, plus paging, waiting and poller methods, each
// as an interface member and an implementation, laid out as prettier prints them.
import type { Api, Operation, Poller } from "../../model/api.js";
import { docComment } from "./doc-comment.js";
import { argumentList, indentLines, printWidth } from "./layout.js";
import { literalType, stringLiteral } from "./literal.js";
import { clientResultType, hasRequiredArgs, methodDoc } from "./operation-types.js";
import { methodTableName, paginationConstName, pollerConstName, pollerTableName, startConstName, targetsConstName, urlLroConstName } from "./descriptor-names.js";
import { typeExpression, type TypeNames, unsureMark } from "./type-expression.js";
import { typeNamesOf } from "./types-view.js";

/** One client method: its signature and the runtime call its body returns. */
interface MethodParts {
  /** Arguments of the runtime call. */
  args: string[];
  /** The runtime method called, e.g. `transport.request`. */
  callee: string;
  doc: string;
  name: string;
  /** Parameters of the signature, with types. */
  parameters: string[];
  returnType: string;
}

export interface ClientView {
  clientName: string;
  /** `export function create...(options...): ...Client {`, broken like prettier when long. */
  factoryHead: string;
  hasMethods: boolean;
  defaultBaseUrl: string;
  doc: string;
  factoryName: string;
  hasTypes: boolean;
  /** The method table constant in descriptors.js. */
  methodTable: string;
  /** Interface members, laid out at column 2. */
  members: string[];
  /** `ClientOptions, PaginationOptions, ...` imported from runtime/types.js. */
  runtimeTypes: string;
  apiName: string;
  hasPagination: boolean;
  /** Some wait resolves an LroOutcome (its start's id may be null). */
  hasOutcome: boolean;
  hasPollers: boolean;
}

/** Every method of the client, in order: operations (and their waits), pollers, resume. */
function clientMethods(api: Api, names: TypeNames = typeNamesOf(api, "T.")): MethodParts[] {
  const methods: MethodParts[] = [];
  for (const op of api.operations) {
    methods.push(operationMethod(op, names));
    if (op.lro) methods.push(waitMethod(api, op, names));
    if (op.urlLro) methods.push(urlWaitMethod(op, names));
  }
  for (const poller of api.pollers) methods.push(...pollerMethods(api, poller, names));
  if (api.pollers.length > 0) methods.push(resumeMethod());
  return methods;
}

export function clientView(api: Api): ClientView {
  const names = typeNamesOf(api, "T.");
  const methods = clientMethods(api, names);
  const hasPagination = api.operations.some((op) => op.pagination);
  const hasPollers = api.pollers.length > 0;
  const hasRequests = api.operations.some((op) => !op.pagination) || hasPollers;
  const isWaiting = hasPollers || api.operations.some((op) => op.urlLro);
  const runtimeTypes = ["ClientOptions", hasPagination ? "PaginationOptions" : "", isWaiting ? "PollOptions" : "", hasRequests ? "RequestOptions" : ""];
  return {
    apiName: api.name,
    clientName: `${api.name}Client`,
    defaultBaseUrl: stringLiteral(api.servers[0]?.url ?? ""),
    doc: docComment([`${api.title}${api.version ? ` ${api.version}` : ""}: one method per operation.`]),
    factoryHead: argumentList(0, `export function create${api.name}Client`, ["options: ClientOptions = {}"], `: ${api.name}Client {`),
    factoryName: `create${api.name}Client`,
    hasMethods: methods.length > 0,
    hasPagination,
    hasOutcome: api.operations.some((op) => op.lro?.isIdOptional),
    hasPollers,
    hasTypes: names.isUsed(),
    members: methods.map(member),
    methodTable: methodTableName,
    runtimeTypes: runtimeTypes.filter(Boolean).join(", "),
  };
}

/** Arguments that stand for the call's own parameters; the rest are descriptors. */
const callArguments = new Set(["params", "options", "[id]", "token"]);

/**
 * The client's method table for descriptors.js: `name: [kind, ...descriptors]` per method, laid
 * out as prettier prints it. buildClient (runtime/client-factory) turns it into methods.
 */
export function methodTable(api: Api): string {
  const lines = clientMethods(api).map((m) => {
    const kind = m.callee.replace(/^transport\./, "").replace(/<.*$/, "").replace(/^resumePoller$/, "resume");
    const items = [stringLiteral(kind), ...m.args.filter((a) => !callArguments.has(a)).map((a) => a.replace(/^op\./, ""))];
    const key = `  ${m.name.replace(/<.*$/, "")}: `;
    const inline = `${key}[${items.join(", ")}],`;
    if (inline.length <= printWidth) return inline;
    return `${key}[\n${items.map((i) => `    ${i},`).join("\n")}\n  ],`;
  });
  return lines.length === 0 ? "{}" : `{\n${lines.join("\n")}\n}`;
}

function member(m: MethodParts): string {
  const signature = argumentList(2, m.name, m.parameters, `: ${m.returnType};`);
  // A multi-line return type is laid out by prettier, not here.
  const text = m.returnType.includes("\n") ? `${unsureMark}${signature}` : signature;
  return m.doc ? `${indentLines(m.doc, 2)}\n${text}` : text;
}


function argsParameter(op: Operation): string {
  return hasRequiredArgs(op) ? `params: op.${op.paramsTypeName}` : `params?: op.${op.paramsTypeName}`;
}

function operationMethod(op: Operation, names: TypeNames): MethodParts {
  const result = clientResultType(op, names);
  const base = { doc: methodDoc(op), name: op.name };
  if (op.pagination) {
    const item = typeExpression(op.pagination.itemSchema, names);
    return {
      ...base,
      args: [`op.${op.name}`, "params", "options", `op.${paginationConstName(op)}`],
      callee: "transport.paginate",
      doc: methodDoc(op, ["Await it for the first page, or iterate it (`for await`) for every item across pages."]),
      parameters: [argsParameter(op), "options?: PaginationOptions"],
      returnType: `PagePromise<${result}, ${item}>`,
    };
  }
  return {
    ...base,
    args: [`op.${op.name}`, "params", "options"],
    callee: "transport.request",
    parameters: [argsParameter(op), "options?: RequestOptions"],
    returnType: `Promise<${result}>`,
  };
}

function waitMethod(api: Api, op: Operation, names: TypeNames): MethodParts {
  const lro = op.lro!;
  const poller = api.pollers.find((p) => p.name === lro.poller)!;
  const one = pollerState(api, poller, names);
  const isMany = lro.idsPath !== undefined;
  // Several ids (idsPath) resolve to one final state per id, in id order.
  const isGone = poller.targets?.some((t) => t.name === lro.until && t.isGoneSuccess) === true;
  // A wait for the resource to be gone ends on a 404: there is no final state to resolve with.
  const state = isGone ? "undefined" : isMany ? `${/^[\w.$]+$/.test(one) ? one : `(${one})`}[]` : one;
  // An id the spec lets be null: the wait cannot always track the work, and says so in its type.
  const result = lro.isIdOptional ? `LroOutcome<${state}, ${clientResultType(op, names)}>` : state;
  return {
    args: [`op.${op.name}`, "params", "options", stringLiteral(poller.name), `op.${pollerConstName(poller)}`, `op.${startConstName(op)}`],
    callee: `transport.startAndWait<${result}>`,
    doc: docComment([
      `${op.summary ?? op.name}, then wait until it has finished (polls with \`${api.name}Client.poll${poller.name}\`${lro.until ? ` until \`${lro.until}\`` : ""}).`,
      lro.isIdOptional
        ? "The server may accept the call without an id to track: resolves `{ tracked: true, state, start }`, or `{ tracked: false, start, reason }` (the work goes on; do not send the call again)."
        : isMany ? "Waits for every started request; resolves with their final states." : "Resolves with the final state.",
      `\`${op.method} ${op.path}\``,
    ]),
    name: lro.waitMethodName,
    parameters: [argsParameter(op), `options?: PollOptions<${state}>`],
    returnType: `Promise<${result}>`,
  };
}

/** `<method>AndWait` of an operation polled at the URL its response names; resolves with the final result. */
function urlWaitMethod(op: Operation, names: TypeNames): MethodParts {
  const lro = op.urlLro!;
  const state = lro.resultSchema ? typeExpression(lro.resultSchema, names) : lro.resultPath ? "unknown" : clientResultType(op, names);
  if (op.pagination) {
    // A pageable LRO (Azure x-ms-pageable + x-ms-long-running-operation): the final result is the
    // first page; iterating the wait goes on through the next links.
    const item = typeExpression(op.pagination.itemSchema, names);
    return {
      args: [`op.${op.name}`, "params", "options", stringLiteral(op.name), `op.${urlLroConstName(op)}`, `op.${paginationConstName(op)}`],
      callee: "transport.startAndPaginate",
      doc: docComment([
        `${op.summary ?? op.name}, then wait until it has finished (polls the status URL its response names).`,
        "Await it for the final result (the first page), or iterate it (`for await`) for every item across pages.",
        `\`${op.method} ${op.path}\``,
      ]),
      name: lro.waitMethodName,
      parameters: [argsParameter(op), `options?: PollOptions<${state}>`],
      returnType: `PagePromise<${state}, ${item}>`,
    };
  }
  return {
    args: [`op.${op.name}`, "params", "options", stringLiteral(op.name), `op.${urlLroConstName(op)}`],
    callee: `transport.startAndWait<${state}>`,
    doc: docComment([
      `${op.summary ?? op.name}, then wait until it has finished (polls the status URL its response names).`,
      "Resolves with the final result.",
      `\`${op.method} ${op.path}\``,
    ]),
    name: lro.waitMethodName,
    parameters: [argsParameter(op), `options?: PollOptions<${state}>`],
    returnType: `Promise<${state}>`,
  };
}

function pollerMethods(api: Api, poller: Poller, names: TypeNames): MethodParts[] {
  const state = pollerState(api, poller, names);
  // `until` a target that ends on a 404 resolves undefined.
  const waitState = poller.targets?.some((t) => t.isGoneSuccess) ? `${state} | undefined` : state;
  const name = stringLiteral(poller.name);
  const spec = `op.${pollerConstName(poller)}`;
  const until = poller.targets ? poller.targets.map((t) => literalType(t.name)).join(" | ") : "";
  return [
    {
      args: [name, spec, "[id]", "options"],
      callee: `transport.poller<${state}>`,
      doc: docComment([`A poller on ${poller.name} \`id\`: \`poll()\` once, \`pollUntilDone()\`, iterate states, or \`serialize()\` to resume later.`]),
      name: `poll${poller.name}`,
      parameters: ["id: string", "options?: RequestOptions"],
      returnType: `Poller<${state}>`,
    },
    {
      args: poller.targets ? [name, spec, "[id]", "options", `op.${targetsConstName(poller)}`] : [name, spec, "[id]", "options"],
      callee: `transport.waitFor<${waitState}>`,
      doc: docComment([
        `Wait until ${poller.name} \`id\` reaches a terminal state; rejects with OperationFailedError on failure.`,
        until ? "`until` picks which state counts as done." : undefined,
      ]),
      name: `waitFor${poller.name}`,
      parameters: ["id: string", until ? `options?: PollOptions<${waitState}> & { until?: ${until} }` : `options?: PollOptions<${waitState}>`],
      returnType: `Promise<${waitState}>`,
    },
  ];
}

function resumeMethod(): MethodParts {
  return {
    args: ["token", `op.${pollerTableName}`, "options"],
    callee: "transport.resumePoller<TState>",
    doc: "/** Rebuild a poller from `poller.serialize()`'s token, e.g. in another process. */",
    name: "resumePoller<TState = unknown>",
    parameters: ["token: string", "options?: RequestOptions"],
    returnType: "Poller<TState>",
  };
}

/** The poll operation's success body: the state pollers observe. */
function pollerState(api: Api, poller: Poller, names: TypeNames): string {
  const op = api.operations.find((o) => o.id === poller.operationId);
  return op ? clientResultType(op, names) : "unknown";
}
