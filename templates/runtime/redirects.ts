// Redirects, followed by the runtime rather than by fetch: fetch drops only Authorization and
// Cookie on a cross-origin redirect, so an API key in any other header (or a 307's POST body)
// would reach whatever origin the server names. Requests go out with redirect: "manual", and this
// runs only when the answer is a 3xx (or a browser's opaque redirect): the hot path pays nothing.
import { isDeclaredResult } from "./response.js";
import type { HttpMethod, ResponseSpec } from "./types.js";

/** Hops followed for one attempt before the redirect is handed back as the answer. */
export const MAX_REDIRECTS = 5;

/** The final answer, and why a redirect in it was not followed (for the error message). */
export interface RedirectOutcome {
  readonly response: Response;
  /** Set when `response` is a redirect left unfollowed. */
  readonly reason?: string;
}

/** What following needs to know of the attempt. */
export interface RedirectRequest {
  readonly url: string;
  readonly method: HttpMethod;
  readonly responses: readonly ResponseSpec[];
  /** False for a streamed body: a 307/308 could not send it again. */
  readonly isBodyReplayable: boolean;
  /** True when a credential sits in a header other than Authorization (see followInBrowser). */
  readonly hasCustomHeaderCredential: boolean;
  /** Sends the same request (method, headers, body, signal) to `url` with `redirect`. */
  readonly send: (url: string, redirect: RequestRedirect) => Promise<Response>;
}

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/**
 * Follows `response` while it is a redirect the rules allow: same origin as the request, and a
 * GET/HEAD or a 307/308 (which keep method and body), at most MAX_REDIRECTS hops. A declared 3xx
 * is a result and is never followed. Anything else is returned as it is, with the reason.
 */
export async function followRedirects(
  first: Response,
  request: RedirectRequest,
): Promise<RedirectOutcome> {
  if (first.type === "opaqueredirect") return followInBrowser(first, request);
  let response = first;
  let url = request.url;
  for (let hops = 0; ; hops++) {
    const { status } = response;
    if (!REDIRECT_STATUSES.has(status) || isDeclaredResult(request.responses, status))
      return { response };
    const location = response.headers.get("location");
    if (location === null) return { response, reason: "the redirect has no Location" };
    let target: URL;
    try {
      target = new URL(location, url);
    } catch {
      return { response, reason: "its Location is not a URL" };
    }
    const reason = refusalOf(target, url, status, request, hops);
    if (reason !== undefined) return { response, reason };
    await response.body?.cancel().catch(() => undefined);
    url = target.href;
    response = await request.send(url, "manual");
  }
}

function refusalOf(
  target: URL,
  from: string,
  status: number,
  request: RedirectRequest,
  hops: number,
): string | undefined {
  const origin = new URL(from).origin;
  if (target.origin !== origin)
    return `redirects to another origin (${target.origin}); credentials are only sent to ${origin}`;
  const keepsMethod = status === 307 || status === 308;
  if (!keepsMethod && request.method !== "GET" && request.method !== "HEAD")
    return `a ${status} would turn the ${request.method} into a GET; only 307/308 are followed for it`;
  if (keepsMethod && !request.isBodyReplayable)
    return "the request body was a stream and cannot be sent again";
  if (hops >= MAX_REDIRECTS) return `more than ${MAX_REDIRECTS} redirects`;
  return undefined;
}

/**
 * Browsers answer redirect: "manual" with an opaque response (status 0, no Location), so the
 * runtime cannot check the target. A GET/HEAD carrying no credential but Authorization (which
 * browsers drop on a cross-origin redirect) or cookies (which the browser scopes itself) is sent
 * again with redirect: "follow"; anything else is refused rather than risk the key.
 */
async function followInBrowser(
  first: Response,
  request: RedirectRequest,
): Promise<RedirectOutcome> {
  const isSafeMethod = request.method === "GET" || request.method === "HEAD";
  if (isSafeMethod && !request.hasCustomHeaderCredential)
    return { response: await request.send(request.url, "follow") };
  return {
    response: first,
    reason: isSafeMethod
      ? "the browser hides the redirect's target, and the API key (sent in a header) could follow it to another origin"
      : `the browser hides the redirect's target, and a ${request.method} is never sent twice`,
  };
}
