// The view of operations.ts: per operation its argument type and the descriptor the runtime
// sends it with; per poller the descriptor it polls with. Declarations arrive laid out.
import type { Api, Operation, Parameter, Poller, PollerTarget, UrlLro } from "../../model/api.js";
import { docComment } from "./doc-comment.js";
import { typeAlias } from "./layout.js";
import { paramsMembers, resultDeclaration, streamResponseOf, wholeResponses } from "./operation-types.js";
import { typeNamesOf } from "./types-view.js";
import { dateTableName, methodTableName, paginationConstName, pollerConstName, pollerTableName, startConstName, targetsConstName, urlLroConstName } from "./descriptor-names.js";
import { methodTable } from "./client-view.js";
import { headersDeclaration, headersDescriptor } from "./response-headers.js";
import { channelConstName, channelDeclarations, channelSpecOf } from "./channel-view.js";
import { datePlans, type DatePlans } from "./date-plans.js";
import { expandedObject, printValue, RawCode } from "./value-layout.js";

/** A constant of descriptors.ts: its name, its runtime type and its literal. */
interface DescriptorValue {
  literal: string;
  name: string;
  type: string;
}

export interface OperationsView {
  /** Every type declaration of operations.ts, in order. */
  declarations: string[];
  /**
   * The constants of descriptors.ts, each with its declared type. The file is `@ts-nocheck`: a
   * host's checker takes the declared types instead of checking every literal (most of its cost);
   * our tests check the literals.
   */
  descriptors: string[];
  hasDescriptors: boolean;
  /** `MethodSpec` when descriptors.ts needs it from runtime/client-factory.js. */
  factoryTypes: string;
  /** `LroSpec, OperationSpec, PaginationSpec`: only what the file uses (unused imports break strict hosts). */
  runtimeTypes: string;
  hasTypes: boolean;
}

export function operationsView(api: Api): OperationsView {
  const names = typeNamesOf(api, "T.");
  const declarations: string[] = [];
  const values: DescriptorValue[] = [];
  const constant = (name: string, type: string, literal: string) => values.push({ literal, name, type });
  const dates = datePlans(api);
  const hasDates = Object.keys(dates.table).length > 0 || api.operations.some((op) => op.responses.some((r) => r.schema && dates.planOf(r.schema)));
  // First in the file: descriptors below refer to it while the module initialises.
  if (hasDates) constant(dateTableName, "Record<string, DatePlan>", expandedObject(dates.table, 0));
  for (const op of api.operations) {
    const doc = docComment([`Arguments of \`${api.name}Client.${op.name}\`.`]);
    const members = paramsMembers(op, names, 2);
    const params = members.length > 0
      ? `export interface ${op.paramsTypeName} {\n${members.join("\n")}\n}`
      : typeAlias(op.paramsTypeName, "Record<string, never>");
    declarations.push(`${doc}\n${params}`);
    const result = resultDeclaration(op, names, `${api.name}Client`);
    if (result) declarations.push(result);
    const headers = headersDeclaration(api, op);
    if (headers) declarations.push(headers);
    constant(op.name, "OperationSpec", expandedObject(operationSpecOf(api, op, dates), 0));
    if (op.pagination) {
      const paging = { ...op.pagination, itemSchema: undefined, source: undefined };
      const head = `export const ${paginationConstName(op)}: PaginationSpec = `;
      constant(paginationConstName(op), "PaginationSpec", printValue(paging, 0, head.length, 1));
    }
    if (op.lro) {
      const target = op.lro.until === undefined ? undefined : api.pollers.find((p) => p.name === op.lro?.poller)?.targets?.find((t) => t.name === op.lro?.until);
      const start = {
        idPath: op.lro.idPath,
        idsPath: op.lro.idsPath,
        idArg: op.lro.idArg,
        isIdOptional: op.lro.isIdOptional || undefined,
        isChangeAwaited: op.lro.isChangeAwaited,
        target: target && waitTargetOf(target),
      };
      constant(startConstName(op), "StartSpec", expandedObject(start, 0));
    }
    if (op.urlLro) constant(urlLroConstName(op), "UrlLroSpec", expandedObject(urlLroSpecOf(op.urlLro), 0));
  }
  for (const poller of api.pollers) pollerDeclarations(api, poller, constant);
  if (api.pollers.length > 0) {
    const table = Object.fromEntries(api.pollers.map((p) => [p.name, new RawCode(pollerConstName(p))]));
    constant(pollerTableName, "Record<string, LroSpec>", expandedObject(table, 0));
  }
  for (const channel of api.channels) {
    declarations.push(...channelDeclarations(api, channel, names));
    constant(channelConstName(channel), "ChannelSpec", expandedObject(channelSpecOf(channel), 0));
  }
  // Last: the method table refers to every descriptor above.
  constant(methodTableName, "Record<string, MethodSpec>", methodTable(api));
  const used = new Set(values.map((v) => v.type.replace(/^Record<string, (\w+)>$/, "$1")));
  const runtimeTypes = ["ChannelSpec", "DatePlan", "LroSpec", "OperationSpec", "PaginationSpec", "StartSpec", "UrlLroSpec", "WaitTargets"].filter((t) => used.has(t));
  const factoryTypes = used.has("MethodSpec") ? ["MethodSpec"] : [];
  return {
    declarations,
    factoryTypes: factoryTypes.join(", "),
    descriptors: values.map((v) => `export const ${v.name}: ${v.type} = ${v.literal};`),
    hasDescriptors: values.length > 0,
    hasTypes: names.isUsed(),
    runtimeTypes: runtimeTypes.join(", "),
  };
}

