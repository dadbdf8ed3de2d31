// Server Objects -> model servers: the URL template, its defaults filled in, and each variable with
// the client option that sets it (server-options-view.ts types them on <Api>ClientOptions).
import type { Server, ServerVariable } from "../../model/api.js";
import { child, isObject, report, type Location, type NormalizeContext } from "../context.js";
import { reservedOptionNames } from "../reserved-names.js";

export function serversOf(ctx: NormalizeContext, raw: unknown, at: Location): Server[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((server, index) => {
    if (!isObject(server) || typeof server.url !== "string") return [];
    const declared = isObject(server.variables) ? server.variables : {};
    const variables = [...new Set([...server.url.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]))].map(
      (name) => serverVariableOf(name, declared[name]),
    );
    const defaults = new Map(variables.map((v) => [v.name, v.default]));
    const url = server.url.replace(
      /\{([^}]+)\}/g,
      (whole, key: string) => defaults.get(key) ?? whole,
    );
    // Only the first server's variables become options: the others are never read.
    if (index === 0) reportRenamedOptions(ctx, variables, child(child(at, 0), "variables"));
    const description = typeof server.description === "string" ? server.description : undefined;
    return [{ description, template: server.url, url, variables }];
  });
}

/**
 * A variable named like a runtime client option (`timeoutMs`, `baseUrl`, ...) or a member every
 * object has (`constructor`) would be read from the wrong value: its option is `<name>InServerUrl`,
 * as a parameter named like another gets its location appended (PAR005).
 */
function serverVariableOf(name: string, raw: unknown): ServerVariable {
  const optionName = reservedOptionNames.has(name) ? `${name}InServerUrl` : name;
  const variable: ServerVariable = { name, optionName };
  if (!isObject(raw)) return variable;
  if (raw.default !== undefined && raw.default !== null) variable.default = String(raw.default);
  if (typeof raw.description === "string") variable.description = raw.description;
  if (Array.isArray(raw.enum) && raw.enum.length > 0) variable.enum = raw.enum.map(String);
  return variable;
}

function reportRenamedOptions(
  ctx: NormalizeContext,
  variables: ServerVariable[],
  at: Location,
): void {
  for (const variable of variables.filter((v) => v.optionName !== v.name)) {
    report(
      ctx,
      child(at, variable.name),
      "warning",
      "NAME001",
      `server variable ${JSON.stringify(variable.name)} is named like a client option; its option is ${JSON.stringify(variable.optionName)}`,
      "rename the variable to choose the option name yourself",
    );
  }
}
