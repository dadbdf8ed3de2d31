// lro-parameterized-endpoints.json: LROs under a parameterized host, as in custom-baseUrl.ts; the
// relative Location headers resolve against the host the options name.
import type { LROWithParamaterizedEndpointsClientOptions } from "./index.js";

export function serverOptions(server: URL): LROWithParamaterizedEndpointsClientOptions {
  return { accountName: server.hostname, host: `:${server.port}` };
}
