// Model -> the runtime's descriptors, typed by the runtime's own contract (templates/runtime):
// a field the runtime renames or drops fails the type check here, not a generated client.
// Defaults the runtime applies itself are left out (undefined), to keep descriptors short.
import type {
  Api,
  Channel,
  Operation,
  Parameter,
  Poller,
  PollerTarget,
  RetryPolicy,
  UrlLro,
} from "../../model/api.js";
import type {
  ChannelSpec,
  LroSpec,
  OperationSpec,
  PaginationSpec,
  ParameterSpec,
  ResponseSpec,
  StartSpec,
  StreamSpec,
  UrlLroSpec,
  WaitTarget,
  WritePlan,
} from "../../../templates/runtime/types.js";
import { dateTableName, writePlanTableName } from "./descriptor-names.js";
import type { DatePlans } from "./date-plans.js";
import { headersDescriptor } from "./response-headers.js";
import { streamResponseOf, wholeResponses } from "./operation-types.js";
import { RawCode } from "./value-layout.js";
import { isPlannedBody, type WritePlans } from "./write-plans.js";

/** Another constant of descriptors.ts, written by its name: descriptors refer to each other instead of copying. */
export type ConstantRef = RawCode;

/** The runtime's ParameterSpec; its style serializers are the runtime's `paramStyles`, by name. */
export type ParameterDescriptor = Omit<ParameterSpec, "styles"> & { readonly styles?: RawCode };

/** The runtime's OperationSpec; its shared date table is the table's constant. */
export type OperationDescriptor = Omit<
  OperationSpec,
  "auth" | "body" | "constants" | "dateTable" | "params" | "serverWait"
> & {
  /** Left out (by descriptors-view.ts) where it is the API's security, defaultSecurityOf. */
  readonly auth?: readonly AuthDescriptor[];
  readonly body?: BodyDescriptor;
  readonly constants?: ConstantsDescriptor;
  readonly dateTable?: ConstantRef;
  readonly params?: readonly ParameterDescriptor[];
  readonly serverWait?: ServerWaitDescriptor;
};

/** The runtime's AuthSpec; its placer is auth.ts's for the scheme's type, by name (authPlacerOf). */
export type AuthDescriptor = AuthData & { readonly apply: RawCode };

/** An AuthSpec without its placer (each alternative of the union on its own). */
type AuthData = NonNullable<OperationSpec["auth"]>[number] extends infer A
  ? A extends unknown
    ? Omit<A, "apply">
    : never
  : never;

/** The placer of auth.ts a scheme of this type is applied with. */
export function authPlacerOf(type: AuthData["type"]): string {
  return `${type}Auth`;
}

/** The runtime's ConstantsSpec; what fills them in is constant-params.ts's withConstants, by name. */
export type ConstantsDescriptor = Omit<NonNullable<OperationSpec["constants"]>, "fill"> & {
  readonly fill: RawCode;
};

/** The runtime's ServerWaitSpec; what it does is server-wait.ts's withServerWait, by name. */
export type ServerWaitDescriptor = Omit<NonNullable<OperationSpec["serverWait"]>, "apply"> & {
  readonly apply: RawCode;
};

/**
 * The runtime's BodySpec; its encoder is the runtime's for the kind, by name (bodyEncoderOf), its
 * shared write plans the table's constant.
 */
export type BodyDescriptor = Omit<OperationSpec["body"] & object, "encode" | "plans"> & {
  readonly encode: RawCode;
  readonly plans?: ConstantRef;
};

/**
 * The runtime encoder a request body of this kind is encoded with, and the module it is in: a
 * body with a write plan (readOnly properties, constants) has write-plans.ts's own (JSON) or
 * writable-forms.ts's (url-encoded, multipart).
 */
export function bodyEncoderOf(
  kind: BodyDescriptor["kind"],
  hasPlan = false,
): { name: string; module: string } {
  const name = `encode${kind[0]!.toUpperCase()}${kind.slice(1)}`;
  if (hasPlan && kind === "json") return { name: "encodeWritableJson", module: "write-plans" };
  if (hasPlan && (kind === "form" || kind === "multipart"))
    return { name: name.replace("encode", "encodeWritable"), module: "writable-forms" };
  return { name, module: kind === "form" || kind === "multipart" ? "body-forms" : "body" };
}

/**
 * A style beyond the location's default (path label/matrix; query anything but form),
 * allowReserved or x-ms-skip-url-encoding: the parameter's descriptor names the runtime's
 * param-styles.ts for it.
 */
