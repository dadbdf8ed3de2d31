// Discriminated bases without a oneOf (Swagger 2.0's `discriminator: "kind"`, OpenAPI 3's allOf
// style): a subtype is a component schema whose allOf names the base. Where the base is used, any
// subtype may arrive, so the use is typed as a named union `<Base>Union` of the base and every
// descendant, each pinned to its discriminator value: inline subtype objects type-check and a
// switch on the discriminator narrows. Inside an allOf the base keeps meaning "its fields".
// (Azure's TypeScript generator names these unions the same way: FishUnion = Fish | Salmon | ...)
import type { NamedSchema, Schema } from "../../../model/schema.js";
import { isObject, type Location, type NormalizeContext } from "../../context.js";
import { childPointer, unescapeSegment } from "../../../shared/json-pointer.js";

/** A schema with subtypes: its union's members (itself first) and their discriminator values. */
interface Family {
  readonly members: readonly { at: Location; id: string; raw: unknown; values: string[] }[];
  readonly propertyName: string;
}

const families = new WeakMap<NormalizeContext, Map<string, Family>>();

/**
 * The id of the union to use for a `$ref` at `at` to the named schema `target`; undefined when
 * the target has no subtypes or the ref is an allOf part (inheritance, not a use).
 */
export function polymorphicUnionId(
  ctx: NormalizeContext,
  target: string,
  at: Location,
  register: (id: string, raw: unknown, at: Location) => void,
): string | undefined {
  if (/\/allOf\/[0-9]+$/.test(at.pointer)) return undefined;
  const family = familiesOf(ctx).get(target);
  if (!family) return undefined;
  const id = `union:${target}`; // not a pointer: no clash with a schema of the document
  if (ctx.named.has(id)) return id;
  const base = ctx.named.get(target);
  const entry: NamedSchema = {
    id,
    name: `${base?.name ?? "Schema"}Union`,
    pointer: base?.pointer ?? target,
    schema: {
      kind: "union",
      variants: family.members.map((member): Schema => ({ kind: "ref", target: member.id })),
      discriminator: {
        propertyName: family.propertyName,
        valuesByVariant: family.members.map((member) => member.values),
      },
    },
  };
  ctx.named.set(id, entry);
  for (const member of family.members) register(member.id, member.raw, member.at);
  return id;
}

/** Every component schema with subtypes under a discriminated base, by id; computed once per document. */
function familiesOf(ctx: NormalizeContext): Map<string, Family> {
  let found = families.get(ctx);
  if (found) return found;
  found = new Map();
  families.set(ctx, found);
  const components = isObject(ctx.spec.document.components)
    ? ctx.spec.document.components.schemas
    : undefined;
  if (!isObject(components)) return found;
  const file = ctx.spec.file;
  const pointerOf = (key: string) => childPointer("#/components/schemas", key);
  const children = subtypesByBase(ctx, components);
  for (const [key, raw] of Object.entries(components)) {
    const discriminator = isObject(raw) ? raw.discriminator : undefined;
    if (!isObject(raw) || raw.oneOf !== undefined || raw.anyOf !== undefined) continue;
    if (!isObject(discriminator) || typeof discriminator.propertyName !== "string") continue;
    const mapping = isObject(discriminator.mapping) ? discriminator.mapping : {};
    const valuesOf = (member: string): string[] => {
      const mapped = Object.entries(mapping)
        .filter(([, ref]) => ref === member || ref === pointerOf(member))
        .map(([value]) => value);
      if (mapped.length > 0) return mapped;
      const own = (components[member] as Record<string, unknown>)["x-ms-discriminator-value"];
      return [typeof own === "string" ? own : member];
    };
    for (const node of [key, ...descendants(key, children)]) {
      const below = descendants(node, children);
      if (below.length === 0 || found.has(pointerOf(node))) continue;
      const members = [node, ...below].map((member) => ({
        at: { file, pointer: pointerOf(member) },
        id: pointerOf(member),
        raw: components[member],
        values: valuesOf(member),
      }));
      found.set(pointerOf(node), { members, propertyName: discriminator.propertyName });
    }
  }
  return found;
}

/** Component key -> the keys of the components whose allOf names it directly. */
function subtypesByBase(
  ctx: NormalizeContext,
  components: Record<string, unknown>,
): Map<string, string[]> {
  const children = new Map<string, string[]>();
  const prefix = "#/components/schemas/";
  for (const [key, raw] of Object.entries(components)) {
    if (!isObject(raw) || !Array.isArray(raw.allOf)) continue;
    for (const part of raw.allOf) {
      if (!isObject(part) || typeof part.$ref !== "string") continue;
      const target = ctx.spec.resolveRef(part.$ref, ctx.spec.file);
      if (!target || target.file !== ctx.spec.file || !target.pointer.startsWith(prefix)) continue;
      const base = target.pointer.slice(prefix.length);
      if (base.includes("/")) continue;
      const parent = unescapeSegment(base);
      if (parent !== key) children.set(parent, [...(children.get(parent) ?? []), key]);
    }
  }
  return children;
}

/** Every key below `key`, depth first in declaration order, each once (cycles end). */
function descendants(key: string, children: Map<string, string[]>): string[] {
  const seen = new Set([key]);
  const order: string[] = [];
  const visit = (node: string): void => {
    for (const next of children.get(node) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      order.push(next);
      visit(next);
    }
  };
  visit(key);
  return order;
}
