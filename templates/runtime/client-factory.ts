// Builds a client object from its method table (descriptors.js): one small closure per method.
// Generated code then declares the client's interface but carries no method bodies, which keeps
// a host's type checker from checking thousands of them.
import type { Transport } from "./transport.js";
import type {
  LroSpec,
  OperationSpec,
  PaginationSpec,
  StartSpec,
  UrlLroSpec,
  WaitTargets,
} from "./types.js";

/** What one client method does, and the descriptors it hands the transport. */
export type MethodSpec =
  | readonly ["request", OperationSpec]
  | readonly ["paginate", OperationSpec, PaginationSpec]
  | readonly ["startAndWait", OperationSpec, string, LroSpec | UrlLroSpec, StartSpec?]
  | readonly ["startAndPaginate", OperationSpec, string, UrlLroSpec, PaginationSpec]
  | readonly ["poller", string, LroSpec]
  | readonly ["waitFor", string, LroSpec, WaitTargets?]
  | readonly ["resume", Readonly<Record<string, LroSpec>>];

type Method = (first?: never, options?: never) => unknown;

/** The client: for each table entry a method calling the transport with its descriptors. */
export function buildClient<TClient>(
  transport: Transport,
  methods: Readonly<Record<string, MethodSpec>>,
): TClient {
  const client: Record<string, Method> = {};
  for (const name of Object.keys(methods))
    client[name] = methodOf(transport, methods[name]) as Method;
  return client as TClient;
}

function methodOf(
  transport: Transport,
  spec: MethodSpec,
): (first: never, options?: never) => unknown {
  switch (spec[0]) {
    case "request":
      return (params: object | undefined, options?: object) =>
        transport.request(spec[1], params, options);
    case "paginate":
      return (params: object | undefined, options?: object) =>
        transport.paginate(spec[1], params, options, spec[2]);
    case "startAndWait":
      return (params: object | undefined, options?: object) =>
        transport.startAndWait(spec[1], params, options, spec[2], spec[3], spec[4]);
    case "startAndPaginate":
      return (params: object | undefined, options?: object) =>
        transport.startAndPaginate(spec[1], params, options, spec[2], spec[3], spec[4]);
    case "poller":
      return (id: string, options?: object) => transport.poller(spec[1], spec[2], [id], options);
    case "waitFor":
      return (id: string, options?: object) =>
        transport.waitFor(spec[1], spec[2], [id], options, spec[3]);
    case "resume":
      return (token: string, options?: object) => transport.resumePoller(token, spec[1], options);
  }
}
