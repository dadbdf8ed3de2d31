// The view of descriptors.ts: the literal descriptors the runtime sends each call with, typed by
// the runtime's contract (descriptor-specs.ts). Nothing else: the client is built from functions.ts.
import type { Api } from "../../model/api.js";
import type { OperationSpec } from "../../../templates/runtime/types.js";
import { channelConstName } from "./channel-view.js";
import { datePlans } from "./date-plans.js";
import {
  dateTableName,
  defaultAuthName,
  defaultRetryName,
  paginationConstName,
  pollerConstName,
  pollerTableName,
  startConstName,
  targetsConstName,
  urlLroConstName,
  writePlanTableName,
} from "./descriptor-names.js";
import {
  authSpecsOf,
  bodyEncoderOf,
  defaultRetryOf,
  defaultSecurityOf,
  isSameSecurity,
  channelSpecOf,
  lroSpecOf,
  needsLroRules,
  serializerOf,
  operationSpecOf,
  paginationSpecOf,
  startSpecOf,
  urlLroSpecOf,
  waitTargetOf,
  writePlanOf,
} from "./descriptor-specs.js";
import { shareDescriptorFields } from "./descriptor-sharing.js";
import { expandedObject, printValue, RawCode } from "./value-layout.js";
import { writePlans, type WritePlans } from "./write-plans.js";

/** A constant of descriptors.ts: `export const <name>: <type> = <literal>;`. */
export interface DescriptorConstant {
  /** `export const`, or `const` for a value only the file's own constants name. */
  keyword: string;
  /** The value, laid out as prettier prints it. */
  literal: string;
  name: string;
  /** Its runtime type, e.g. `OperationSpec`. */
  type: string;
}

export interface DescriptorsView {
  /**
   * Every descriptor constant, in dependency order (a constant only names those above it). The
   * file is `@ts-nocheck`: a host's checker takes the declared types instead of checking every
   * literal (most of its cost); our tests check the literals.
   */
  constants: DescriptorConstant[];
  /** `LroSpec, OperationSpec, PaginationSpec`: only what the file uses (unused imports break strict hosts). */
  runtimeTypes: string;
  /** The client revives dates: the date table names the runtime's reviver (imported only then). */
  hasDates: boolean;
  /** A parameter uses a non-default style: its descriptor names the runtime's paramStyles. */
  hasParamStyles: boolean;
  /** A parameter keeps its location's default style: its descriptor names the runtime's defaultStyles. */
  hasDefaultStyles: boolean;
  /** A poller uses a rule beyond status sets: its descriptor names the runtime's lroRules. */
  hasLroRules: boolean;
  /** `encodeJson, encodeText`: the body encoders of body.ts descriptors name (imported only then). */
  bodyEncoders: string;
  /** `encodeForm, encodeMultipart`: the body encoders of body-forms.ts descriptors name. */
  formEncoders: string;
  /** A JSON body has a write plan: its descriptor names write-plans.ts's encodeWritableJson. */
  hasWritePlans: boolean;
  /** `encodeWritableForm, ...`: the encoders of writable-forms.ts form bodies with a plan name. */
  writableFormEncoders: string;
  /** An operation has the server wait: its descriptor names the runtime's withServerWait. */
  hasServerWait: boolean;
  /** A parameter is a constant: its operation's descriptor names the runtime's withConstants. */
  hasConstants: boolean;
  /** `apiKeyAuth, bearerAuth`: the auth placers descriptors name (imported only then). */
  authPlacers: string;
}

/** Runtime types a constant may be declared with, in import order. */
const runtimeTypeNames = [
  "ChannelSpec",
  "DateTable",
  "LroSpec",
  "OperationSpec",
  "PaginationSpec",
  "StartSpec",
  "UrlLroSpec",
  "WaitTargets",
  "WritePlan",
];