export function needsParamStyles(p: Parameter): boolean {
  if (p.allowReserved || p.skipsEncoding) return true;
  if (p.in === "path") return p.style === "label" || p.style === "matrix";
  return p.in === "query" && p.style !== "form";
}

/** Path values the runtime percent-encodes as they are: no serializer named (see ParameterSpec.styles). */
const plainPathKinds: ReadonlySet<string> = new Set([
  "boolean",
  "date",
  "enum",
  "integer",
  "number",
  "string",
]);

/**
 * The runtime serializer a parameter's descriptor names (ParameterSpec.styles): param-styles.ts's
 * paramStyles for a style beyond the default, serialize.ts's defaultStyles for any other
 * parameter but a plain path value (string, number, boolean, date, enum), which needs none.
 */
export function serializerOf(p: Parameter): "paramStyles" | "defaultStyles" | undefined {
  if (needsParamStyles(p)) return "paramStyles";
  const isPlainPath = p.in === "path" && !p.isJson && plainPathKinds.has(p.schema.kind);
  return isPlainPath ? undefined : "defaultStyles";
}

/** The runtime's LroSpec; its poll operation is that operation's constant, its rules lro-rules.ts's by name. */
export type LroDescriptor = Omit<LroSpec, "poll" | "rules"> & {
  readonly poll: ConstantRef;
  readonly rules?: RawCode;
};

/**
 * The poller, one of its targets or a start waiting on it uses a rule beyond status values in sets
 * (body paths, unreachable statuses, a 404 meaning gone, a change awaited): its descriptor names
 * the runtime's lroRules, which a client whose pollers need none of them neither ships nor bundles.
 */
export function needsLroRules(api: Api, poller: Poller): boolean {
  if (poller.donePath || poller.failurePath || poller.retryAfterPath) return true;
  if ((poller.unreachableValues?.length ?? 0) > 0) return true;
  if (poller.targets?.some((t) => t.isGoneSuccess || t.unreachableValues.length > 0)) return true;
  return api.operations.some((op) => op.lro?.poller === poller.name && op.lro.isChangeAwaited);
}

function parameterSpecOf(p: Parameter): ParameterDescriptor {
  const serializer = serializerOf(p);
  const defaultStyle = p.in === "path" || p.in === "header" ? "simple" : "form";
  return {
    name: p.name,
    arg: p.argName,
    in: p.in,
    style: p.style === defaultStyle ? undefined : p.style,
    explode: p.explode === (p.style === "form") ? undefined : p.explode,
    allowReserved: p.allowReserved || undefined,
    skipsEncoding: p.skipsEncoding,
    isJson: p.isJson || undefined,
    allowsEmpty:
      (p.in === "path" && p.schema.kind === "enum" && p.schema.values.includes("")) || undefined,
    styles: serializer && new RawCode(serializer),
  };
}

/**
 * `responses` without the plain JSON errors the runtime would treat alike undeclared: a 4xx/5xx
 * code is an error either way, its body is read as JSON (else text) either way, and it adds no
 * Accept type when a success already asks for JSON. Most operations declare several (401, 403,
 * 422, ...): leaving them out keeps descriptors short and shared. A streaming operation keeps
 * them, as its errors alone make the Accept of the streamed call.
 */
export function withoutImpliedErrors(
  responses: OperationSpec["responses"],
  isStreamed: boolean,
): OperationSpec["responses"] {
  const isPlainJson = (r: ResponseSpec): boolean =>
    r.kind === "json" && r.mediaType === undefined && r.dates === undefined;
  const hasJsonSuccess = responses.some((r) => r.status.startsWith("2") && isPlainJson(r));
  if (isStreamed || !hasJsonSuccess) return responses;
  return responses.filter(
    (r) =>
      !(
        /^[45][0-9][0-9]$/.test(r.status) &&
        isPlainJson(r) &&
        r.headers === undefined &&
        r.isError === undefined
      ),
  );
}

