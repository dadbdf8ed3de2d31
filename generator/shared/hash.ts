// The one content hash: sha256 as lowercase hex, for manifests, cache keys and cache file names.
import { createHash, type Hash } from "node:crypto";

/** sha256 of `data` as 64 hex digits. */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** An incremental sha256, for keys built from many parts (`.update(a).update(b).digest("hex")`). */
export function sha256Stream(): Hash {
  return createHash("sha256");
}
