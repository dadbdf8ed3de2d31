// custom-baseUrl-paging.json: pages under a parameterized host, as in custom-baseUrl.ts; the partial
// next links (paging.js) resolve against the host the options name.
import type { AutoRestParameterizedHostTestPagingClientClientOptions } from "./index.js";

export function serverOptions(server: URL): AutoRestParameterizedHostTestPagingClientClientOptions {
  return { accountName: server.hostname, host: `:${server.port}` };
}
