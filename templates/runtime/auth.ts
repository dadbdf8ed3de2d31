// Attaches the client's credential as the operation's security scheme asks: the first
// alternative the credential can satisfy, else the first declared; no credential, no auth. Each
// scheme type has its own placer, which descriptors name (AuthSpec.apply): a client bundles only
// the schemes its API declares (Basic's base64 only with Basic).
import { encodeBase64 } from "./base64.js";
import { CredentialError } from "./errors.js";
import type { AppliedAuth, AuthSpec, ClientOptions } from "./types.js";

export type { AppliedAuth } from "./types.js";

/** The credential for one attempt; a function is called every attempt so rotated tokens are picked up. */
export async function resolveCredential(
  apiKey: ClientOptions["apiKey"],
): Promise<string | undefined> {
  return credentialOf(typeof apiKey === "function" ? await apiKey() : apiKey);
}

/**
 * A key as sent: absent, null and "" mean no credential. Control characters are refused wherever
 * the key goes: CR/LF would split a header, fetch rejects them with an error that quotes the value,
 * and a key like that is a mistake (a stray newline read from a file). Tab is allowed, as in
 * header values.
 */
export function credentialOf(key: unknown): string | undefined {
  if (key === undefined || key === null || key === "") return undefined;
  const credential = String(key);
  if (CONTROL_CHARACTERS.test(credential)) throw new CredentialError("control characters");
  return credential;
}

/** Constants: a regex literal in a function is a new object per call (these run per attempt). */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000a-\u001f\u007f]/;
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

/** Header values are byte strings: a raw key in a header cannot hold code points beyond Latin-1. */
function headerSafe(credential: string): string {
  if (BEYOND_LATIN1.test(credential))
    throw new CredentialError("characters beyond Latin-1 (it goes in a header)");
  return credential;
}

/** The credential placed per the first satisfiable scheme (Basic needs "user:pass"); none: undefined. */
export function applyAuth(
  schemes: readonly AuthSpec[],
  credential: string | undefined,
): AppliedAuth | undefined {
  if (credential === undefined || schemes.length === 0) return undefined;
  const scheme =
    schemes.find((candidate) => candidate.type !== "basic" || credential.includes(":")) ??
    schemes[0];
  return scheme.apply(credential, scheme);
}

/** HTTP Bearer (and OAuth 2 / OpenID Connect tokens obtained elsewhere): `Authorization: Bearer <key>`. */
export function bearerAuth(credential: string): AppliedAuth {
  return {
    in: "header",
    name: "authorization",
    value: `Bearer ${headerSafe(credential)}`,
    secrets: [credential],
  };
}

/** HTTP Basic: "user:pass" as base64; the password alone is a secret too. */
export function basicAuth(credential: string): AppliedAuth {
  const encoded = encodeBase64(credential);
  return {
    in: "header",
    name: "authorization",
    value: `Basic ${encoded}`,
    secrets: [credential, encoded, credential.slice(credential.indexOf(":") + 1)],
  };
}

/**
 * An API key in the header, query parameter or cookie the scheme names (percent-encoded outside a
 * header). Another scheme here is a descriptor naming the wrong placer: sending no credential would
 * hide it behind a 401.
 */
export function apiKeyAuth(credential: string, scheme: AuthSpec): AppliedAuth {
  if (scheme.type !== "apiKey") throw new TypeError(`apiKeyAuth got a ${scheme.type} scheme`);
  const encoded = encodeURIComponent(credential);
  return {
    in: scheme.in,
    name: scheme.name,
    value: scheme.in === "header" ? headerSafe(credential) : encoded,
    secrets: [credential, encoded],
  };
}