export function operationSpecOf(
  api: Api,
  op: Operation,
  dates?: DatePlans,
  writes?: WritePlans,
): OperationDescriptor {
  const responses = wholeResponses(op);
  const responseDates = responses.map((r) =>
    r.kind === "json" && r.schema && dates ? dates.planOf(r.schema) : undefined,
  );
  const stream = streamSpecOf(op, dates);
  return {
    id: op.id,
    method: op.method,
    path: op.path,
    params: writtenParams(op.parameters),
    constants: constantsSpecOf(op.parameters),
    body: op.requestBody && bodyDescriptorOf(op.requestBody, writes),
    responses: withoutImpliedErrors(
      responses.map((r, i) => ({
        status: r.status,
        kind: r.kind,
        mediaType:
          r.kind === "json" || r.kind === "empty" || r.mediaType === undefined
            ? undefined
            : r.mediaType,
        dates: responseDates[i],
        headers: headersDescriptor(api, op, r),
        isError: r.isError,
      })),
      stream !== undefined,
    ),
    auth: authSpecsOf(api, op.security),
    dateTable:
      responseDates.some(Boolean) || stream?.dates ? new RawCode(dateTableName) : undefined,
    // The runtime reads an absent mark as the method's (OperationSpec.isIdempotent).
    isIdempotent: op.isIdempotent === isIdempotentMethod(op.method) ? undefined : op.isIdempotent,
    retry: op.retry,
    stream,
    serverWait: op.serverWait && {
      flagPath: op.serverWait.flagPath,
      durationPath: op.serverWait.durationPath,
      defaultDuration: op.serverWait.defaultDuration,
      unitMs: op.serverWait.unitMs,
      apply: new RawCode("withServerWait"),
    },
  };
}

/**
 * The parameters a descriptor spells: not a plain path parameter (`{ name, in: "path" }` and
 * nothing else), which the runtime reads off the path template; undefined when none is left.
 */
function writtenParams(parameters: readonly Parameter[]): ParameterDescriptor[] | undefined {
  const written = parameters
    .map(parameterSpecOf)
    .filter(
      (p) => !(p.in === "path" && Object.values(p).filter((v) => v !== undefined).length === 2),
    );
  return written.length > 0 ? written : undefined;
}

/** The constants the runtime fills in (Parameter.constant), by argument key; undefined when none. */
function constantsSpecOf(parameters: readonly Parameter[]): ConstantsDescriptor | undefined {
  const values = Object.fromEntries(
    parameters.flatMap((p) =>
      p.constant === undefined ? [] : [[p.argName ?? p.name, p.constant]],
    ),
  );
  return Object.keys(values).length > 0
    ? { values, fill: new RawCode("withConstants") }
    : undefined;
}

/** What the runtime assumes of a method when the descriptor does not say (retry.ts's isIdempotent). */
function isIdempotentMethod(method: string): boolean {
  return method !== "POST" && method !== "PATCH";
}

/** The runtime's AuthSpecs of a security requirement (its scheme keys; unknown keys dropped). */
export function authSpecsOf(api: Api, security: readonly string[]): AuthDescriptor[] {
  return security.flatMap((key): AuthDescriptor[] => {
    const scheme = api.securitySchemes.find((s) => s.key === key);
    if (!scheme) return [];
    const data: AuthData =
      scheme.type === "apiKey"
        ? { type: "apiKey", in: scheme.in, name: scheme.name }
        : { type: scheme.type === "oauth2" ? "bearer" : scheme.type };
    return [{ ...data, apply: new RawCode(authPlacerOf(data.type)) }];
  });
}

/**
 * The API's security: the requirement more than half the operations hold (OpenAPI's top-level
 * `security`, as a rule), which core.ts hands the Transport (TransportDefaults.auth) so that
 * their descriptors leave `auth` out. Undefined when none is that common or it names no scheme
 * (the Transport's default is no auth).
 */
export function defaultSecurityOf(api: Api): readonly string[] | undefined {
  const common = majorityOf(api.operations.map((op) => op.security));
  return common && authSpecsOf(api, common).length > 0 ? common : undefined;
}

/**
 * The API's retry policy: the one more than half the operations hold (a document-level
 * x-speakeasy-retries, as a rule), which core.ts hands the Transport (TransportDefaults.retry) so
 * that their descriptors leave `retry` out. Undefined when none is that common or most have none.
 */
export function defaultRetryOf(api: Api): RetryPolicy | undefined {
  return majorityOf(api.operations.map((op) => op.retry));
}

/** The value more than half of `values` hold (compared as JSON), if any. */
function majorityOf<T>(values: readonly T[]): T | undefined {
  const counts = new Map<string | undefined, { value: T; count: number }>();
  for (const value of values) {
    const key = JSON.stringify(value);
    const seen = counts.get(key) ?? { value, count: 0 };
    counts.set(key, { value, count: seen.count + 1 });
  }
  const [common] = [...counts.values()].sort((a, b) => b.count - a.count);
  return common && common.count * 2 > values.length ? common.value : undefined;
}

