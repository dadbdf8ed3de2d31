// The view of client.ts: the client interface, derived from the standalone functions of
// functions.ts (MethodsOf in runtime/client-factory.ts) so that each signature is declared once;
// only methods `infer` cannot carry (generic or overloaded) are declared here, laid out as
// prettier prints them.
import type { Api, Channel, Operation, Poller } from "../../model/api.js";
import {
  channelConstName,
  channelFirstParameter,
  channelOptionsParameter,
  channelReturnType,
} from "./channel-view.js";
import { docComment } from "./doc-comment.js";
import { indentLines, methodSignature, type GenericType } from "./layout.js";
import { literalType, propertyKey, stringLiteral } from "./literal.js";
import {
  clientResultType,
  hasRequiredArgs,
  methodDoc,
  streamItemType,
  streamResponseOf,
} from "./operation-types.js";
import {
  paginationConstName,
  pollerConstName,
  pollerTableName,
  startConstName,
  targetsConstName,
  urlLroConstName,
} from "./descriptor-names.js";
import { typeExpression, type TypeNames, unsureMark } from "./type-expression.js";
import { typeNamesOf } from "./types-view.js";
import { hasDeclaredHeaders, headersTypeName } from "./response-headers.js";
import { serverOptionsView, type ServerOptionsView } from "./server-options-view.js";
import { buildClientStatement, derivedMethods, factoryHead } from "./factory-lines.js";

/** One client method: its signature and what its standalone function calls. */
export interface MethodParts {
  doc: string;
  name: string;
  /** Parameters of the signature, with types. */
  parameters: string[];
  /** A generic return type lays its arguments out itself when the signature breaks. */
  returnType: string | GenericType;
  /** The signature spans lines that prettier lays out (an inline handler type). */
  isLaidOutByPrettier?: boolean;
  /** Signatures declared before the general one (a call typed by what it asks for). */
  overloads?: { parameters: string[]; returnType: string }[];
  /** What its standalone function (functions.ts) calls; see standaloneCall. */
  call: StandaloneCall;
}

/**
 * The body of a standalone function: `core.request(args)` when `runtime` is undefined, else the
 * runtime entry point `runtime(core, args)`. Descriptors are `$d.<name>` (functions.ts imports
 * descriptors.ts as `$d`); runtime entry points are imported as `$<name>`.
 */
export interface StandaloneCall {
  readonly runtime?: string;
  readonly args: readonly string[];
}

/** A descriptor constant as functions.ts names it. */
const d = (name: string): string => `$d.${name}`;

export interface ClientView {
  clientName: string;
  /** The client factory's first line and its return statement, laid out (factory-lines.ts). */
  factoryHead: string;
  factoryReturn: string;
  /** The server URL's variables as client options (server-options-view.ts). */
  server: ServerOptionsView;
  hasMethods: boolean;
  doc: string;
  factoryName: string;
  /** `create<Api>Core` of core.ts. */
  coreFactoryName: string;
  hasTypes: boolean;
  /** `MethodsOf<...>`: the methods derived from functions.ts (all but `members`), laid out. */
  derivedMethods: string;
  /** Interface members declared here (generic or overloaded methods), in method order. */
  members: ClientMember[];
  /** `ClientOptions, PaginationOptions, ...` imported from runtime/types.js. */
  runtimeTypes: string;
  apiName: string;
  /** The declared members name PagePromise, LroOutcome, Poller, ApiPromise, ... (imports). */
  hasPagination: boolean;
  hasOutcome: boolean;
  hasPollers: boolean;
  hasPlainCalls: boolean;
  hasStreams: boolean;
  hasChannels: boolean;
  /** A declared member names an operation type (`op.`). */
  hasOperationTypes: boolean;
}

/** The client's methods and the type names they use (`isUsed()`: some signature names a schema). */
export interface ClientMethods {
  methods: MethodParts[];
  names: TypeNames & { isUsed(): boolean };
}

const methodsByApi = new WeakMap<Api, ClientMethods>();

/**
 * Every method of the client, computed once per model: client.ts, functions.ts and descriptors.ts
 * all list them (on a big document, their signatures are most of the emitting stage).
 */
