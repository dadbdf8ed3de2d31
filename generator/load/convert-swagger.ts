// Swagger 2.0 roots are converted to OpenAPI 3.0 with @scalar/openapi-upgrader (maintained, two
// small dependencies), then loaded like any 3.0 document. External `$ref`s are left as written: the
// referenced files are read by the usual ref walk, so multi-file 2.0 specs keep working as long as
// the referenced fragments are plain schemas (2.0 and 3.0 schemas differ only at the edges:
// `x-nullable`, `type: file`). Before it: Azure's `x-ms-paths`, `tsv`, and shared body parameters,
// which the upgrader leaves as parameter refs; after it: what swagger2openapi, our previous
// converter, did that the upgrader does not (required form bodies and responses).
// `x-ms-skip-url-encoding` needs nothing here: the upgrader keeps it, and the parameter reader maps
// it for path and query.
import { formatPointer } from "../shared/json-pointer.js";
import type { Problem } from "./problem.js";
import { isObject } from "../shared/is-object.js";

type Upgrader = typeof import("@scalar/openapi-upgrader/2.0-to-3.0");
let upgraderModule: Upgrader | undefined;

/** Imported on first use: only 2.0 roots pay for it. */
async function loadUpgrader(): Promise<Upgrader> {
  upgraderModule ??= await import("@scalar/openapi-upgrader/2.0-to-3.0");
  return upgraderModule;
}

export type ConvertedSwagger =
  | { ok: true; document: Record<string, unknown>; problems: Problem[] }
  | { ok: false; problems: Problem[] };

/** Convert the Swagger 2.0 `document` (root at `file`, absolute) to OpenAPI 3.0; `document` is not modified. */
export async function convertSwagger(
  document: Record<string, unknown>,
  file: string,
): Promise<ConvertedSwagger> {
  let converted: Record<string, unknown>;
  try {
    // structuredClone: the upgrader edits its argument in place, and the store's copy must stay as read.
    const source = withBodyParametersInline(withTsvMarked(withMsPaths(structuredClone(document))));
    converted = (await loadUpgrader()).upgradeFromTwoToThree(source as never) as unknown as Record<
      string,
      unknown
    >;
  } catch (error) {
    const message = `cannot convert Swagger 2.0 to OpenAPI 3.0: ${(error as Error).message.split("\n")[0]}`;
    const hint = "fix the document, or convert it yourself and pass the OpenAPI 3 file";
    return {
      ok: false,
      problems: [{ code: "LOAD008", file, hint, message, pointer: "#", severity: "error" }],
    };
  }
  withParameterizedHost(document, converted);
  withServerUrlsTrimmed(converted);
  withFormBodiesRequired(converted);
  withResponsesRequired(converted);
  keepNullNextLinkNames(document, converted);
  const problems: Problem[] = [
    {
      code: "LOAD006",
      file,
      hint: "pointers in other diagnostics refer to the converted document; line:col to the nearest source node",
      message: "Swagger 2.0 converted to OpenAPI 3.0",
      pointer: "#/swagger",
      severity: "warning",
    },
  ];
  return { ok: true, document: converted, problems };
}

/**
 * Azure's `x-ms-paths` (paths that differ only in a query string, or that OpenAPI 2.0 would
 * reject) become ordinary paths, keys unchanged: the operation reader (operation-object.ts) splits
 * `/p?k=v` into the route `/p` and a constant query parameter `k`, for `paths` keys too. A key
 * already in `paths` keeps its own definition.
 */
function withMsPaths(document: Record<string, unknown>): Record<string, unknown> {
  const extra = document["x-ms-paths"];
  if (!isObject(extra)) return document;
  const paths: Record<string, unknown> = isObject(document.paths) ? { ...document.paths } : {};
  for (const [key, item] of Object.entries(extra))
    if (!(key in paths) && isObject(item)) paths[key] = item;
  const { "x-ms-paths": _merged, ...rest } = document;
  return { ...rest, paths };
}

/**
 * `collectionFormat: tsv` has no OpenAPI 3 style (the converter drops it with a warning): it goes
 * through as csv marked `x-clientgen-tsv`, which the parameter translator reads as tabDelimited.
 */
