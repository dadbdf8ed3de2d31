// The client's server URL variables (OpenAPI server variables, Azure's x-ms-parameterized-host
// parameters) as typed client options: `create<Api>Client({ accountName: "..." })` fills in
// `https://{accountName}.example.com`. A variable without a default is a required option; one named
// like a runtime option (`timeoutMs`, ...) is the option `<name>InServerUrl` (normalize names it).
import type { Api, ServerVariable } from "../../model/api.js";
import { docComment } from "./doc-comment.js";
import { literalType, propertyKey, stringLiteral } from "./literal.js";

export interface ServerOptionsView {
  /** The factory's options parameter with its type (and `= {}` when every option is optional). */
  optionsParameter: string;
  /** `export interface <Api>ClientOptions extends ClientOptions {...}`; "" without variables. */
  optionsDeclaration: string;
  /** The options type name exported beside the client; "" without variables. */
  optionsTypeName: string;
  /** The Transport's default base URL: a string literal, or a `serverUrl(...)` call. */
  baseUrlExpression: string;
  /** runtime/server-url.js is imported. */
  hasServerUrl: boolean;
}

export function serverOptionsView(api: Api): ServerOptionsView {
  const server = api.servers[0];
  const variables = server?.variables ?? [];
  if (!server || variables.length === 0) {
    return {
      optionsParameter: "options: ClientOptions = {}",
      optionsDeclaration: "",
      optionsTypeName: "",
      baseUrlExpression: stringLiteral(server?.url ?? ""),
      hasServerUrl: false,
    };
  }
  const typeName = `${api.name}ClientOptions`;
  const members = variables.map((variable) => indent(memberOf(variable)));
  const doc = docComment([
    `Options of \`create${api.name}Client\`: the runtime's, and the variables of the server URL ${server.template}`,
  ]);
  const defaults = variables
    .filter((v) => v.default !== undefined)
    .map((v) => `${propertyKey(v.optionName)}: ${stringLiteral(v.default!)}`);
  // The runtime fills `{key}` from options[key]: the template names each variable by its option.
  const template = server.template.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables.find((v) => v.name === name);
    return variable ? `{${variable.optionName}}` : whole;
  });
  const isOptional = variables.every((v) => v.default !== undefined);
  return {
    optionsParameter: `options: ${typeName}${isOptional ? " = {}" : ""}`,
    optionsDeclaration: `${doc}\nexport interface ${typeName} extends ClientOptions {\n${members.join("\n")}\n}\n`,
    optionsTypeName: typeName,
    baseUrlExpression: `serverUrl(${stringLiteral(template)}, ${defaults.length > 0 ? `{ ${defaults.join(", ")} }` : "{}"}, options)`,
    hasServerUrl: true,
  };
}

function memberOf(variable: ServerVariable): string {
  const doc = docComment([
    variable.description,
    variable.default === undefined ? undefined : `@default ${stringLiteral(variable.default)}`,
  ]);
  const type = variable.enum ? variable.enum.map(literalType).join(" | ") : "string";
  const optional = variable.default === undefined ? "" : "?";
  return `${doc ? `${doc}\n` : ""}${propertyKey(variable.optionName)}${optional}: ${type};`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}
