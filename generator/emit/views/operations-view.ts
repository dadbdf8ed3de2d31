// The view of operations.ts: per operation its argument type and the descriptor the runtime
// sends it with; per poller the descriptor it polls with.
import type { Api, Operation, Parameter, Poller } from "../../model/api.js";
import { docComment } from "./doc-comment.js";
import { valueLiteral } from "./literal.js";
import { paramsMembers } from "./operation-types.js";
import { typeNamesOf } from "./types-view.js";

export interface OperationDeclarationView {
  /** Descriptor constant name (the method name). */
  constName: string;
  /** The OperationSpec object literal. */
  descriptor: string;
  doc: string;
  /** `<Op>Params` members; empty means the operation takes no arguments. */
  members: string[];
  /** The PaginationSpec literal, "" when the operation does not page. */
  pagination: string;
  paramsTypeName: string;
}

export interface PollerDeclarationView {
  constName: string;
  descriptor: string;
  /** `{ running: {...}, stopped: {...} }` when the poller has `until` targets, else "". */
  targets: string;
  targetsConstName: string;
}

export interface OperationsView {
  hasTypes: boolean;
  operations: OperationDeclarationView[];
  pollers: PollerDeclarationView[];
}

export function operationsView(api: Api): OperationsView {
  const names = typeNamesOf(api, "T.");
  const operations = api.operations.map((op) => ({
    constName: op.name,
    descriptor: valueLiteral(operationSpecOf(api, op)),
    doc: docComment([`Arguments of {@link ${api.name}Client.${op.name}}.`]),
    members: paramsMembers(op, names),
    pagination: op.pagination ? valueLiteral({ ...op.pagination, itemSchema: undefined }) : "",
    paramsTypeName: op.paramsTypeName,
  }));
  const pollers = api.pollers.map((poller) => pollerView(api, poller));
  return { hasTypes: api.schemas.length > 0, operations, pollers };
}

/** Defaults the runtime applies itself are left out, to keep descriptors short. */
function parameterSpecOf(p: Parameter): Record<string, unknown> {
  const defaultStyle = p.in === "path" || p.in === "header" ? "simple" : "form";
  return {
    name: p.name,
    in: p.in,
    style: p.style === defaultStyle ? undefined : p.style,
    explode: p.explode === (p.style === "form") ? undefined : p.explode,
    allowReserved: p.allowReserved || undefined,
    isJson: p.isJson || undefined,
  };
}

export function operationSpecOf(api: Api, op: Operation): Record<string, unknown> {
  return {
    id: op.id,
    method: op.method,
    path: op.path,
    params: op.parameters.map(parameterSpecOf),
    body: op.requestBody ? { kind: op.requestBody.kind, mediaType: op.requestBody.mediaType } : undefined,
    responses: op.responses.map((r) => ({ status: r.status, kind: r.kind })),
    auth: op.security.flatMap((key): Record<string, string>[] => {
      const scheme = api.securitySchemes.find((s) => s.key === key);
      if (!scheme) return [];
      if (scheme.type === "apiKey") return [{ type: "apiKey", in: scheme.in, name: scheme.name }];
      return [{ type: scheme.type === "oauth2" ? "bearer" : scheme.type }];
    }),
    isIdempotent: op.isIdempotent,
  };
}

function pollerView(api: Api, poller: Poller): PollerDeclarationView {
  const op = api.operations.find((o) => o.id === poller.operationId);
  const descriptor = {
    idParam: poller.idParam,
    statusPath: poller.statusPath,
    successValues: poller.successValues,
    failureValues: poller.failureValues,
    canceledValues: poller.canceledValues.length > 0 ? poller.canceledValues : undefined,
    isCaseInsensitive: poller.isCaseInsensitive || undefined,
    progressPath: poller.progressPath,
    errorPath: poller.errorPath,
    messagePath: poller.messagePath,
    retryAfterPath: poller.retryAfterPath,
    defaultIntervalMs: poller.defaultIntervalMs,
  };
  const targets = poller.targets
    ? valueLiteral(Object.fromEntries(poller.targets.map((t) => [t.name, { successValues: t.successValues, failureValues: t.failureValues }])))
    : "";
  // The poll operation is referenced by its constant (a safe identifier), not copied.
  const literal = `{ poll: ${op?.name ?? "undefined"}, ${valueLiteral(descriptor).slice(2)}`;
  return { constName: pollerConstName(poller), descriptor: literal, targets, targetsConstName: targetsConstName(poller) };
}

/** `Request` -> `requestPoller`: the LroSpec constant of a poller. */
export function pollerConstName(poller: Poller): string {
  return `${poller.name[0].toLowerCase()}${poller.name.slice(1)}Poller`;
}

/** `Cluster` -> `clusterTargets`: the `until` table of a poller. */
export function targetsConstName(poller: Poller): string {
  return `${poller.name[0].toLowerCase()}${poller.name.slice(1)}Targets`;
}