export function clientMethodsOf(api: Api): ClientMethods {
  let found = methodsByApi.get(api);
  if (found === undefined) {
    const names = typeNamesOf(api, "T.");
    found = { methods: clientMethods(api, names), names };
    methodsByApi.set(api, found);
  }
  return found;
}

/** Every method of the client, in order: operations (and their waits), pollers, resume. */
function clientMethods(api: Api, names: TypeNames): MethodParts[] {
  const methods: MethodParts[] = [];
  for (const op of api.operations) {
    methods.push(operationMethod(op, names));
    if (op.lro) methods.push(waitMethod(api, op, names));
    if (op.urlLro) methods.push(urlWaitMethod(op, names));
  }
  for (const poller of api.pollers) methods.push(...pollerMethods(api, poller, names));
  if (api.pollers.length > 0) methods.push(resumeMethod());
  for (const channel of api.channels) methods.push(channelMethod(channel, names));
  return methods;
}

export function clientView(api: Api): ClientView {
  const { methods } = clientMethodsOf(api);
  const declared = methods.filter(isDeclaredMethod);
  const members = declared.map(member);
  const memberText = members.flatMap((m) => m.signatures).join("\n");
  const uses = (name: string) => new RegExp(`\\b${name}\\b`).test(memberText);
  const runtimeTypes = [
    "ClientOptions",
    ...[
      "ChannelOptions",
      "PaginationOptions",
      "PollOptions",
      "RequestOptions",
      "StreamOptions",
    ].filter(uses),
  ].sort();
  return {
    apiName: api.name,
    clientName: `${api.name}Client`,
    factoryHead: factoryHead(
      `create${api.name}Client`,
      serverOptionsView(api).optionsParameter,
      `${api.name}Client`,
    ),
    factoryReturn: buildClientStatement(`${api.name}Client`, `create${api.name}Core`),
    server: serverOptionsView(api),
    doc: docComment([
      `${api.title}${api.version ? ` ${api.version}` : ""}: one method per operation.`,
    ]),
    factoryName: `create${api.name}Client`,
    coreFactoryName: `create${api.name}Core`,
    hasMethods: methods.length > 0,
    hasPagination: uses("PagePromise"),
    hasOutcome: uses("LroOutcome"),
    hasPollers: uses("Poller"),
    hasPlainCalls: uses("ApiPromise"),
    hasStreams: uses("EventStream"),
    hasChannels: uses("Channel"),
    hasTypes: /\bT\./.test(memberText),
    hasOperationTypes: /\bop\./.test(memberText),
    derivedMethods: derivedMethods(
      `${api.name}Client`,
      declared.map((m) => methodName(m)),
      members.length > 0 ? "{" : "{}",
    ),
    members,
    runtimeTypes: runtimeTypes.join(", "),
  };
}

/** A method `infer` cannot derive from its function: a generic one, or one with overloads. */
function isDeclaredMethod(m: MethodParts): boolean {
  return m.overloads !== undefined || m.name.includes("<");
}

/** The method's name without its type parameters. */
function methodName(m: MethodParts): string {
  return m.name.replace(/<.*$/s, "");
}

/** One method of the client interface (templates/partials/client-member.hbs). */
export interface ClientMember {
  /** JSDoc at column 2; "" when none. */
  doc: string;
  /** Overloads first, then the general signature; each laid out at column 2. */
  signatures: string[];
}

function member(m: MethodParts): ClientMember {
  const signatures = [...(m.overloads ?? []), m].map((s) => {
    const signature = methodSignature(2, m.name, s.parameters, s.returnType);
    return m.isLaidOutByPrettier && !signature.startsWith(unsureMark)
      ? `${unsureMark}${signature}`
      : signature;
  });
  return { doc: m.doc ? indentLines(m.doc, 2) : "", signatures };
}

/** The method's JSDoc, written once, on its standalone function (the client method links to it). */
function docsOf(op: Operation, extra: string[] = []): Pick<MethodParts, "doc"> {
  return { doc: methodDoc(op, extra) };
}