/** The same security requirement: the same scheme keys in the same order (the order picks the scheme). */
export function isSameSecurity(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/** The body's write plan, when it is JSON or a form and its request view needs one. */
export function writePlanOf(
  body: NonNullable<Operation["requestBody"]>,
  writes: WritePlans | undefined,
): WritePlan | undefined {
  return isPlannedBody(body.kind) && writes ? writes.planOf(body.schema) : undefined;
}

function bodyDescriptorOf(
  body: NonNullable<Operation["requestBody"]>,
  writes: WritePlans | undefined,
): BodyDescriptor {
  const { kind, mediaType } = body;
  const plan = writePlanOf(body, writes);
  const encode = new RawCode(bodyEncoderOf(kind, plan !== undefined).name);
  if (!plan) return { kind, mediaType, encode };
  const usesTable = JSON.stringify(plan).includes('"ref":');
  return {
    kind,
    mediaType,
    encode,
    plan,
    plans: usesTable ? new RawCode(writePlanTableName) : undefined,
  };
}

/** The runtime's PaginationSpec: the model's paging minus what only the emitter needs. */
export function paginationSpecOf(op: Operation): PaginationSpec | undefined {
  if (!op.pagination) return undefined;
  const { itemSchema, source, ...spec } = op.pagination;
  return spec;
}

/** How `<method>AndWait` finds the id(s) of what it started, and which `until` target it waits for. */
export function startSpecOf(api: Api, op: Operation): StartSpec | undefined {
  const lro = op.lro;
  if (!lro) return undefined;
  const poller = api.pollers.find((p) => p.name === lro.poller);
  const target =
    lro.until === undefined ? undefined : poller?.targets?.find((t) => t.name === lro.until);
  return {
    idPath: lro.idPath,
    idsPath: lro.idsPath,
    idArg: lro.idArg,
    isIdOptional: lro.isIdOptional || undefined,
    isChangeAwaited: lro.isChangeAwaited,
    target: target && waitTargetOf(target),
  };
}

/** The runtime's WaitTarget: the model's sets, defaults left out. */
export function waitTargetOf(target: PollerTarget): WaitTarget {
  return {
    successValues: target.successValues,
    failureValues: target.failureValues,
    // Always written, empty too: a target replaces the poller's own unreachable set.
    unreachableValues: target.unreachableValues,
    isGoneSuccess: target.isGoneSuccess || undefined,
  };
}

/** The runtime's StreamSpec: how the success stream is read, and which body field asks for it. */
function streamSpecOf(op: Operation, dates: DatePlans | undefined): StreamSpec | undefined {
  const stream = streamResponseOf(op);
  if (!stream || stream.mediaType === undefined) return undefined;
  const isJson = stream.kind === "ndjson" || stream.schema?.kind !== "string";
  const plan = isJson && stream.schema && dates ? dates.planOf(stream.schema) : undefined;
  return {
    format: stream.kind as StreamSpec["format"],
    mediaType: stream.mediaType,
    isJson,
    field: op.streamField,
    dates: plan,
  };
}

/** The runtime's UrlLroSpec: the model's fields minus what only the generator needs. */
export function urlLroSpecOf(lro: UrlLro): UrlLroSpec {
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

/** The runtime's LroSpec of a poller; its poll operation is referenced by its constant (a safe identifier), not copied. */
export function lroSpecOf(api: Api, poller: Poller): LroDescriptor {
  const op = api.operations.find((o) => o.id === poller.operationId);
  return {
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
    rules: needsLroRules(api, poller) ? new RawCode("lroRules") : undefined,
  };
}

/** The runtime's ChannelSpec literal for one channel. */
export function channelSpecOf(channel: Channel): ChannelSpec {
  return {
    id: channel.name,
    path: channel.path,
    params: channel.parameters.map((p) => ({ name: p.name, in: "path" })),
    authField: channel.authField,
    hasOpenMessage: channel.openMessage !== undefined,
    request: channel.request,
    idField: channel.idField,
    end: channel.end,
    result: channel.result,
    closeCodes:
      channel.closeCodes.length > 0
        ? channel.closeCodes.map((c) => ({
            code: Number(c.code),
            outcome: c.outcome,
            meaning: c.meaning,
          }))
        : undefined,
    pingIntervalMs: unlessDefault(channel.pingIntervalMs, runtimePingDefaults.intervalMs),
    pingTimeoutMs: unlessDefault(channel.pingTimeoutMs, runtimePingDefaults.timeoutMs),
  };
}

/** The runtime's keepalive defaults (channel.ts's DEFAULT_PING_*), which descriptors leave out. */
export const runtimePingDefaults = { intervalMs: 5000, timeoutMs: 10_000 } as const;

function unlessDefault(value: number | undefined, runtimeDefault: number): number | undefined {
  return value === runtimeDefault ? undefined : value;
}
