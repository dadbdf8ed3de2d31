// Builds a client object from its method table (descriptors.ts): one small closure per method.
// Generated code then declares the client's interface but carries no method bodies, which keeps
// a host's type checker from checking thousands of them.
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

/** What one client method does (`kind`), and the descriptors it hands the transport, by name. */
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
  switch (spec.kind) {
    case "request":
      return (params: object | undefined, options?: object) =>
        transport.request(spec.operation, params, options);
    case "channel":
      return (first: unknown, options?: object) =>
        transport.channel(spec.channel, first, options as Record<string, unknown>);
    case "stream":
      return (params: object | undefined, options?: object) =>
        transport.stream(spec.operation, params, options);
    case "paginate":
      return (params: object | undefined, options?: object) =>
        transport.paginate(spec.operation, params, options, spec.pagination);
    case "startAndWait":
      return (params: object | undefined, options?: object) =>
        transport.startAndWait(
          spec.operation,
          params,
          options,
          spec.pollerName,
          spec.lro,
          spec.start,
        );
    case "startAndPaginate":
      return (params: object | undefined, options?: object) =>
        transport.startAndPaginate(
          spec.operation,
          params,
          options,
          spec.pollerName,
          spec.lro,
          spec.pagination,
        );
    case "poller":
      return (id: string, options?: object) =>
        transport.poller(spec.pollerName, spec.lro, [id], options);
    case "waitFor":
      return (id: string, options?: object) =>
        transport.waitFor(spec.pollerName, spec.lro, [id], options, spec.targets);
    case "resume":
      return (token: string, options?: object) =>
        transport.resumePoller(token, spec.pollers, options);
  }
}
