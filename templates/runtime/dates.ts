// The `dates` option: date-time strings in response bodies become Date, where the plan says.
// Reached only through a client's DateTable (descriptors.ts), never imported by the request path.
import type { DatePlan, DateTable } from "./types.js";

/** Revive the Dates of a parsed JSON body in place (and return it); unparseable strings stay strings. */
export function reviveDates(value: unknown, plan: DatePlan, table: DateTable, depth = 0): unknown {
  // Recursive data is bounded by the data itself; the depth only guards against cyclic plans.
  if (depth > 256) return value;
  let current = plan;
  if (current.ref !== undefined) {
    const shared = Object.prototype.hasOwnProperty.call(table.plans, current.ref)
      ? table.plans[current.ref]
      : undefined;
    if (!shared) return value;
    current = shared;
  }
  if (current.anyOf) {
    // Each alternative revives its own fields; a field already a Date is left alone by the next.
    let revived = value;
    for (const alternative of current.anyOf)
      revived = reviveDates(revived, alternative, table, depth + 1);
    return revived;
  }
  if (typeof value === "string") return current.isDate ? toDate(value) : value;
  if (Array.isArray(value)) {
    if (current.items)
      for (let i = 0; i < value.length; i++)
        value[i] = reviveDates(value[i], current.items, table, depth + 1);
    return value;
  }
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const fieldPlan =
        current.fields && Object.prototype.hasOwnProperty.call(current.fields, key)
          ? current.fields[key]
          : current.values;
      if (fieldPlan) record[key] = reviveDates(record[key], fieldPlan, table, depth + 1);
    }
  }
  return value;
}

function toDate(text: string): Date | string {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date;
}
