// Builds a client object from the standalone functions (functions.ts): one small closure per
// function, passing the client's core. Generated code derives the client's interface from the
// functions' declarations (MethodsOf) and carries no method bodies, so every signature and doc
// comment is written once and the client and the functions share every line of behaviour.
import type { Transport } from "./transport.js";

/** A standalone function of functions.ts: the client core first, then the method's arguments. */
export type StandaloneFunction = (core: Transport, first?: never, options?: never) => unknown;

type Method = (first?: never, options?: never) => unknown;

/** The client: for each standalone function a method calling it with this client's core. */
export function buildClient<TClient>(core: Transport, functions: object): TClient {
  // `object`: a host's checker would otherwise compare every function with StandaloneFunction.
  const table = functions as Readonly<Record<string, StandaloneFunction>>;
  const client: Record<string, Method> = {};
  for (const name of Object.keys(table)) {
    const call = table[name];
    client[name] = (first, options) => call(core, first, options);
  }
  return client as TClient;
}

/** A client method: its standalone function without the core it takes first. */
export type MethodOf<F> = F extends (core: never, ...args: infer A) => infer R
  ? (...args: A) => R
  : never;

/**
 * The client's methods, one per standalone function. Homomorphic over the functions' module, so
 * each method links to its function's declaration and doc comment; a host's checker resolves a
 * method's signature only where a call uses it, instead of checking a restated one per operation.
 * `infer` keeps one signature only: a generic or overloaded function is declared as a method.
 */
export type MethodsOf<F> = { [K in keyof F]: MethodOf<F[K]> };
