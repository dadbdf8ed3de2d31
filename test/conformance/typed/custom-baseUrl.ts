// custom-baseUrl.json: `x-ms-parameterized-host` "{accountName}{host}" as typed client options. The
// test server listens on 127.0.0.1:<port>, so the account is the host name and `host` the port
// (Azure's own tests pass "local" and "host:3000" to reach localhost:3000).
import type { AutoRestParameterizedHostTestClientClientOptions } from "./index.js";

export function serverOptions(server: URL): AutoRestParameterizedHostTestClientClientOptions {
  return { accountName: server.hostname, host: `:${server.port}` };
}
