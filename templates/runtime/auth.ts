// Attaches the client's credential as the operation's security scheme asks: the first
// alternative the credential can satisfy, else the first declared; no credential, no auth.
import { encodeBase64 } from "./base64.js";
import type { AuthSpec, ClientOptions } from "./types.js";

/** Where the credential goes for one attempt, plus every form of it to scrub from errors. */
export interface AppliedAuth {
  readonly headers: readonly (readonly [string, string])[];
  readonly query: readonly (readonly [string, string])[];
  readonly cookies: readonly (readonly [string, string])[];
  /** The key and its encodings (Basic's base64, its password): never to appear in errors or hooks. */
  readonly secrets: readonly string[];
}

const NO_AUTH: AppliedAuth = { headers: [], query: [], cookies: [], secrets: [] };

/** The credential for one attempt; a function is called every attempt so rotated tokens are picked up. */
export async function resolveCredential(
  apiKey: ClientOptions["apiKey"],
): Promise<string | undefined> {
  return credentialOf(typeof apiKey === "function" ? await apiKey() : apiKey);
}

/** A key as sent: absent, null and "" mean no credential. */
export function credentialOf(key: unknown): string | undefined {
  return key === undefined || key === null || key === "" ? undefined : String(key);
}

/** The credential placed per the first satisfiable scheme (Basic needs "user:pass"). */
export function applyAuth(
  schemes: readonly AuthSpec[],
  credential: string | undefined,
): AppliedAuth {
  if (credential === undefined || schemes.length === 0) return NO_AUTH;
  const scheme =
    schemes.find((candidate) => candidate.type !== "basic" || credential.includes(":")) ??
    schemes[0];
  switch (scheme.type) {
    case "bearer":
      return {
        ...NO_AUTH,
        headers: [["Authorization", `Bearer ${credential}`]],
        secrets: [credential],
      };
    case "basic": {
      const encoded = encodeBase64(credential);
      const password = credential.slice(credential.indexOf(":") + 1);
      return {
        ...NO_AUTH,
        headers: [["Authorization", `Basic ${encoded}`]],
        secrets: [credential, encoded, password],
      };
    }
    case "apiKey": {
      const placed: [string, string][] = [[scheme.name, credential]];
      if (scheme.in === "header") return { ...NO_AUTH, headers: placed, secrets: [credential] };
      if (scheme.in === "query") return { ...NO_AUTH, query: placed, secrets: [credential] };
      return { ...NO_AUTH, cookies: placed, secrets: [credential] };
    }
  }
}

/** Lower-cased header names that may carry a credential for these schemes, always redacted in hooks. */
export function credentialHeaderNames(schemes: readonly AuthSpec[]): Set<string> {
  const names = new Set(["authorization", "proxy-authorization"]);
  for (const scheme of schemes)
    if (scheme.type === "apiKey" && scheme.in === "header") names.add(scheme.name.toLowerCase());
  return names;
}
