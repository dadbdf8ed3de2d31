// Builds a client object from the standalone functions (functions.ts): one small closure per
// function, passing the client's core. Generated code then declares the client's interface but
// carries no method bodies, and the client and the functions share every line of behaviour.
import type { Transport } from "./transport.js";
import type {
  ChannelSpec,
  LroSpec,
  OperationSpec,
  PaginationSpec,
  StartSpec,
  UrlLroSpec,
  WaitTargets,
} from "./types.js";

/**
 * What one client method does (`kind`), and the descriptors it hands the runtime: the method
 * table of descriptors.ts, for tools and tests that walk a client's calls (the client itself is
 * built from functions.ts; bundlers drop the table when nothing reads it).
 */
export type MethodSpec =
  | { readonly kind: "request"; readonly operation: OperationSpec }
  | { readonly kind: "stream"; readonly operation: OperationSpec }
  | { readonly kind: "channel"; readonly channel: ChannelSpec }
  | {
      readonly kind: "paginate";
      readonly operation: OperationSpec;
      readonly pagination: PaginationSpec;
    }
  | {
      readonly kind: "startAndWait";
      readonly operation: OperationSpec;
      /** The poller's name (resume tokens, errors); the operation's own name when polled at a URL. */
      readonly pollerName: string;
      readonly lro: LroSpec | UrlLroSpec;
      readonly start?: StartSpec;
    }
  | {
      readonly kind: "startAndPaginate";
      readonly operation: OperationSpec;
      readonly pollerName: string;
      readonly lro: UrlLroSpec;
      readonly pagination: PaginationSpec;
    }
  | { readonly kind: "poller"; readonly pollerName: string; readonly lro: LroSpec }
  | {
      readonly kind: "waitFor";
      readonly pollerName: string;
      readonly lro: LroSpec;
      readonly targets?: WaitTargets;
    }
  /** `resumePoller`: every poller of the client by name. */
  | { readonly kind: "resume"; readonly pollers: Readonly<Record<string, LroSpec>> };

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
