// The one place where names become unique. Order of claims is fixed (sorted inputs), so the same
// spec always yields the same names, and reserved names are never handed out.
import type { Api } from "../../model/api.js";
import { NameRegistry, pascalCase } from "../names.js";

/** Names the generated index exports or the emitted types use: a schema may not take them. */
export const reservedTypeNames = [
  // runtime exports
  "ApiError", "AuthenticationError", "BadRequestError", "ClientOptions", "ConflictError", "ConnectionError",
  "CredentialError", "InternalServerError", "NotFoundError", "OperationFailedError", "PagePromise", "PaginationOptions",
  "PermissionDeniedError", "PollTimeoutError", "Poller", "PollOptions", "RateLimitError", "RequestOptions",
  "ResponseParseError", "ResponseTooLargeError", "RetryOptions", "TimeoutError", "Transport",
  "UnexpectedStatusError", "UnprocessableEntityError",
  // globals that emitted type expressions refer to (a schema named `Error` is fine: types.ts never uses the global)
  "Blob", "Record",
];

/** Client members that are not operations. */
const reservedMethodNames = ["resumePoller", "then", "constructor", "toString", "toJSON", "valueOf", "hasOwnProperty"];

export function resolveNameConflicts(api: Api): Api {
  const types = new NameRegistry([...reservedTypeNames, `${api.name}Client`, `create${api.name}Client`]);
  // Component schemas claim first, so `#/components/schemas/Pet` keeps `Pet` over an inline `pet.yml`.
  const schemas = [...api.schemas]
    .sort((a, b) => rankOf(a.id) - rankOf(b.id) || compare(a.name, b.name) || compare(a.id, b.id))
    .map((schema) => ({ ...schema, name: types.claim(schema.name) }));
  const pollerMethods = api.pollers.flatMap((p) => [`poll${p.name}`, `waitFor${p.name}`]);
  const methods = new NameRegistry([...reservedMethodNames, ...pollerMethods]);
  const operations = [...api.operations]
    .sort((a, b) => compare(a.name, b.name) || compare(a.path, b.path) || compare(a.method, b.method))
    .map((op) => {
      const name = methods.claim(op.name);
      const lro = op.lro ? { ...op.lro, waitMethodName: methods.claim(`${name}AndWait`) } : undefined;
      const urlLro = op.urlLro ? { ...op.urlLro, waitMethodName: methods.claim(`${name}AndWait`) } : undefined;
      const paramsTypeName = types.claim(`${pascalCase(name)}Params`);
      return { ...op, lro, name, paramsTypeName, urlLro, resultTypeName: types.claim(`${pascalCase(name)}Result`) };
    });
  return { ...api, operations, schemas };
}

function rankOf(id: string): number {
  return id.startsWith("#/components/schemas/") && id.split("/").length === 4 ? 0 : 1;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
