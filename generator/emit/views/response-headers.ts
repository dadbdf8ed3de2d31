// The response headers a call's `.withResponse()` offers: per success response the descriptor
// telling the runtime how to parse each declared header, and per operation the TypeScript type
// of the parsed headers (operations.ts `<Op>ResponseHeaders`).
import type { Api, Operation, Response } from "../../model/api.js";
import type { Schema } from "../../model/schema.js";
import { aliasDeclaration, interfaceDeclaration, type Declaration } from "./declaration.js";
import { docComment } from "./doc-comment.js";
import { isResultResponse, isDefaultResult } from "./operation-types.js";
import { indentLines, typeAlias } from "./layout.js";
import { propertyKey } from "./literal.js";

type HeaderKind = "boolean" | "number" | "string";

/** Responses a call resolves with (isResultResponse; default when it is the result, isDefaultResult): errors throw. */
function isResult(op: Operation, response: Response): boolean {
  return isResultResponse(response) || (response.status === "default" && isDefaultResult(op));
}

function headerKind(api: Api, schema: Schema): HeaderKind {
  const resolved =
    schema.kind === "ref" ? api.schemas.find((s) => s.id === schema.target)?.schema : schema;
  if (resolved?.kind === "integer" || resolved?.kind === "number") return "number";
  return resolved?.kind === "boolean" ? "boolean" : "string";
}

/** ResponseSpec.headers of `response`: declared name -> how it is parsed; undefined when none. */
export function headersDescriptor(
  api: Api,
  op: Operation,
  response: Response,
): Record<string, HeaderKind> | undefined {
  if (!isResult(op, response) || response.headers.length === 0) return undefined;
  const sorted = [...response.headers].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  return Object.fromEntries(sorted.map((h) => [h.name, headerKind(api, h.schema)]));
}

/** `<Op>ResponseHeaders`: derived from the result's unique name, so it is unique too. */
export function headersTypeName(op: Operation): string {
  return op.resultTypeName.replace(/Result(\d*)$/, "ResponseHeaders$1");
}

/** True when some result response of `op` declares headers. */
export function hasDeclaredHeaders(op: Operation): boolean {
  return op.responses.some((r) => isResult(op, r) && r.headers.length > 0);
}

/**
 * `export interface <Op>ResponseHeaders {...}`: every declared header, optional (servers may omit
 * it). When an earlier operation declares the very same members (APIs put one rate-limit set on
 * every response: 400 copies in DigitalOcean's), an alias to its interface instead: a host's
 * checker then parses and checks the members, and their docs, once.
 */
export function headersDeclaration(api: Api, op: Operation): Declaration | undefined {
  const body = headersMembers(api, op);
  if (!body) return undefined;
  const name = headersTypeName(op);
  const doc = docComment([
    `Declared response headers of \`${api.name}Client.${op.name}\`, as \`.withResponse()\` parses them.`,
  ]);
  const first = firstDeclaring(api).get(body.join("\n"));
  if (first !== undefined && first !== name)
    return aliasDeclaration(doc, name, typeAlias(name, first));
  return interfaceDeclaration(doc, name, body);
}

/** The members of `<Op>ResponseHeaders`, laid out and sorted by name; undefined when none. */
function headersMembers(api: Api, op: Operation): string[] | undefined {
  if (!hasDeclaredHeaders(op)) return undefined;
  const members = new Map<string, string>();
  for (const response of op.responses.filter((r) => isResult(op, r))) {
    for (const header of response.headers) {
      if (members.has(header.name)) continue;
      const doc = docComment([header.description]);
      const line = `readonly ${propertyKey(header.name)}?: ${headerKind(api, header.schema)};`;
      members.set(header.name, indentLines(doc ? `${doc}\n${line}` : line, 2));
    }
  }
  return [...members.keys()].sort().map((name) => members.get(name)!);
}

const firstDeclaringCache = new WeakMap<Api, Map<string, string>>();

/** Members text -> the name of the first operation's (in model order) headers interface with them. */
function firstDeclaring(api: Api): Map<string, string> {
  let first = firstDeclaringCache.get(api);
  if (!first) {
    first = new Map();
    for (const op of api.operations) {
      const key = headersMembers(api, op)?.join("\n");
      if (key !== undefined && !first.has(key)) first.set(key, headersTypeName(op));
    }
    firstDeclaringCache.set(api, first);
  }
  return first;
}
