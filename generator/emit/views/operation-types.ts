// Per-operation type expressions: the argument object, the success result, and paging items.
import type { Operation } from "../../model/api.js";
import { docComment, schemaDocLines } from "./doc-comment.js";
import { propertyKey } from "./literal.js";
import { typeExpression, type TypeNames } from "./type-expression.js";

/** Member lines of `<Op>Params`: every parameter by its spec name, then `body`. */
export function paramsMembers(op: Operation, names: TypeNames): string[] {
  // One key per name: a name used in two locations takes one value, sent to both.
  const unique = op.parameters.filter((p, i, all) => all.findIndex((q) => q.name === p.name) === i);
  const members = unique.map((p) => {
    const doc = docComment([p.description ?? schemaDocLines(p.schema).join("\n"), p.deprecated ? "@deprecated" : undefined]);
    const line = `${propertyKey(p.name)}${p.isRequired ? "" : "?"}: ${typeExpression(p.schema, names)};`;
    return doc ? `${doc}\n${line}` : line;
  });
  if (op.requestBody) {
    const body = op.requestBody;
    const doc = docComment([body.description]);
    const line = `body${body.isRequired ? "" : "?"}: ${typeExpression(body.schema, names)};`;
    members.push(doc ? `${doc}\n${line}` : line);
  }
  return members;
}

/** True when a call may omit the argument object. */
export function hasRequiredArgs(op: Operation): boolean {
  return op.parameters.some((p) => p.isRequired) || op.requestBody?.isRequired === true;
}

/** The resolved value of a call: union of the 2XX bodies (default when no 2XX is declared). */
export function resultType(op: Operation, names: TypeNames): string {
  const success = op.responses.filter((r) => r.status.startsWith("2"));
  const chosen = success.length > 0 ? success : op.responses.filter((r) => r.status === "default");
  if (chosen.length === 0) return "unknown";
  const types = chosen.map((r) => (r.kind === "empty" ? "void" : r.schema ? typeExpression(r.schema, names) : "unknown"));
  return [...new Set(types)].join(" | ");
}

/** The body type of declared error responses (4XX/5XX/default), for ApiError<...>. */
export function errorType(op: Operation, names: TypeNames): string {
  const errors = op.responses.filter((r) => !r.status.startsWith("2") && !r.status.startsWith("1") && !r.status.startsWith("3"));
  const types = errors.map((r) => (r.kind === "empty" ? "undefined" : r.schema ? typeExpression(r.schema, names) : "unknown"));
  return types.length === 0 ? "unknown" : [...new Set(types)].join(" | ");
}

/** JSDoc of a client method. */
export function methodDoc(op: Operation, extra: string[] = []): string {
  const paragraphs = [op.summary, op.description === op.summary ? undefined : op.description, ...extra, `\`${op.method} ${op.path}\``];
  return docComment([...paragraphs.filter((p) => p !== undefined).join("\n\n").split("\n"), op.deprecated ? "@deprecated" : undefined]);
}

export { schemaDocLines };