export function descriptorsView(api: Api): DescriptorsView {
  const constants: DescriptorConstant[] = [];
  const constant = (name: string, type: string, literal: string, keyword = "export const") =>
    constants.push({ keyword, literal, name, type });
  const dates = datePlans(api);
  const hasDates =
    Object.keys(dates.table).length > 0 ||
    api.operations.some((op) => op.responses.some((r) => r.schema && dates.planOf(r.schema)));
  // First in the file: descriptors below refer to it while the module initialises.
  if (hasDates) {
    const table = { revive: new RawCode("reviveDates"), plans: dates.table };
    constant(dateTableName, "DateTable", expandedObject(table, 0));
  }
  const writes = writePlans(api);
  if (Object.keys(writes.table).length > 0)
    constant(writePlanTableName, "Record<string, WritePlan>", expandedObject(writes.table, 0));
  const operationSpecs = api.operations.map((op) => operationSpecOf(api, op, dates, writes));
  // The API's security goes to the Transport (core.ts); the descriptors holding it leave it out.
  const security = defaultSecurityOf(api);
  if (security) {
    const type = `OperationSpec["auth"]`;
    const head = `export const ${defaultAuthName}: ${type} = `;
    constant(defaultAuthName, type, printValue(authSpecsOf(api, security), 0, head.length, 1));
  }
  // So does the API's retry policy; an operation without one says so with an empty policy.
  const retry = defaultRetryOf(api);
  if (retry) {
    const type = `OperationSpec["retry"]`;
    const head = `export const ${defaultRetryName}: ${type} = `;
    constant(defaultRetryName, type, printValue(retry, 0, head.length, 1));
  }
  const { shared, specs } = shareDescriptorFields(
    operationSpecs.map((spec, i) => ({
      ...spec,
      auth:
        security && isSameSecurity(api.operations[i]!.security, security) ? undefined : spec.auth,
      retry: retry ? withoutDefault(spec.retry, retry) : spec.retry,
    })),
  );
  for (const { name, field, value } of shared) {
    const type = `OperationSpec["${field}"]`;
    const head = `const ${name}: ${type} = `;
    constant(name, type, printValue(value, 0, head.length, 1), "const");
  }
  for (const [i, op] of api.operations.entries()) {
    constant(op.name, "OperationSpec", expandedObject(specs[i]!, 0));
    const paging = paginationSpecOf(op);
    if (paging) {
      const head = `export const ${paginationConstName(op)}: PaginationSpec = `;
      constant(paginationConstName(op), "PaginationSpec", printValue(paging, 0, head.length, 1));
    }
    const start = startSpecOf(api, op);
    if (start) constant(startConstName(op), "StartSpec", expandedObject({ ...start }, 0));
    if (op.urlLro)
      constant(
        urlLroConstName(op),
        "UrlLroSpec",
        expandedObject({ ...urlLroSpecOf(op.urlLro) }, 0),
      );
  }
  for (const poller of api.pollers) {
    constant(pollerConstName(poller), "LroSpec", expandedObject(lroSpecOf(api, poller), 0));
    if (poller.targets) {
      const table = Object.fromEntries(poller.targets.map((t) => [t.name, waitTargetOf(t)]));
      constant(targetsConstName(poller), "WaitTargets", expandedObject(table, 0));
    }
  }
  if (api.pollers.length > 0) {
    const table = Object.fromEntries(
      api.pollers.map((p) => [p.name, new RawCode(pollerConstName(p))]),
    );
    constant(pollerTableName, "Record<string, LroSpec>", expandedObject(table, 0));
  }
  for (const channel of api.channels)
    constant(
      channelConstName(channel),
      "ChannelSpec",
      expandedObject({ ...channelSpecOf(channel) }, 0),
    );
  const used = new Set(constants.map((c) => c.type.replace(/^Record<string, (\w+)>$/, "$1")));
  const serializers = new Set(api.operations.flatMap((op) => op.parameters.map(serializerOf)));
  const placers = new Set(
    operationSpecs.flatMap((spec) => (spec.auth ?? []).map((a) => a.apply.text)),
  );
  return {
    constants,
    runtimeTypes: runtimeTypeNames.filter((t) => used.has(t)).join(", "),
    hasDates,
    hasParamStyles: serializers.has("paramStyles"),
    hasDefaultStyles: serializers.has("defaultStyles"),
    hasLroRules: api.pollers.some((poller) => needsLroRules(api, poller)),
    bodyEncoders: encodersIn(api, "body", writes),
    formEncoders: encodersIn(api, "body-forms", writes),
    hasWritePlans: encodersIn(api, "write-plans", writes) !== "",
    writableFormEncoders: encodersIn(api, "writable-forms", writes),
    hasServerWait: api.operations.some((op) => op.serverWait !== undefined),
    hasConstants: operationSpecs.some((spec) => spec.constants !== undefined),
    authPlacers: [...placers].sort().join(", "),
  };
}

/**
 * An operation's retry policy beside the API's: nothing when it is the API's (field for field, in
 * the order the dialects build them), `{}` when it has none (the API's must not apply).
 */
function withoutDefault(
  own: OperationSpec["retry"],
  apiRetry: NonNullable<OperationSpec["retry"]>,
): OperationSpec["retry"] {
  return JSON.stringify(own) === JSON.stringify(apiRetry) ? undefined : (own ?? {});
}

/** The body encoders of runtime module `module` that the API's descriptors name, sorted. */
function encodersIn(api: Api, module: string, writes: WritePlans): string {
  const names = new Set<string>();
  for (const op of api.operations) {
    const body = op.requestBody;
    const encoder = body && bodyEncoderOf(body.kind, writePlanOf(body, writes) !== undefined);
    if (encoder?.module === module) names.add(encoder.name);
  }
  return [...names].sort().join(", ");
}
