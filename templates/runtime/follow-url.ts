// URLs the server hands out (next links, Link headers, status monitors): resolved against the URL
// of the answer that gave them (RFC 3986 section 5; a next link) or the base URL, and followed with
// the client's credentials only when they stay on the base URL's origin.
import { SdkError } from "./errors.js";
import { callerHeadersOf } from "./request-builder.js";
import type { PreparedRequest } from "./request-builder.js";
import type { OperationSpec } from "./types.js";

/**
 * `ref` resolved against `relativeTo` (the URL of the page that handed it out) or else the base URL
 * (relative refs keep its path prefix). A URL on another origin than the base URL's is refused: it
 * would receive the credential, and a server-controlled link must not leak it.
 */
export function resolveSameOrigin(
  ref: string,
  baseUrl: string,
  what: string,
  opId: string,
  relativeTo?: string,
): string {
  const base = new URL(baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  let url: URL;
  try {
    url = new URL(ref, relativeTo ?? base);
  } catch {
    throw new SdkError(`${opId}: the ${what} ${JSON.stringify(ref)} is not a URL`);
  }
  if (url.origin !== base.origin) {
    throw new SdkError(
      `${opId}: refusing to follow the ${what} to ${url.origin}: credentials are only sent to ${base.origin}`,
    );
  }
  return url.href;
}

/** A GET of `url` (already resolved) with the operation's auth, Accept header and caller headers. */
export function prepareUrlRequest(
  op: OperationSpec,
  url: string,
  clientHeaders: Readonly<Record<string, string>> | undefined,
  callHeaders: Readonly<Record<string, string>> | undefined,
): PreparedRequest {
  return {
    op: { ...op, method: "GET", body: undefined, params: [], isIdempotent: true },
    url: url.split("#")[0],
    headers: { accept: "application/json" },
    callerHeaders: callerHeadersOf(clientHeaders, callHeaders),
    body: undefined,
    isReplayable: true,
  };
}

/** The target of the first `rel="next"` link of an RFC 8288 Link header, or undefined. */
export function nextLinkOf(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const match of header.matchAll(/<([^>]*)>([^,<]*)/g)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match[2]);
    const relations = (rel?.[1] ?? rel?.[2] ?? "").toLowerCase().split(/\s+/);
    if (relations.includes("next")) return match[1];
  }
  return undefined;
}
