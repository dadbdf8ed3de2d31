// multiapi-v1-custom-base-url.json: `x-ms-parameterized-host` "{Endpoint}/multiapiCustomBaseUrl/v1" as a
// typed client option: the test server's origin.
import type { MultiapiCustomBaseUrlServiceClientClientOptions } from "./index.js";

export function serverOptions(server: URL): MultiapiCustomBaseUrlServiceClientClientOptions {
  return { Endpoint: server.origin };
}
