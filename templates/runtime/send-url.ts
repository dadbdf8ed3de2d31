// GETs of URLs the server handed out (next links, status monitors), through the client's retry
// loop. Only pagination and long-running operations use them, so plain calls do not carry this.
import { sendAttempt } from "./attempt.js";
import type { SendResult } from "./attempt.js";
import { throwIfAborted } from "./delay.js";
import { prepareUrlRequest, resolveSameOrigin } from "./follow-url.js";
import type { Transport } from "./transport.js";
import type { OperationSpec, RequestOptions } from "./types.js";

/**
 * GET a URL the server handed out (a next link, a status monitor) with the operation's auth,
 * hooks and retries. Relative URLs resolve against the base URL; another origin is refused.
 */
export async function sendUrl(
  transport: Transport,
  op: OperationSpec,
  url: string,
  options: RequestOptions = {},
  what: string = "link",
): Promise<SendResult> {
  throwIfAborted(options.signal);
  const resolved = resolveSameOrigin(url, transport.baseUrl, what, op.id);
  const prepared = prepareUrlRequest(
    op,
    resolved,
    transport.clientOptions.headers,
    options.headers,
  );
  return sendAttempt(transport, prepared, options, 1);
}
