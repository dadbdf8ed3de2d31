// The view of client.ts: one method per operation, plus paging, waiting and poller methods.
import type { Api, Operation, Poller } from "../../model/api.js";
import { docComment } from "./doc-comment.js";
import { literalType, stringLiteral, valueLiteral } from "./literal.js";
import { hasRequiredArgs, methodDoc, resultType } from "./operation-types.js";
import { typeExpression, type TypeNames } from "./type-expression.js";
import { pollerConstName as pollerConst, targetsConstName as targetsConst } from "./operations-view.js";
import { typeNamesOf } from "./types-view.js";

export interface MethodView {
  /** The call expression the method returns (parameters are named `params` and `options`). */
  call: string;
  doc: string;
  name: string;
  /** Parameter list of the signature, e.g. `params: op.GetParams, options?: RequestOptions`. */
  parameters: string;
  returnType: string;
}

export interface ClientView {
  apiName: string;
  clientName: string;
  defaultBaseUrl: string;
  doc: string;
  factoryName: string;
  hasPagination: boolean;
  hasPollers: boolean;
  hasTypes: boolean;
  methods: MethodView[];
  /** `{ Request: op.requestPoller, ... }` for resumePoller. */
  pollerTable: string;
}

export function clientView(api: Api): ClientView {
  const names = typeNamesOf(api, "T.");
  const methods: MethodView[] = [];
  for (const op of api.operations) {
    methods.push(operationMethod(op, names));
    if (op.lro) methods.push(waitMethod(api, op, names));
  }
  for (const poller of api.pollers) methods.push(...pollerMethods(api, poller, names));
  const server = api.servers[0]?.url ?? "";
  return {
    apiName: api.name,
    clientName: `${api.name}Client`,
    defaultBaseUrl: stringLiteral(server),
    doc: docComment([`${api.title}${api.version ? ` ${api.version}` : ""}: one method per operation.`]),
    factoryName: `create${api.name}Client`,
    hasPagination: api.operations.some((op) => op.pagination),
    hasPollers: api.pollers.length > 0,
    hasTypes: api.schemas.length > 0,
    methods,
    pollerTable: `{ ${api.pollers.map((p) => `${p.name}: op.${pollerConst(p)}`).join(", ")} }`,
  };
}

function argsParameter(op: Operation): string {
  if (op.parameters.length === 0 && !op.requestBody) return `params?: op.${op.paramsTypeName}`;
  return hasRequiredArgs(op) ? `params: op.${op.paramsTypeName}` : `params?: op.${op.paramsTypeName}`;
}

function operationMethod(op: Operation, names: TypeNames): MethodView {
  const result = resultType(op, names);
  if (op.pagination) {
    const item = typeExpression(op.pagination.itemSchema, names);
    return {
      call: `transport.paginate<${result}, ${item}>(op.${op.name}, params, options, op.${op.name}Pagination)`,
      doc: methodDoc(op, ["Await it for the first page, or iterate it (`for await`) for every item across pages."]),
      name: op.name,
      parameters: `${argsParameter(op)}, options?: PaginationOptions`,
      returnType: `PagePromise<${result}, ${item}>`,
    };
  }
  return {
    call: `transport.request<${result}>(op.${op.name}, params, options)`,
    doc: methodDoc(op),
    name: op.name,
    parameters: `${argsParameter(op)}, options?: RequestOptions`,
    returnType: `Promise<${result}>`,
  };
}

function waitMethod(api: Api, op: Operation, names: TypeNames): MethodView {
  const lro = op.lro!;
  const poller = api.pollers.find((p) => p.name === lro.poller)!;
  const one = pollerState(api, poller, names);
  const isMany = lro.idsPath !== undefined;
  // Several ids (idsPath) resolve to one final state per id, in id order.
  const state = isMany ? `${group(one)}[]` : one;
  const start = valueLiteral({ idPath: lro.idPath, idsPath: lro.idsPath });
  return {
    // Poll options (timeoutMs = the whole wait) must not become the start request's own timeout.
    call: `transport.startLro<${state}>(op.${op.name}, params, ${requestPart}, ${stringLiteral(poller.name)}, op.${pollerConst(poller)}, ${start}).then((poller) => poller.pollUntilDone(options))`,
    doc: docComment([
      `${op.summary ?? op.name}, then wait until it has finished (polls with {@link ${api.name}Client.poll${poller.name}}).`,
      isMany ? "Waits for every started request; resolves with their final states." : "Resolves with the final state.",
      `\`${op.method} ${op.path}\``,
    ]),
    name: lro.waitMethodName,
    parameters: `${argsParameter(op)}, options?: PollOptions<${state}>`,
    returnType: `Promise<${state}>`,
  };
}

/** The request options of a waiting call: only its signal; the rest of PollOptions is about the wait. */
const requestPart = "{ signal: options?.signal }";

function group(type: string): string {
  return /^[\w.$]+$/.test(type) ? type : `(${type})`;
}

function pollerMethods(api: Api, poller: Poller, names: TypeNames): MethodView[] {
  const state = pollerState(api, poller, names);
  const name = stringLiteral(poller.name);
  const spec = `op.${pollerConst(poller)}`;
  const until = poller.targets ? poller.targets.map((t) => literalType(t.name)).join(" | ") : "";
  const waitSpec = poller.targets ? `{ ...${spec}, ...(options?.until ? op.${targetsConst(poller)}[options.until] : {}) }` : spec;
  return [
    {
      call: `transport.poller<${state}>(${name}, ${spec}, [id], options)`,
      doc: docComment([`A poller on ${poller.name} \`id\`: \`poll()\` once, \`pollUntilDone()\`, iterate states, or \`serialize()\` to resume later.`]),
      name: `poll${poller.name}`,
      parameters: "id: string, options?: RequestOptions",
      returnType: `Poller<${state}>`,
    },
    {
      call: `transport.poller<${state}>(${name}, ${waitSpec}, [id], ${requestPart}).pollUntilDone(options)`,
      doc: docComment([
        `Wait until ${poller.name} \`id\` reaches a terminal state; rejects with OperationFailedError on failure.`,
        until ? "`until` picks which state counts as done." : undefined,
      ]),
      name: `waitFor${poller.name}`,
      parameters: until ? `id: string, options?: PollOptions<${state}> & { until?: ${until} }` : `id: string, options?: PollOptions<${state}>`,
      returnType: `Promise<${state}>`,
    },
  ];
}

/** The poll operation's success body: the state pollers observe. */
function pollerState(api: Api, poller: Poller, names: TypeNames): string {
  const op = api.operations.find((o) => o.id === poller.operationId);
  return op ? resultType(op, names) : "unknown";
}

