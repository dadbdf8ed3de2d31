// Per-operation type expressions: the argument object, the success result, and paging items.
import type { Operation, Response } from "../../model/api.js";
import { docComment, schemaDocLines, seeLine } from "./doc-comment.js";
import { indentLines, typeAlias, typedLine } from "./layout.js";
import { aliasDeclaration, type Declaration } from "./declaration.js";
import { propertyKey } from "./literal.js";
import { typeExpression, type TypeNames, unionMember } from "./type-expression.js";

/** Members of `<Op>Params` at `column`, fully indented: every parameter by its argument key (distinct per operation), then `body`. */
export function paramsMembers(op: Operation, names: TypeNames, column: number): string[] {
  const members = op.parameters.map((p) => {
    const doc = docComment([
      p.description ?? schemaDocLines(p.schema).join("\n"),
      p.constant === undefined
        ? undefined
        : "Optional: the client sends this constant when it is left out.",
      p.deprecated ? "@deprecated" : undefined,
    ]);
    const line = typedLine(
      column,
      `${propertyKey(p.argName ?? p.name)}${p.isRequired ? "" : "?"}:`,
      typeExpression(p.schema, names, column),
    );
    return doc ? `${indentLines(doc, column)}\n${line}` : line;
  });
  if (op.requestBody) {
    const body = op.requestBody;
    const doc = docComment([body.description]);
    const line = typedLine(
      column,
      `body${body.isRequired ? "" : "?"}:`,
      typeExpression(body.schema, names, column),
    );
    members.push(doc ? `${indentLines(doc, column)}\n${line}` : line);
  }
  return members;
}

/** True when a call may omit the argument object. */
export function hasRequiredArgs(op: Operation): boolean {
  return op.parameters.some((p) => p.isRequired) || op.requestBody?.isRequired === true;
}

/** The success response that streams (SSE, NDJSON), if the operation has one. */
export function streamResponseOf(op: Operation): Response | undefined {
  return op.responses.find(
    (r) => r.status.startsWith("2") && (r.kind === "sse" || r.kind === "ndjson"),
  );
}

/** A response read as a whole: any kind but a stream. */
export type WholeResponse = Response & { kind: Exclude<Response["kind"], "ndjson" | "sse"> };

/** Responses read as a whole (everything but streams). */
export function wholeResponses(op: Operation): WholeResponse[] {
  return op.responses.filter((r): r is WholeResponse => r.kind !== "sse" && r.kind !== "ndjson");
}

/** The type of one event of the operation's stream. */
export function streamItemType(op: Operation, names: TypeNames): string {
  const stream = streamResponseOf(op);
  return stream?.schema ? typeExpression(stream.schema, names) : "unknown";
}

/**
 * True when `default` describes the call's result: no other non-error response (1XX-3XX) is
 * declared. The runtime's isResultResponse applies the same rule to an undeclared 2xx, so the
 * result type, `.withResponse()`'s headers and what resolves at run time agree.
 */
export function isDefaultResult(op: Operation): boolean {
  return !op.responses.some((r) => r.status !== "default" && isResultResponse(r));
}

/** A declared status (not `default`) the call resolves with: 1XX-3XX, or one the document marks as no error. */
export function isResultResponse(response: Response): boolean {
  if (response.status === "default") return false;
  return response.isError === undefined ? !/^[45]/.test(response.status) : !response.isError;
}

/** The resolved value of a call: union of the 2XX bodies and of 4XX/5XX ones marked as no error (default when it is the result, isDefaultResult). */
export function resultType(op: Operation, names: TypeNames): string {
  const responses = wholeResponses(op);
  const success = responses.filter(
    (r) => r.status.startsWith("2") || (/^[45]/.test(r.status) && isResultResponse(r)),
  );
  const chosen =
    success.length > 0
      ? success
      : isDefaultResult(op)
        ? responses.filter((r) => r.status === "default")
        : [];
  if (chosen.length === 0) return "unknown";
  const types = chosen.map((r) =>
    r.kind === "empty" ? "void" : r.schema ? typeExpression(r.schema, names) : "unknown",
  );
  const unique = [...new Set(types)];
  return unique.length === 1 ? unique[0] : unique.map(unionMember).join(" | ");
}

/**
 * The result type as the client names it: inline when it is one line, else the operation's own
 * `<Op>Result` alias from operations.ts (declared by `resultDeclaration`).
 */
export function clientResultType(op: Operation, names: TypeNames): string {
  const type = resultType(op, names);
  return type.includes("\n") ? `op.${op.resultTypeName}` : type;
}

/** `export type <Op>Result = ...;` when the result needs a name of its own, else undefined. */
export function resultDeclaration(
  op: Operation,
  names: TypeNames,
  clientName: string,
): Declaration | undefined {
  const type = resultType(op, names);
  if (!type.includes("\n")) return undefined;
  // Names in backticks, not {@link}: tsc parses and resolves every @link, thousands in a big client.
  const doc = docComment([`Result of \`${clientName}.${op.name}\`.`]);
  return aliasDeclaration(doc, op.resultTypeName, typeAlias(op.resultTypeName, type));
}

/** The body type of declared error responses (4XX/5XX/default), for ApiError<...>. */
export function errorType(op: Operation, names: TypeNames): string {
  const errors = op.responses.filter(
    (r) => !r.status.startsWith("2") && !r.status.startsWith("1") && !r.status.startsWith("3"),
  );
  const types = errors.map((r) =>
    r.kind === "empty" ? "undefined" : r.schema ? typeExpression(r.schema, names) : "unknown",
  );
  return types.length === 0 ? "unknown" : [...new Set(types)].join(" | ");
}

/**
 * A method's JSDoc, written once: on its standalone function, which the client method links to
 * (client.ts derives its interface from functions.ts).
 */
export function methodDoc(op: Operation, extra: string[] = []): string {
  const description = op.description === op.summary ? undefined : op.description;
  const paragraphs = [op.summary, description, ...extra, `\`${op.method} ${op.path}\``];
  if (op.externalDocs) paragraphs.push(seeLine(op.externalDocs));
  return docComment([
    ...paragraphs
      .filter((p) => p !== undefined)
      .join("\n\n")
      .split("\n"),
    op.deprecated ? "@deprecated" : undefined,
  ]);
}

export { schemaDocLines };
