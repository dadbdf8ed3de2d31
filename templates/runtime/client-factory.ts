// Builds a client object from the standalone functions (functions.ts): one small closure per
// function, passing the client's core. Generated code then declares the client's interface but
// carries no method bodies, and the client and the functions share every line of behaviour.
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