function argsParameter(op: Operation): string {
  return hasRequiredArgs(op)
    ? `params: op.${op.paramsTypeName}`
    : `params?: op.${op.paramsTypeName}`;
}

function operationMethod(op: Operation, names: TypeNames): MethodParts {
  const result = clientResultType(op, names);
  const base = { ...docsOf(op), name: op.name };
  const headers = hasDeclaredHeaders(op) ? [`op.${headersTypeName(op)}`] : [];
  if (op.pagination) {
    const item = op.pagination.itemSchema;
    return {
      ...base,
      call: {
        runtime: "paginate",
        args: [d(op.name), "params", "options", d(paginationConstName(op))],
      },
      ...docsOf(op, [
        "Await it for the first page, or iterate it (`for await`) for every item across pages.",
      ]),
      parameters: [argsParameter(op), "options?: PaginationOptions"],
      returnType: {
        name: "PagePromise",
        argumentsAt: (column) => [result, typeExpression(item, names, column), ...headers],
      },
    };
  }
  if (streamResponseOf(op)) return streamMethod(op, names, result);
  return {
    ...base,
    call: { args: [d(op.name), "params", "options"] },
    parameters: [argsParameter(op), "options?: RequestOptions"],
    returnType: { name: "ApiPromise", argumentsAt: () => [result, ...headers] },
  };
}

/**
 * A streaming operation resolves to an EventStream of typed events. When a body field asks for
 * the stream, overloads type the call by that field: `true` streams, false/absent is the JSON answer.
 */
function streamMethod(op: Operation, names: TypeNames, result: string): MethodParts {
  const stream = `Promise<EventStream<${streamItemType(op, names)}>>`;
  const base = {
    name: op.name,
    call: { runtime: "requestStream", args: [d(op.name), "params", "options"] },
  } as const;
  const extra =
    streamResponseOf(op)?.kind === "sse"
      ? "Resolves to a stream of server-sent events: iterate it (`for await`) for each event's data."
      : "Resolves to a stream of JSON lines: iterate it (`for await`) for each parsed line.";
  if (op.streamField === undefined) {
    return {
      ...base,
      ...docsOf(op, [extra]),
      parameters: [argsParameter(op), "options?: StreamOptions"],
      returnType: stream,
    };
  }
  const field = propertyKey(op.streamField);
  const params = `params: op.${op.paramsTypeName}`;
  return {
    ...base,
    ...docsOf(op, [
      `With \`body.${op.streamField}: true\` it streams: ${extra.charAt(0).toLowerCase()}${extra.slice(1)} Otherwise it resolves to the whole answer.`,
    ]),
    overloads: [
      {
        parameters: [`${params} & { body: { ${field}: true } }`, "options?: StreamOptions"],
        returnType: stream,
      },
      {
        parameters: [
          `${params} & { body: { ${field}?: false | null } }`,
          "options?: RequestOptions",
        ],
        returnType: `Promise<${result}>`,
      },
    ],
    parameters: [params, "options?: StreamOptions"],
    returnType: `Promise<${result} | EventStream<${streamItemType(op, names)}>>`,
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
  const state = isGone
    ? "undefined"
    : isMany
      ? `${/^[\w.$]+$/.test(one) ? one : `(${one})`}[]`
      : one;
  // An id the spec lets be null: the wait cannot always track the work, and says so in its type.
  const result = lro.isIdOptional ? `LroOutcome<${state}, ${clientResultType(op, names)}>` : state;
  return {
    call: {
      runtime: "startAndWait",
      args: [
        d(op.name),
        "params",
        "options",
        stringLiteral(poller.name),
        d(pollerConstName(poller)),
        d(startConstName(op)),
      ],
    },
    doc: docComment([
      `${op.summary ?? op.name}, then wait until it has finished (polls with \`${api.name}Client.poll${poller.name}\`${lro.until ? ` until \`${lro.until}\`` : ""}).`,
      lro.isIdOptional
        ? "The server may accept the call without an id to track: resolves `{ tracked: true, state, start }`, or `{ tracked: false, start, reason }` (the work goes on; do not send the call again)."
        : isMany
          ? "Waits for every started request; resolves with their final states."
          : "Resolves with the final state.",
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
  const state = lro.resultSchema
    ? typeExpression(lro.resultSchema, names)
    : lro.resultPath
      ? "unknown"
      : clientResultType(op, names);
  if (op.pagination) {
    // A pageable LRO (Azure x-ms-pageable + x-ms-long-running-operation): the final result is the
    // first page; iterating the wait goes on through the next links.
    const item = typeExpression(op.pagination.itemSchema, names);
    return {
      call: {
        runtime: "startAndPaginate",
        args: [
          d(op.name),
          "params",
          "options",
          stringLiteral(op.name),
          d(urlLroConstName(op)),
          d(paginationConstName(op)),
        ],
      },
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
    call: {
      runtime: "startAndWaitAtUrl",
      args: [d(op.name), "params", "options", stringLiteral(op.name), d(urlLroConstName(op))],
    },
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
  const until = poller.targets ? poller.targets.map((t) => literalType(t.name)).join(" | ") : "";
  return [
    {
      call: {
        runtime: "pollerFor",
        args: [stringLiteral(poller.name), d(pollerConstName(poller)), "[id]", "options"],
      },
      doc: docComment([
        `A poller on ${poller.name} \`id\`: \`poll()\` once, \`pollUntilDone()\`, iterate states, or \`serialize()\` to resume later.`,
      ]),
      name: `poll${poller.name}`,
      parameters: ["id: string", "options?: RequestOptions"],
      returnType: `Poller<${state}>`,
    },
    {
      call: {
        // Targets need the `until` lookup; without them the plainer entry point keeps it out of bundles.
        runtime: poller.targets ? "waitForTarget" : "waitFor",
        args: [
          stringLiteral(poller.name),
          d(pollerConstName(poller)),
          "[id]",
          "options",
          ...(poller.targets ? [d(targetsConstName(poller))] : []),
        ],
      },
      doc: docComment([
        `Wait until ${poller.name} \`id\` reaches a terminal state; rejects with OperationFailedError on failure.`,
        until ? "`until` picks which state counts as done." : undefined,
      ]),
      name: `waitFor${poller.name}`,
      parameters: [
        "id: string",
        until
          ? `options?: PollOptions<${waitState}> & { until?: ${until} }`
          : `options?: PollOptions<${waitState}>`,
      ],
      returnType: `Promise<${waitState}>`,
    },
  ];
}

