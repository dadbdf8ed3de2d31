// Operation descriptors repeat the same field values (one retry policy, a handful of response
// lists and auth requirements): each value that two operations share is written once, as a
// constant of descriptors.ts the operations name. Every host's checker parses the whole file, so
// fewer syntax nodes is less of its time; the runtime receives the same values.
import type { OperationDescriptor } from "./descriptor-specs.js";
import { sharedFieldConstName } from "./descriptor-names.js";
import { valueLiteral } from "./literal.js";
import { RawCode } from "./value-layout.js";

/** Fields whose values operations share, in the order their constants are written. */
const sharedFields = ["retry", "auth", "body", "params", "responses"] as const;

type SharedField = (typeof sharedFields)[number];

/** A value written once: `const <name>: OperationSpec["<field>"] = <value>;`. */
export interface SharedValue {
  name: string;
  field: SharedField;
  value: unknown;
}

export interface SharedDescriptors {
  /** The shared values, by field, then in order of first use. */
  shared: SharedValue[];
  /** The descriptors, in the same order, each shared value replaced by its constant's name. */
  specs: Record<string, unknown>[];
}

/** An empty list or a primitive is as short as a name: only objects and non-empty lists are shared. */
const isWorthSharing = (value: unknown): boolean =>
  typeof value === "object" && value !== null && (!Array.isArray(value) || value.length > 0);

export function shareDescriptorFields(specs: OperationDescriptor[]): SharedDescriptors {
  const shared: SharedValue[] = [];
  // texts[field][i]: the printed value of spec i's field, if worth sharing (printed once).
  const texts = new Map<SharedField, (string | undefined)[]>();
  const byField = new Map<SharedField, Map<string, RawCode>>();
  for (const field of sharedFields) {
    const printed = specs.map((spec) =>
      isWorthSharing(spec[field]) ? valueLiteral(spec[field]) : undefined,
    );
    texts.set(field, printed);
    const uses = new Map<string, number>();
    for (const text of printed) if (text !== undefined) uses.set(text, (uses.get(text) ?? 0) + 1);
    const names = new Map<string, RawCode>();
    for (const [i, text] of printed.entries()) {
      if (text === undefined || uses.get(text)! < 2 || names.has(text)) continue;
      const name = sharedFieldConstName(field, names.size + 1);
      names.set(text, new RawCode(name));
      shared.push({ name, field, value: specs[i]![field] });
    }
    byField.set(field, names);
  }
  return {
    shared,
    specs: specs.map((spec, i) => {
      const copy: Record<string, unknown> = { ...spec };
      for (const field of sharedFields) {
        const text = texts.get(field)![i];
        const name = text === undefined ? undefined : byField.get(field)!.get(text);
        if (name) copy[field] = name;
      }
      return copy;
    }),
  };
}