/** Defaults the runtime applies itself are left out, to keep descriptors short. */
function parameterSpecOf(p: Parameter): Record<string, unknown> {
  const defaultStyle = p.in === "path" || p.in === "header" ? "simple" : "form";
  return {
    name: p.name,
    arg: p.argName,
    in: p.in,
    style: p.style === defaultStyle ? undefined : p.style,
    explode: p.explode === (p.style === "form") ? undefined : p.explode,
    allowReserved: p.allowReserved || undefined,
    isJson: p.isJson || undefined,
    allowsEmpty: (p.in === "path" && p.schema.kind === "enum" && p.schema.values.includes("")) || undefined,
  };
}

export function operationSpecOf(api: Api, op: Operation, dates?: DatePlans): Record<string, unknown> {
  const responses = wholeResponses(op);
  const responseDates = responses.map((r) => (r.kind === "json" && r.schema && dates ? dates.planOf(r.schema) : undefined));
  const stream = streamSpecOf(op, dates);
  return {
    id: op.id,
    method: op.method,
    path: op.path,
    params: op.parameters.map(parameterSpecOf),
    body: op.requestBody ? { kind: op.requestBody.kind, mediaType: op.requestBody.mediaType } : undefined,
    responses: responses.map((r) => ({
      status: r.status,
      kind: r.kind,
      mediaType: r.kind === "json" || r.kind === "empty" || r.mediaType === undefined ? undefined : r.mediaType,
      dates: responseDates[responses.indexOf(r)],
      headers: headersDescriptor(api, op, r),
    })),
    auth: op.security.flatMap((key): Record<string, string>[] => {
      const scheme = api.securitySchemes.find((s) => s.key === key);
      if (!scheme) return [];
      if (scheme.type === "apiKey") return [{ type: "apiKey", in: scheme.in, name: scheme.name }];
      return [{ type: scheme.type === "oauth2" ? "bearer" : scheme.type }];
    }),
    dateTable: responseDates.some(Boolean) || stream?.dates ? new RawCode(dateTableName) : undefined,
    isIdempotent: op.isIdempotent,
    retry: op.retry,
    stream,
    serverWait: op.serverWait && {
      flagPath: op.serverWait.flagPath,
      durationPath: op.serverWait.durationPath,
      defaultDuration: op.serverWait.defaultDuration,
      unitMs: op.serverWait.unitMs,
    },
  };
}

/** The runtime's WaitTarget: the model's sets, defaults left out. */
function waitTargetOf(target: PollerTarget): Record<string, unknown> {
  return {
    successValues: target.successValues,
    failureValues: target.failureValues,
    // Always written, empty too: a target replaces the poller's own unreachable set.
    unreachableValues: target.unreachableValues,
    isGoneSuccess: target.isGoneSuccess || undefined,
  };
}

/** The runtime's StreamSpec: how the success stream is read, and which body field asks for it. */
function streamSpecOf(op: Operation, dates: DatePlans | undefined): Record<string, unknown> | undefined {
  const stream = streamResponseOf(op);
  if (!stream || stream.mediaType === undefined) return undefined;
  const isJson = stream.kind === "ndjson" || stream.schema?.kind !== "string";
  const plan = isJson && stream.schema && dates ? dates.planOf(stream.schema) : undefined;
  return { format: stream.kind, mediaType: stream.mediaType, isJson, field: op.streamField, dates: plan };
}

/** The runtime's UrlLroSpec: the model's fields minus what only the generator needs. */
function urlLroSpecOf(lro: UrlLro): Record<string, unknown> {
  return {
    kind: "url",
    urlHeaders: lro.urlHeaders,
    urlPath: lro.urlPath,
    statusPaths: lro.statusPaths,
    successValues: lro.successValues,
    failureValues: lro.failureValues,
    canceledValues: lro.canceledValues.length > 0 ? lro.canceledValues : undefined,
    isCaseInsensitive: lro.isCaseInsensitive || undefined,
    failurePath: lro.failurePath,
    errorPath: lro.errorPath,
    resultPath: lro.resultPath,
    finalStateVia: lro.finalStateVia,
    defaultIntervalMs: lro.defaultIntervalMs,
  };
}

function pollerDeclarations(api: Api, poller: Poller, constant: (name: string, type: string, literal: string) => void): void {
  const op = api.operations.find((o) => o.id === poller.operationId);
  const descriptor = {
    // The poll operation is referenced by its constant (a safe identifier), not copied.
    poll: new RawCode(op?.name ?? "undefined"),
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
    initialDelayMs: poller.initialDelayMs,
    maxPolls: poller.maxPolls,
    minIntervalMs: poller.minIntervalMs,
    defaultTimeoutMs: poller.defaultTimeoutMs,
    donePath: poller.donePath,
    failurePath: poller.failurePath,
    pollArgs: poller.pollArgs,
    unreachableValues: poller.unreachableValues,
  };
  constant(pollerConstName(poller), "LroSpec", expandedObject(descriptor, 0));
  if (poller.targets) {
    const table = Object.fromEntries(poller.targets.map((t) => [t.name, waitTargetOf(t)]));
    constant(targetsConstName(poller), "WaitTargets", expandedObject(table, 0));
  }
}
