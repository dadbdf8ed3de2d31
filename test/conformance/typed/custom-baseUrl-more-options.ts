// custom-baseUrl-more-options.json: "{vault}{secret}{dnsSuffix}" without a scheme prefix, as typed
// client options, and the path and query values its descriptions ask for (customUri.js).
import type {
  AutoRestParameterizedCustomHostTestClientClientOptions,
  PathsGetEmptyParams,
} from "./index.js";

export function serverOptions(server: URL): AutoRestParameterizedCustomHostTestClientClientOptions {
  return {
    vault: `${server.protocol}//${server.hostname}`,
    secret: "",
    dnsSuffix: `:${server.port}`,
  };
}

const getEmpty: PathsGetEmptyParams = {
  subscriptionId: "test12",
  keyName: "key1",
  keyVersion: "v1",
};

export const args = { paths_getEmpty: [getEmpty] };
