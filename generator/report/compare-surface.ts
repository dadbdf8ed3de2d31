// Old surface vs new: what changed for callers, each change flagged breaking or not. Breaking =
// code that compiled against the old client may stop compiling or see values it cannot handle.
import type { Surface, SurfaceOperation, SurfaceType } from "./surface.js";

export interface SurfaceChange {
  isBreaking: boolean;
  /** One line, Markdown code spans for names. */
  message: string;
}

/** Changes from `before` to `after`: breaking ones first, each group in name order. */
export function compareSurfaces(before: Surface, after: Surface): SurfaceChange[] {
  const changes = [
    ...operationChanges(before.operations, after.operations),
    ...typeChanges(before.types, after.types),
  ];
  return [...changes.filter((c) => c.isBreaking), ...changes.filter((c) => !c.isBreaking)];
}

function operationChanges(
  before: Record<string, SurfaceOperation>,
  after: Record<string, SurfaceOperation>,
): SurfaceChange[] {
  const changes: SurfaceChange[] = [];
  const removed = sortedKeys(before).filter((name) => !(name in after));
  const added = sortedKeys(after).filter((name) => !(name in before));
  const route = (op: SurfaceOperation) => `${op.method} ${op.path}`;
  for (const name of removed) {
    const renamedTo = added.find((candidate) => route(after[candidate]) === route(before[name]));
    if (renamedTo !== undefined) {
      added.splice(added.indexOf(renamedTo), 1);
      changes.push(
        breaking(`operation \`${name}\` renamed to \`${renamedTo}\` (\`${route(before[name])}\`)`),
      );
      changes.push(...signatureChanges(renamedTo, before[name], after[renamedTo]));
    } else {
      changes.push(breaking(`operation \`${name}\` removed (\`${route(before[name])}\`)`));
    }
  }
  for (const name of added)
    changes.push(other(`operation \`${name}\` added (\`${route(after[name])}\`)`));
  for (const name of sortedKeys(after))
    if (name in before) changes.push(...signatureChanges(name, before[name], after[name]));
  return changes;
}

function signatureChanges(
  name: string,
  before: SurfaceOperation,
  after: SurfaceOperation,
): SurfaceChange[] {
  const changes = fieldChanges(`\`${name}\` parameter`, before.params, after.params, ["input"]);
  if (before.body !== after.body) {
    if (after.body === undefined) changes.push(breaking(`\`${name}\` no longer takes a body`));
    else if (before.body === undefined)
      changes.push(
        after.body.startsWith("!")
          ? breaking(`\`${name}\` now requires a body`)
          : other(`\`${name}\` accepts a body`),
      );
    else
      changes.push(
        breaking(
          `\`${name}\` body retyped from \`${bare(before.body)}\` to \`${bare(after.body)}\``,
        ),
      );
  }
  if (before.resultFields && after.resultFields) {
    changes.push(
      ...fieldChanges(`\`${name}\` result field`, before.resultFields, after.resultFields, [
        "output",
      ]),
    );
  } else if (before.result !== after.result) {
    changes.push(
      breaking(`\`${name}\` result retyped from \`${before.result}\` to \`${after.result}\``),
    );
  }
  return changes;
}

/**
 * Fields ("!type" = required). Removed or retyped breaks everyone. Input side (parameters, request
 * fields): a new required field or one now required breaks callers. Output side (response fields):
 * one now optional breaks readers.
 */
function fieldChanges(
  what: string,
  before: Record<string, string>,
  after: Record<string, string>,
  sides: Side[],
): SurfaceChange[] {
  const changes: SurfaceChange[] = [];
  for (const key of sortedKeys(before)) {
    if (!(key in after)) changes.push(breaking(`${what} \`${key}\` removed`));
  }
  for (const key of sortedKeys(after)) {
    const was = before[key];
    const now = after[key];
    const isRequired = now.startsWith("!");
    if (was === undefined) {
      const label = `${what} \`${key}\` added${isRequired ? " (required)" : ""}`;
      changes.push(sides.includes("input") && isRequired ? breaking(label) : other(label));
    } else if (bare(was) !== bare(now)) {
      changes.push(
        breaking(`${what} \`${key}\` retyped from \`${bare(was)}\` to \`${bare(now)}\``),
      );
    } else if (was.startsWith("!") !== isRequired) {
      // Input: newly required breaks callers. Output: newly optional breaks readers.
      const isBreaking = isRequired ? sides.includes("input") : sides.includes("output");
      const label = `${what} \`${key}\` is now ${isRequired ? "required" : "optional"}`;
      changes.push(isBreaking ? breaking(label) : other(label));
    }
  }
  return changes;
}

function typeChanges(
  before: Record<string, SurfaceType>,
  after: Record<string, SurfaceType>,
): SurfaceChange[] {
  const changes: SurfaceChange[] = [];
  for (const name of sortedKeys(before))
    if (!(name in after)) changes.push(breaking(`type \`${name}\` removed`));
  for (const name of sortedKeys(after)) {
    const was = before[name];
    const now = after[name];
    if (was === undefined) {
      changes.push(other(`type \`${name}\` added`));
    } else if (was.fields && now.fields) {
      changes.push(...fieldChanges(`\`${name}\` field`, was.fields, now.fields, now.usage));
    } else if (was.enum && now.enum) {
      for (const value of was.enum)
        if (!now.enum.includes(value))
          changes.push(breaking(`\`${name}\` enum value \`${value}\` removed`));
      for (const value of now.enum)
        if (!was.enum.includes(value))
          changes.push(other(`\`${name}\` enum value \`${value}\` added`));
    } else if (shape(was) !== shape(now)) {
      changes.push(
        breaking(`type \`${name}\` retyped from \`${shape(was)}\` to \`${shape(now)}\``),
      );
    }
  }
  return changes;
}

type Side = "input" | "output";

function shape(type: SurfaceType): string {
  if (type.fields) return "object";
  if (type.enum) return type.enum.join(" | ");
  return type.type ?? "unknown";
}

function bare(type: string): string {
  return type.startsWith("!") ? type.slice(1) : type;
}

function sortedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).sort();
}

function breaking(message: string): SurfaceChange {
  return { isBreaking: true, message };
}

function other(message: string): SurfaceChange {
  return { isBreaking: false, message };
}
