// The factory functions of client.ts and core.ts, laid out as prettier prints them: a long API
// name breaks the parameter list and the buildClient call, which would otherwise be the only
// lines of a big client that load prettier.
import { argumentList, methodSignature } from "./layout.js";

/** `export function name(options...): ReturnType {` at column 0. */
export function factoryHead(name: string, optionsParameter: string, returnType: string): string {
  return methodSignature(0, `export function ${name}`, [optionsParameter], returnType, " {");
}

/** `return buildClient<Client>(createCore(options), functions);` in the client factory's body. */
export function buildClientStatement(clientName: string, coreFactoryName: string): string {
  return argumentList(
    2,
    `return buildClient<${clientName}>`,
    [`${coreFactoryName}(options)`, "functions"],
    ";",
  );
}
