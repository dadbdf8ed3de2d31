// OpenAPI Object -> model Api (before the passes give names and order).
import type { Api, SecurityScheme } from "../../model/api.js";
import { child, isObject, report, type Location, type NormalizeContext } from "../context.js";
import { channelsOf } from "./channels.js";
import { pollersOf } from "./clientgen-extensions.js";
import { pascalCase } from "../names.js";
import { takeDialectPollers } from "./dialects/index.js";
import { pathItemOperations, securityOf } from "./operation-object.js";
import { serversOf } from "./server-object.js";
import { idOf, registerNamedSchema } from "./schema-object/ref.js";

export function documentObject(ctx: NormalizeContext, name: string): Api {
  const doc = ctx.spec.document;
  const root: Location = { file: ctx.spec.file, pointer: "#" };
  const info = isObject(doc.info) ? doc.info : {};
  const components = isObject(doc.components) ? doc.components : {};
  // Every component schema is exported, referenced or not: users import them by name.
  if (isObject(components.schemas)) {
    const schemasAt = child(child(root, "components"), "schemas");
    for (const [key, raw] of Object.entries(components.schemas)) {
      const at = child(schemasAt, key);
      registerNamedSchema(ctx, idOf(ctx, at.file, at.pointer), raw, at);
    }
  }
  const globalSecurity = Array.isArray(doc.security) ? securityOf(doc.security) : [];
  const operations = [];
  if (isObject(doc.paths)) {
    const pathsAt = child(root, "paths");
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!path.startsWith("/")) continue;
      operations.push(...pathItemOperations(ctx, path, item, child(pathsAt, path), globalSecurity));
    }
  }
  const aliases = Array.isArray(doc["x-clientgen-aliases"])
    ? doc["x-clientgen-aliases"].filter((a): a is string => typeof a === "string").map(pascalCase)
    : [];
  const readme = isObject(doc["x-clientgen-readme"]) ? doc["x-clientgen-readme"] : {};
  const pick = (value: unknown): string | undefined =>
    typeof value === "string" ? value : undefined;
  const readmeExamples = {
    call: pick(readme.call),
    list: pick(readme.list),
    wait: pick(readme.wait),
  };
  return {
    aliases: aliases.length > 0 ? aliases : undefined,
    readmeExamples: Object.values(readmeExamples).some(Boolean) ? readmeExamples : undefined,
    channels: channelsOf(ctx, doc["x-clientgen-channels"], child(root, "x-clientgen-channels")),
    description: typeof info.description === "string" ? info.description : undefined,
    name,
    operations,
    pollers: [
      ...pollersOf(ctx, doc["x-clientgen-pollers"], child(root, "x-clientgen-pollers")),
      ...takeDialectPollers(ctx),
    ],
    schemas: [...ctx.named.values()],
    securitySchemes: securitySchemesOf(
      ctx,
      components.securitySchemes,
      child(child(root, "components"), "securitySchemes"),
    ),
    servers: serversOf(ctx, doc.servers, child(root, "servers")),
    title: typeof info.title === "string" ? info.title : name,
    version: typeof info.version === "string" ? info.version : "",
  };
}

function securitySchemesOf(ctx: NormalizeContext, raw: unknown, at: Location): SecurityScheme[] {
  if (!isObject(raw)) return [];
  const schemes: SecurityScheme[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!isObject(value)) continue;
    const scheme = value.type === "http" ? String(value.scheme ?? "").toLowerCase() : "";
    if (value.type === "http" && scheme === "bearer") schemes.push({ key, type: "bearer" });
    else if (value.type === "http" && scheme === "basic") schemes.push({ key, type: "basic" });
    else if (
      value.type === "apiKey" &&
      typeof value.name === "string" &&
      ["cookie", "header", "query"].includes(value.in as string)
    ) {
      schemes.push({
        in: value.in as "cookie" | "header" | "query",
        key,
        name: value.name,
        type: "apiKey",
      });
    } else if (value.type === "oauth2" || value.type === "openIdConnect")
      schemes.push({ key, type: "oauth2" });
    else
      report(
        ctx,
        child(at, key),
        "warning",
        "SEC001",
        `security scheme type ${JSON.stringify(value.type)} is not supported; requests go without it`,
      );
  }
  return schemes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
