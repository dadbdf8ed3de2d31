// parameterized-endpoint.json: a host template that is one variable, `{endpoint}` (no scheme
// prefix), as a typed client option: the whole origin of the test server.
import type { ParmaterizedEndpointClientClientOptions } from "./index.js";

export function serverOptions(server: URL): ParmaterizedEndpointClientClientOptions {
  return { endpoint: server.origin };
}
