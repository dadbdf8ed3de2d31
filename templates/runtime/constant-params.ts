// Parameters the spec requires that can take one value only (ConstantsSpec): the caller may leave
// them out and the client sends the value. Reached only through the descriptor that names it
// (ConstantsSpec.fill), so a client without such parameters never bundles this file.
import { ownValue } from "./field-path.js";
import type { ConstantsSpec } from "./types.js";

/**
 * The call's arguments with every constant the caller left out (or set to undefined) filled in,
 * as a copy: the caller's object is not changed. Called as `spec.fill(args)`.
 */
export function withConstants(this: ConstantsSpec, args: object | undefined): object {
  const filled: Record<string, unknown> = { ...args };
  for (const key in this.values)
    if (ownValue(args, key) === undefined) filled[key] = this.values[key];
  return filled;
}