function withTsvMarked(document: Record<string, unknown>): Record<string, unknown> {
  const mark = (parameter: unknown): void => {
    if (isObject(parameter) && parameter.collectionFormat === "tsv") {
      parameter.collectionFormat = "csv";
      parameter["x-clientgen-tsv"] = true;
    }
  };
  const lists: unknown[] = [
    isObject(document.parameters) ? Object.values(document.parameters) : [],
  ];
  for (const item of Object.values(isObject(document.paths) ? document.paths : {})) {
    if (!isObject(item)) continue;
    lists.push(item.parameters);
    for (const operation of Object.values(item))
      if (isObject(operation)) lists.push(operation.parameters);
  }
  for (const list of lists) if (Array.isArray(list)) list.forEach(mark);
  return document;
}

/** `x-ms-pageable.nextLinkName: null` (one page only) must survive conversion as null. */
function keepNullNextLinkNames(
  source: Record<string, unknown>,
  converted: Record<string, unknown>,
): void {
  const sourcePaths = {
    ...(isObject(source["x-ms-paths"]) ? source["x-ms-paths"] : {}),
    ...(isObject(source.paths) ? source.paths : {}),
  };
  const convertedPaths = isObject(converted.paths) ? converted.paths : {};
  for (const [key, item] of Object.entries(sourcePaths)) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      const pageable = isObject(operation) ? operation["x-ms-pageable"] : undefined;
      if (!isObject(pageable) || pageable.nextLinkName !== null) continue;
      const target = convertedPaths[key.split("?", 1)[0]!];
      const convertedPageable =
        isObject(target) && isObject(target[method]) ? target[method]["x-ms-pageable"] : undefined;
      if (isObject(convertedPageable)) convertedPageable.nextLinkName = null;
    }
  }
}

/**
 * A body or formData parameter shared through `#/parameters/X` becomes part of a request body, not
 * a parameter: the upgrader only follows it when it is written inline, so it is inlined here. A
 * parameter that names a schema by `$ref` gets it as its schema.
 */
function withBodyParametersInline(document: Record<string, unknown>): Record<string, unknown> {
  const shared = isObject(document.parameters) ? document.parameters : {};
  const inline = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    list.forEach((parameter, i) => {
      const ref =
        isObject(parameter) && typeof parameter.$ref === "string"
          ? /^#\/parameters\/([^/]+)$/.exec(parameter.$ref)
          : null;
      const target = ref ? shared[ref[1].replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
      if (isObject(target) && (target.in === "body" || target.in === "formData"))
        list[i] = structuredClone(target);
      else if (isSchemaRefParameter(parameter)) {
        const { $ref, ...rest } = parameter;
        list[i] = { ...rest, schema: { $ref } };
      }
    });
  };
  for (const item of Object.values(isObject(document.paths) ? document.paths : {})) {
    if (!isObject(item)) continue;
    inline(item.parameters);
    for (const operation of Object.values(item))
      if (isObject(operation)) inline(operation.parameters);
    for (const operation of Object.values(item)) {
      if (
        isObject(operation) &&
        operation.consumes === undefined &&
        document.consumes === undefined
      )
        withFormConsumes(operation, item.parameters);
    }
  }
  return document;
}

/** Form fields with no `consumes`: url-encoded, or multipart when a field is a file (the upgrader would pick multipart for both). */
function withFormConsumes(operation: Record<string, unknown>, shared: unknown): void {
  const parameters = [
    ...(Array.isArray(shared) ? shared : []),
    ...(Array.isArray(operation.parameters) ? operation.parameters : []),
  ].filter(isObject);
  const fields = parameters.filter((parameter) => parameter.in === "formData");
  if (fields.length === 0) return;
  const hasFile = fields.some(
    (field) => field.type === "file" || (isObject(field.items) && field.items.type === "file"),
  );
  operation.consumes = [hasFile ? "multipart/form-data" : "application/x-www-form-urlencoded"];
}

