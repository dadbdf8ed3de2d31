// The context of a wait at URLs the server hands out (url-lro.ts): a poller's context plus the
// request URL and the GET of a status monitor or Location. Apart from lro-context.ts so that
// pollers on ids never carry URL following (follow-url.ts, send-url.ts).
import { lroContext, redactedBody } from "./lro-context.js";
import { prepareRequest } from "./request-builder.js";
import { sendUrl } from "./send-url.js";
import type { Transport } from "./transport.js";
import type { UrlLroContext } from "./url-lro.js";

/** lroContext plus following URLs; status bodies redacted alike. */
export function urlLroContext(transport: Transport): UrlLroContext {
  return {
    ...lroContext(transport),
    requestUrl: (op, args) =>
      prepareRequest(op, args, transport.baseUrl, undefined, undefined).url.split("?")[0],
    sendUrl: (op, url, options) =>
      sendUrl(transport, op, url, options, "status URL").then(redactedBody),
  };
}
