// Base64 of UTF-8 text with only btoa/atob and TextEncoder/TextDecoder (no Buffer: the runtime
// runs in browsers and Deno too). btoa alone throws on any character above U+00FF.

/** Standard base64 of the UTF-8 bytes of `text` (Basic auth). */
export function encodeBase64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** URL-safe base64 without padding (resume tokens). */
export function encodeBase64Url(text: string): string {
  return encodeBase64(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Decodes URL-safe (or standard) base64 to text; throws on anything that is not base64 of UTF-8. */
export function decodeBase64Url(encoded: string): string {
  const standard = encoded.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(standard + "=".repeat((4 - (standard.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}