/**
 * `{name, in, $ref: "#/definitions/X"}`: invalid 2.0 (a `$ref` replaces the whole parameter), seen
 * in generated specs; the author meant a parameter of schema X.
 */
function isSchemaRefParameter(
  parameter: unknown,
): parameter is Record<string, unknown> & { $ref: string } {
  return (
    isObject(parameter) &&
    typeof parameter.$ref === "string" &&
    parameter.$ref.startsWith("#/definitions/") &&
    typeof parameter.name === "string" &&
    typeof parameter.in === "string"
  );
}

/**
 * Azure's `x-ms-parameterized-host` is the server URL: `hostTemplate` (after the scheme unless
 * `useSchemePrefix: false`) and the base path. Its parameters become server variables, which the
 * client takes as options of the same name (the caller fills in one without a default).
 */
function withParameterizedHost(
  source: Record<string, unknown>,
  converted: Record<string, unknown>,
): void {
  const host = source["x-ms-parameterized-host"];
  if (!isObject(host) || typeof host.hostTemplate !== "string") return;
  const shared = isObject(source.parameters) ? source.parameters : {};
  const resolve = (parameter: unknown) => {
    const ref =
      isObject(parameter) && typeof parameter.$ref === "string"
        ? /^#\/parameters\/([^/]+)$/.exec(parameter.$ref)
        : null;
    return ref ? shared[ref[1]] : parameter;
  };
  const scheme =
    host.useSchemePrefix === false
      ? ""
      : `${Array.isArray(source.schemes) && typeof source.schemes[0] === "string" ? source.schemes[0] : "http"}://`;
  const basePath =
    typeof source.basePath === "string" && source.basePath !== "/" ? source.basePath : "";
  const url = `${scheme}${host.hostTemplate}${basePath}`;
  const variables: Record<string, Record<string, unknown>> = {};
  for (const parameter of (Array.isArray(host.parameters) ? host.parameters : []).map(resolve)) {
    if (!isObject(parameter) || typeof parameter.name !== "string") continue;
    if (!url.includes(`{${parameter.name}}`)) continue;
    const variable: Record<string, unknown> = {};
    if (parameter.default !== undefined) variable.default = String(parameter.default);
    if (typeof parameter.description === "string") variable.description = parameter.description;
    if (Array.isArray(parameter.enum)) variable.enum = parameter.enum.map(String);
    variables[parameter.name] = variable;
  }
  converted.servers = [Object.keys(variables).length > 0 ? { url, variables } : { url }];
}

/** `basePath: /` gives `http://host/`; paths start with "/" already, so the base URL ends without one. */
function withServerUrlsTrimmed(converted: Record<string, unknown>): void {
  if (!Array.isArray(converted.servers)) return;
  for (const server of converted.servers) {
    if (isObject(server) && typeof server.url === "string" && /[^/]\/$/.test(server.url))
      server.url = server.url.slice(0, -1);
  }
}

/** A form body with a required field is a required body (2.0 has no body-level `required` for formData). */
function withFormBodiesRequired(converted: Record<string, unknown>): void {
  for (const operation of operationsOf(converted)) {
    const body = operation.requestBody;
    if (!isObject(body) || body.required !== undefined || !isObject(body.content)) continue;
    const isRequired = Object.values(body.content).some(
      (media) =>
        isObject(media) &&
        isObject(media.schema) &&
        Array.isArray(media.schema.required) &&
        media.schema.required.length > 0,
    );
    if (isRequired) body.required = true;
  }
}

/** `responses` is required; an operation without it answers with no declared body (what swagger2openapi's patch mode did). */
function withResponsesRequired(converted: Record<string, unknown>): void {
  for (const operation of operationsOf(converted)) {
    if (operation.responses === undefined)
      operation.responses = { default: { description: "Default response" } };
  }
}

const httpMethods = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

function operationsOf(converted: Record<string, unknown>): Record<string, unknown>[] {
  const operations: Record<string, unknown>[] = [];
  for (const item of Object.values(isObject(converted.paths) ? converted.paths : {})) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item))
      if (httpMethods.has(method) && isObject(operation)) operations.push(operation);
  }
  return operations;
}
