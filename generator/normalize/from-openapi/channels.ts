// Root `x-clientgen-channels` (usually from an overlay): WebSocket channels next to the HTTP
// operations, e.g. TensorPool's job push and listen. Each field is checked here, so a bad
// description is reported at its own location.
import type { Channel, CloseCode } from "../../model/api.js";
import type { Schema } from "../../model/schema.js";
import { child, isObject, report, type Location, type NormalizeContext } from "../context.js";
import { camelCase, isIdentifier } from "../names.js";
import { toSchema } from "./schema-object/index.js";

const outcomes = new Set(["error", "lost", "normal", "refused"]);

export function channelsOf(ctx: NormalizeContext, raw: unknown, at: Location): Channel[] {
  if (raw === undefined) return [];
  if (!isObject(raw)) {
    report(
      ctx,
      at,
      "error",
      "CHN001",
      "x-clientgen-channels must map method names to channel descriptions",
    );
    return [];
  }
  const channels: Channel[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const channel = channelOf(ctx, key, value, child(at, key));
    if (channel) channels.push(channel);
  }
  return channels.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function channelOf(
  ctx: NormalizeContext,
  key: string,
  raw: unknown,
  at: Location,
): Channel | undefined {
  const fail = (message: string, where: Location = at): undefined => {
    report(ctx, where, "error", "CHN002", message);
    return undefined;
  };
  const name = camelCase(key);
  if (!isIdentifier(name))
    return fail(`channel name ${JSON.stringify(key)} does not make a method name`);
  if (!isObject(raw)) return fail("a channel description must be an object");
  if (typeof raw.path !== "string" || !raw.path.startsWith("/"))
    return fail("a channel needs `path`, starting with /");
  if (raw.serverMessage === undefined)
    return fail("a channel needs `serverMessage`: the schema of what the server sends");
  const result = raw.result ?? "end";
  if (result !== "end" && result !== "id")
    return fail(
      "`result` is `end` (the ending message) or `id` (the id learned)",
      child(at, "result"),
    );
  const end = endOf(raw.end);
  if (raw.end !== undefined && !end)
    return fail("`end` needs `field`, `success` and `failure` (lists of values)", child(at, "end"));
  if (result === "end" && !end)
    return fail("a channel resolving to its ending message (`result: end`) needs `end`");
  const idField = typeof raw.id === "string" ? raw.id : undefined;
  if (result === "id" && !idField)
    return fail(
      "a channel resolving to an id (`result: id`) needs `id`: the server message field holding it",
    );
  const request = requestOf(raw.request);
  if (raw.request !== undefined && !request)
    return fail(
      "`request` needs `field` and `handler` (a name like onCommand)",
      child(at, "request"),
    );
  if (request && raw.clientMessage === undefined)
    return fail(
      "a channel with `request` needs `clientMessage`: the schema of the handler's answer",
    );
  const auth =
    isObject(raw.auth) && typeof raw.auth.firstMessage === "string"
      ? raw.auth.firstMessage
      : undefined;
  if (raw.auth !== undefined && auth === undefined)
    return fail(
      "`auth` takes `firstMessage`: the field the key is sent in, as the first message",
      child(at, "auth"),
    );
  const schema = (field: string): Schema | undefined =>
    raw[field] === undefined ? undefined : toSchema(ctx, raw[field], child(at, field));
  const keepalive = isObject(raw.keepalive) ? raw.keepalive : {};
  return {
    authField: auth,
    clientMessage: schema("clientMessage"),
    closeCodes: closeCodesOf(ctx, raw.closeCodes, child(at, "closeCodes")),
    description: typeof raw.description === "string" ? raw.description : undefined,
    end,
    idField,
    name,
    openMessage: schema("openMessage"),
    parameters: parametersOf(ctx, raw.path, raw.parameters, child(at, "parameters")),
    path: raw.path,
    pingIntervalMs: typeof keepalive.intervalMs === "number" ? keepalive.intervalMs : undefined,
    pingTimeoutMs: typeof keepalive.timeoutMs === "number" ? keepalive.timeoutMs : undefined,
    pointer: at.pointer,
    request,
    result,
    serverMessage: schema("serverMessage") ?? { kind: "unknown" },
    summary: typeof raw.summary === "string" ? raw.summary : undefined,
  };
}

function endOf(raw: unknown): Channel["end"] {
  if (
    !isObject(raw) ||
    typeof raw.field !== "string" ||
    !Array.isArray(raw.success) ||
    !Array.isArray(raw.failure)
  )
    return undefined;
  return { failure: raw.failure.map(String), field: raw.field, success: raw.success.map(String) };
}

function requestOf(raw: unknown): Channel["request"] {
  if (
    !isObject(raw) ||
    typeof raw.field !== "string" ||
    typeof raw.handler !== "string" ||
    !isIdentifier(raw.handler)
  )
    return undefined;
  return { field: raw.field, handler: raw.handler };
}

function closeCodesOf(ctx: NormalizeContext, raw: unknown, at: Location): CloseCode[] {
  if (!isObject(raw)) return [];
  const codes: CloseCode[] = [];
  for (const [code, value] of Object.entries(raw)) {
    if (
      !/^[1-4][0-9]{3}$/.test(code) ||
      !isObject(value) ||
      !outcomes.has(value.outcome as string) ||
      typeof value.meaning !== "string"
    ) {
      report(
        ctx,
        child(at, code),
        "error",
        "CHN003",
        "a close code maps to { outcome: normal | lost | refused | error, meaning: text }",
      );
      continue;
    }
    codes.push({ code, meaning: value.meaning, outcome: value.outcome as CloseCode["outcome"] });
  }
  return codes.sort((a, b) => Number(a.code) - Number(b.code));
}

/** Path parameters: every {name} of the path, typed by `parameters` where given (default string). */
function parametersOf(
  ctx: NormalizeContext,
  path: string,
  raw: unknown,
  at: Location,
): Channel["parameters"] {
  const declared = Array.isArray(raw) ? raw : [];
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => {
    const index = declared.findIndex((p) => isObject(p) && p.name === match[1]);
    const found = index === -1 ? undefined : (declared[index] as Record<string, unknown>);
    return {
      description: typeof found?.description === "string" ? found.description : undefined,
      name: match[1],
      schema:
        found?.schema === undefined
          ? { kind: "string" }
          : toSchema(ctx, found.schema, child(child(at, index), "schema")),
    };
  });
}
