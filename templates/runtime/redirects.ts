// Redirects, followed by the runtime rather than by fetch: fetch drops only Authorization and
// Cookie on a cross-origin redirect, so an API key in any other header (or a 307's POST body)
// would reach whatever origin the server names. Requests go out with redirect: "manual", and this
// runs only when the answer is a 3xx (or a browser's opaque redirect): the hot path pays nothing.
import { isDeclaredResult } from "./response.js";
import type { AppliedAuth, OperationSpec } from "./types.js";

/** Hops followed for one attempt before the redirect is handed back as the answer. */
export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/**
 * Follows the answer `response` to `url` (sent with `init`) while it is a redirect the rules allow:
 * same origin as the request, and a GET/HEAD or a 307/308 (which keep method and body), at most
 * MAX_REDIRECTS hops. A declared 3xx is a result and is never followed. Gives the final answer
 * and, when that is a redirect left unfollowed, why.
 */
export async function followRedirects(
  response: Response,
  url: string,
  init: RequestInit & { duplex?: "half" },
  op: OperationSpec,
  auth: AppliedAuth | undefined,
  send: (url: string, init: RequestInit) => Promise<Response>,
): Promise<[Response, string?]> {
  const { method } = op;
  const isSafe = method === "GET" || method === "HEAD";
  for (let hops = 0; ; hops++) {
    const { status } = response;
    // Browsers answer redirect: "manual" with an opaque response (status 0, no Location), so the
    // target cannot be checked. A GET/HEAD carrying no credential but Authorization (which
    // browsers drop on a cross-origin redirect) or cookies (which the browser scopes itself) is
    // sent again with redirect: "follow"; anything else is refused rather than risk the key.
    if (response.type === "opaqueredirect")
      return !isSafe
        ? [response, `the browser hides its target and a ${method} is never sent twice`]
        : auth?.in === "header" && auth.name.toLowerCase() !== "authorization"
          ? [
              response,
              "the browser hides its target, and the API key (in a header) could follow it to another origin",
            ]
          : [await send(url, { ...init, redirect: "follow" })];
    if (!REDIRECT_STATUSES.has(status) || isDeclaredResult(op.responses, status)) return [response];
    const location = response.headers.get("location");
    let target: URL | undefined;
    try {
      target = new URL(location ?? "//:", url);
    } catch {}
    const origin = new URL(url).origin;
    const keepsMethod = status === 307 || status === 308;
    const reason = !target
      ? "it has no Location that is a URL"
      : target.origin !== origin
        ? `another origin (${target.origin}) would get the credentials`
        : !keepsMethod && !isSafe
          ? `a ${status} turns a ${method} into a GET (only 307/308 are followed)`
          : // duplex is set for a streamed body only, which the first hop consumed.
            keepsMethod && init.duplex
            ? "a streamed body cannot be sent again"
            : hops >= MAX_REDIRECTS
              ? `more than ${MAX_REDIRECTS} redirects`
              : undefined;
    if (reason) return [response, reason];
    await response.body?.cancel().catch(() => undefined);
    response = await send((url = target!.href), init);
  }
}