/** A WebSocket channel: iterate its server messages, send client messages, await its result. */
function channelMethod(channel: Channel, names: TypeNames): MethodParts {
  const first = channelFirstParameter(channel, names);
  const paragraphs = [
    channel.summary,
    channel.description === channel.summary ? undefined : channel.description,
    "Iterate it (`for await`) for the server's messages; await it for the result.",
    `\`WebSocket ${channel.path}\``,
  ];
  const doc = docComment(
    paragraphs
      .filter((p) => p !== undefined)
      .join("\n\n")
      .split("\n"),
  );
  return {
    call: {
      runtime: "openChannel",
      args: [d(channelConstName(channel)), parameterName(first), "options"],
    },
    doc,
    name: channel.name,
    parameters: [first, channelOptionsParameter(channel)],
    returnType: channelReturnType(channel, names),
    isLaidOutByPrettier: true,
  };
}

function resumeMethod(): MethodParts {
  return {
    call: { runtime: "resumePoller", args: ["token", d(pollerTableName), "options"] },
    doc: "/** Rebuild a poller from `poller.serialize()`'s token, e.g. in another process. */",
    name: "resumePoller<TState = unknown>",
    parameters: ["token: string", "options?: RequestOptions"],
    returnType: "Poller<TState>",
  };
}

/** `name` of a parameter `name?: type`. */
function parameterName(parameter: string): string {
  return /^[\w$]+/.exec(parameter)![0];
}

/** The poll operation's success body: the state pollers observe. */
function pollerState(api: Api, poller: Poller, names: TypeNames): string {
  const op = api.operations.find((o) => o.id === poller.operationId);
  return op ? clientResultType(op, names) : "unknown";
}
