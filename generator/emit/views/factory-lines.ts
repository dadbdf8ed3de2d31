// The factory functions of client.ts and core.ts and the head of the client interface, laid out
// as prettier prints them: a long API name (or many declared methods) breaks the parameter list,
// the buildClient call and the `extends MethodsOf<...>` clause, which would otherwise be the only
// lines of a big client that load prettier (a quarter of a second of a cold run).
import { argumentList, fitsOneLine, methodSignature } from "./layout.js";
import { stringLiteral } from "./literal.js";

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

/**
 * `MethodsOf<typeof functions>` leaving out the methods client.ts declares itself, as it follows
 * `export interface <clientName> extends `; `bodyOpen` is `{` or `{}`. Too long for the line,
 * prettier breaks the type arguments from the outside in: `MethodsOf<` on the head's line, then
 * `Omit<`, then the union of names one a line.
 */
export function derivedMethods(
  clientName: string,
  declaredNames: string[],
  bodyOpen: "{" | "{}",
): string {
  const names = declaredNames.map((name) => stringLiteral(name));
  const union = names.join(" | ");
  const inner = names.length === 0 ? "typeof functions" : `Omit<typeof functions, ${union}>`;
  if (fitsOneLine(`export interface ${clientName} extends MethodsOf<${inner}> ${bodyOpen}`))
    return `MethodsOf<${inner}>`;
  if (names.length === 0 || fitsOneLine(`  ${inner}`)) return `MethodsOf<\n  ${inner}\n>`;
  const unionLines =
    names.length === 1 || fitsOneLine(`    ${union}`)
      ? `    ${union}`
      : names.map((name) => `    | ${name}`).join("\n");
  return `MethodsOf<\n  Omit<\n    typeof functions,\n${unionLines}\n  >\n>`;
}
