// A poller's resume token: base64url JSON of which poller and which ids. Deliberately nothing
// else: no credentials, no base URL, no state; the resuming client supplies those itself.
import { decodeBase64Url, encodeBase64Url } from "./base64.js";

/** What a token restores. */
export interface ResumeTokenData {
  readonly name: string;
  readonly ids: readonly string[];
  /** True when the poller resolves to an array of states (several ids, or started from idsPath). */
  readonly isMulti: boolean;
}

/** Token format version; bump when the shape changes so old tokens fail clearly. */
const TOKEN_VERSION = 1;

/** Encodes a token. */
export function encodeResumeToken(data: ResumeTokenData): string {
  return encodeBase64Url(
    JSON.stringify({ v: TOKEN_VERSION, name: data.name, ids: data.ids, multi: data.isMulti }),
  );
}

/** Decodes a token; throws a TypeError naming the problem for anything that is not one of ours. */
export function decodeResumeToken(token: string): ResumeTokenData {
  let parsed: { v?: unknown; name?: unknown; ids?: unknown; multi?: unknown } | undefined;
  try {
    parsed = JSON.parse(decodeBase64Url(token.trim()));
  } catch {
    // Left undefined: reported below with every other token that is not ours.
  }
  const { v, name, ids, multi } = parsed ?? {};
  const isOurs =
    typeof name === "string" &&
    Array.isArray(ids) &&
    ids.length > 0 &&
    ids.every((id) => typeof id === "string");
  if (v !== TOKEN_VERSION || !isOurs)
    throw new TypeError(
      `Invalid resume token: ${isOurs && v !== undefined ? `unsupported version ${JSON.stringify(v)}` : "not from poller.serialize()"}`,
    );
  return { name, ids, isMulti: multi === true };
}
