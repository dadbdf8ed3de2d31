// Reads values out of response bodies by FieldPath (where the items, the cursor, the status are).
import type { FieldPath } from "./types.js";

/** The value at `path` in `body`, or undefined when any step is missing; only own properties are read. */
export function readFieldPath(body: unknown, path: FieldPath): unknown {
  let value: unknown = body;
  for (const step of path)
    value =
      value === null || typeof value !== "object"
        ? undefined
        : // A negative index counts from the end of an array (Speakeasy's `$.data[-1].id`).
          typeof step === "number" && step < 0 && Array.isArray(value)
          ? value.at(step)
          : // Own properties only, so a path like ["constructor"] never reaches the prototype.
            Object.hasOwn(value, step)
            ? (value as Record<string | number, unknown>)[step]
            : undefined;
  return value;
}

/** A path written for people, for error messages: ["data", "items", 0] -> "data.items[0]". */
export function formatFieldPath(path: FieldPath): string {
  let text = "";
  for (const step of path)
    text += typeof step === "number" ? `[${step}]` : text === "" ? step : `.${step}`;
  return text === "" ? "(body)" : text;
}

/**
 * `args[key]` for the caller's own keys only: a parameter named `constructor` or `toString` must
 * not pick up Object.prototype members when the caller leaves it out.
 */
export function ownValue(args: object | undefined, key: string): unknown {
  return args !== undefined && Object.hasOwn(args, key)
    ? (args as Record<string, unknown>)[key]
    : undefined;
}
