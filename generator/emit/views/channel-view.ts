// WebSocket channels in the output: per channel its message types (operations.ts), its
// ChannelSpec descriptor (descriptor-specs.ts) and its client method.
import type { Api, Channel } from "../../model/api.js";
import { channelTypeNames as typeNamesOf } from "../../normalize/reserved-names.js";
import { aliasDeclaration, type Declaration } from "./declaration.js";
import { docComment } from "./doc-comment.js";
import { typeAlias } from "./layout.js";
import { propertyKey } from "./literal.js";
import { typeExpression, type TypeNames } from "./type-expression.js";

export const channelConstName = (channel: Channel): string => `channel_${channel.name}`;

/** Names of a channel's exported types in operations.ts (reserved against schema names). */
export function channelTypeNames(channel: Channel): ReturnType<typeof typeNamesOf> {
  return typeNamesOf(channel.name);
}

/** The type declarations of operations.ts for one channel. */
export function channelDeclarations(api: Api, channel: Channel, names: TypeNames): Declaration[] {
  const typeNames = channelTypeNames(channel);
  const method = `\`${api.name}Client.${channel.name}\``;
  const declare = (name: string, what: string, type: string): Declaration =>
    aliasDeclaration(docComment([`${what} (${method}).`]), name, typeAlias(name, type));
  const declarations = [
    declare(
      typeNames.server,
      "A message the server sends",
      typeExpression(channel.serverMessage, names),
    ),
  ];
  if (channel.openMessage)
    declarations.push(
      declare(
        typeNames.open,
        "The message that opens the channel",
        typeExpression(channel.openMessage, names),
      ),
    );
  if (channel.clientMessage)
    declarations.push(
      declare(
        typeNames.client,
        "A message the client sends",
        typeExpression(channel.clientMessage, names),
      ),
    );
  if (channel.request) {
    const field = propertyKey(channel.request.field);
    const type = `${typeNames.server} & {\n  ${field}: NonNullable<${typeNames.server}[${JSON.stringify(channel.request.field)}]>;\n}`;
    const doc = docComment([
      `A server message asking \`${channel.request.handler}\` for an answer (its \`${channel.request.field}\` is set).`,
    ]);
    declarations.push(
      aliasDeclaration(doc, typeNames.request, `export type ${typeNames.request} = ${type};`),
    );
  }
  return declarations;
}

/** The first parameter of the method: the path parameter, the opening message, or both in an object. */
export function channelFirstParameter(channel: Channel, names: TypeNames): string {
  const typeNames = channelTypeNames(channel);
  const [only] = channel.parameters;
  if (channel.parameters.length === 1 && !channel.openMessage) {
    const name = /^[A-Za-z_$][\w$]*$/.test(only.name) ? only.name : "id";
    return `${name}: ${typeExpression(only.schema, names)}`;
  }
  if (channel.parameters.length === 0 && channel.openMessage)
    return `message: op.${typeNames.open}`;
  const members = channel.parameters.map(
    (p) => `${propertyKey(p.name)}: ${typeExpression(p.schema, names)}`,
  );
  if (channel.openMessage) members.push(`body: op.${typeNames.open}`);
  return `params: { ${members.join("; ")} }`;
}

/** The options parameter: ChannelOptions, plus the request handler when the channel has one. */
export function channelOptionsParameter(channel: Channel): string {
  const typeNames = channelTypeNames(channel);
  const base = `ChannelOptions<op.${typeNames.server}>`;
  if (!channel.request) return `options?: ${base}`;
  const answer = `op.${typeNames.client}`;
  return `options?: ${base} & {\n    ${propertyKey(channel.request.handler)}?: (message: op.${typeNames.request}) => ${answer} | Promise<${answer}>;\n  }`;
}

/** Channel<Server, Client, Result>. */
export function channelReturnType(channel: Channel, names: TypeNames): string {
  const typeNames = channelTypeNames(channel);
  const client = channel.clientMessage ? `op.${typeNames.client}` : "never";
  const idType = channel.idField ? "string" : "never";
  const result = channel.result === "id" ? idType : `op.${typeNames.server}`;
  void names;
  return `Channel<op.${typeNames.server}, ${client}, ${result}>`;
}
