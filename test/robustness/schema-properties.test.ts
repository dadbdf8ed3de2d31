// Property-based: arbitrary valid JSON Schemas (objects with arbitrary property names, arrays,
// tuples, enums, const, allOf/oneOf/anyOf, type arrays with null, additionalProperties, refs
// between components incl. recursion) become components of a spec; the generated folder must
// compile, and a value sampled from each schema must be assignable to its emitted type. One tsc
// run per generated spec: types.ts (which imports nothing) plus one check file with every sample.
// Reproduce a failure with FC_SEED=<seed> (printed by fast-check); FC_RUNS to run more.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { DiagnosticsError, formatDiagnostic } from "../../generator/diagnostics/diagnostic.js";
import { generate } from "../../generator/pipeline.js";
import { compileAlone } from "../types/compile.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = Record<string, unknown>;

const tmp = mkdtempSync(path.join(os.tmpdir(), "clientgen-props-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** How many component schemas one spec has. */
const COMPONENTS = 4;

/** Property names: ordinary, hostile, and random short strings. */
const propertyName = fc.oneof(
  fc.constantFrom(
    "id",
    "name",
    "__proto__",
    "constructor",
    "toString",
    "a-b",
    "1x",
    "",
    "a b",
    "Äö",
    '"q"',
    "*/",
    "${x}",
    "default",
    "class",
  ),
  fc.string({ maxLength: 5 }),
);

const scalar = fc.oneof(
  fc.constantFrom<Schema>(
    { type: "string" },
    { type: "integer" },
    { type: "number" },
    { type: "boolean" },
    { type: "null" },
  ),
  fc.constantFrom<Schema>(
    { type: ["string", "null"] },
    { type: ["integer", "null"] },
    { type: ["number", "boolean"] },
  ),
  fc
    .uniqueArray(
      fc.oneof(fc.string({ maxLength: 4 }), fc.integer({ min: -5, max: 5 }), fc.constant(null)),
      { minLength: 1, maxLength: 4 },
    )
    .map((values) => ({ enum: values })),
  fc
    .oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean())
    .map((value) => ({ const: value })),
);

/**
 * Schemas for component `index`. `free` positions (optional properties, array items) may refer to
 * any component, itself included; `tight` positions (the schema itself, required properties,
 * tuple items, composition members) only to lower components, so every type has a finite value.
 */
function schemaArbitrary(index: number): fc.Arbitrary<Schema> {
  const lowerRef =
    index === 0
      ? []
      : [
          fc
            .integer({ min: 0, max: index - 1 })
            .map((i) => ({ $ref: `#/components/schemas/Schema${i}` })),
        ];
  const anyRef = fc
    .integer({ min: 0, max: COMPONENTS - 1 })
    .map((i) => ({ $ref: `#/components/schemas/Schema${i}` }));
  const { tight } = fc.letrec<{ tight: Schema; free: Schema; object: Schema }>((tie) => ({
    tight: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      scalar,
      ...lowerRef,
      tie("object"),
      arrayOf(tie("free")),
      tuple(tie("tight"), tie("free")),
      composition(tie("object"), tie("tight")),
    ),
    free: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, anyRef, tie("tight")),
    object: objectSchema(tie("tight"), tie("free")),
  }));
  return tight;
}

function arrayOf(items: fc.Arbitrary<Schema>): fc.Arbitrary<Schema> {
  return items.map((schema) => ({ type: "array", items: schema }));
}

function tuple(tight: fc.Arbitrary<Schema>, free: fc.Arbitrary<Schema>): fc.Arbitrary<Schema> {
  return fc
    .record({
      prefixItems: fc.array(tight, { minLength: 1, maxLength: 3 }),
      rest: fc.option(fc.oneof(fc.constant<false>(false), free), { nil: undefined }),
    })
    .map(({ prefixItems, rest }) =>
      rest === undefined
        ? { type: "array", prefixItems }
        : { type: "array", prefixItems, items: rest },
    );
}

function objectSchema(
  tight: fc.Arbitrary<Schema>,
  free: fc.Arbitrary<Schema>,
): fc.Arbitrary<Schema> {
  return fc
    .record({
      required: fc.uniqueArray(fc.tuple(propertyName, tight), {
        maxLength: 3,
        selector: ([name]) => name,
      }),
      // Optional names exclude Object.prototype methods: TypeScript rejects `{}` for `{ toString?: string }`
      // (the literal's inherited toString is a function); a quirk of TS, not of the generated type.
      optional: fc.uniqueArray(
        fc.tuple(
          propertyName.filter((n) => !isInheritedMethod(n)),
          free,
        ),
        { maxLength: 3, selector: ([name]) => name },
      ),
      additional: fc.option(fc.oneof(fc.boolean(), free), { nil: undefined }),
    })
    .map(({ required, optional, additional }) => {
      const names = new Set(required.map(([name]) => name));
      const properties = Object.create(null) as Record<string, Schema>;
      for (const [name, schema] of [
        ...required,
        ...optional.filter(([name]) => !names.has(name)),
      ]) {
        Object.defineProperty(properties, name, {
          value: schema,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      const schema: Schema = {
        type: "object",
        properties: copyRecord(properties),
        required: [...names],
      };
      if (additional !== undefined) schema.additionalProperties = additional;
      return schema;
    });
}

function isInheritedMethod(name: string): boolean {
  return (
    name !== "__proto__" &&
    typeof (Object.prototype as unknown as Record<string, unknown>)[name] === "function"
  );
}

/** allOf of objects with disjoint property names (a value for all of them exists), or oneOf/anyOf. */
function composition(
  object: fc.Arbitrary<Schema>,
  tight: fc.Arbitrary<Schema>,
): fc.Arbitrary<Schema> {
  return fc.oneof(
    fc
      .array(object, { minLength: 1, maxLength: 3 })
      .map((members) => ({ allOf: members.map((m, i) => prefixProperties(m, `m${i}_`)) })),
    fc.array(tight, { minLength: 1, maxLength: 3 }).map((variants) => ({ oneOf: variants })),
    fc.array(tight, { minLength: 1, maxLength: 3 }).map((variants) => ({ anyOf: variants })),
  );
}

function prefixProperties(schema: Schema, prefix: string): Schema {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const renamed: Record<string, Schema> = Object.create(null);
  for (const [name, value] of Object.entries(properties))
    Object.defineProperty(renamed, prefix + name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  // Extra keys would belong to every member at once: members stay closed or open only through their own properties.
  return {
    ...schema,
    properties: copyRecord(renamed),
    required: ((schema.required ?? []) as string[]).map((n) => prefix + n),
    additionalProperties: undefined,
  };
}

/** A plain object with the same own keys, `__proto__` included as a key. */
function copyRecord<T>(source: Record<string, T>): Record<string, T> {
  const copy: Record<string, T> = {};
  for (const key of Object.keys(source))
    Object.defineProperty(copy, key, {
      value: source[key],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}

/** One value the schema allows (JSON Schema semantics), built without openapi-sampler's guesswork. */
function sample(schema: unknown, components: Schema[], depth: number): Json {
  if (schema === true || schema === undefined) return "any";
  const s = schema as Schema;
  if (typeof s.$ref === "string")
    return sample(components[Number(/(\d+)$/.exec(s.$ref)![1])], components, depth + 1);
  if ("const" in s) return s.const as Json;
  if (Array.isArray(s.enum)) return s.enum[0] as Json;
  if (Array.isArray(s.allOf)) {
    const merged: Record<string, Json> = {};
    for (const member of s.allOf)
      Object.assign(
        merged,
        ...entriesAsObject(sample(member, components, depth) as Record<string, Json>),
      );
    return merged;
  }
  if (Array.isArray(s.oneOf)) return sample(s.oneOf[0], components, depth);
  if (Array.isArray(s.anyOf)) return sample(s.anyOf[0], components, depth);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "string":
      return "s";
    case "integer":
      return 1;
    case "number":
      return 1.5;
    case "boolean":
      return true;
    case "null":
      return null;
    case "array":
      if (Array.isArray(s.prefixItems))
        return s.prefixItems.map((item) => sample(item, components, depth + 1));
      return depth < 3 ? [sample(s.items, components, depth + 1)] : [];
    case "object": {
      const value: Record<string, Json> = {};
      const required = new Set((s.required ?? []) as string[]);
      for (const [name, property] of Object.entries(
        (s.properties ?? {}) as Record<string, Schema>,
      )) {
        if (required.has(name) || depth < 2)
          Object.defineProperty(value, name, {
            value: sample(property, components, depth + 1),
            enumerable: true,
            writable: true,
            configurable: true,
          });
      }
      return value;
    }
    default:
      return null;
  }
}

function entriesAsObject(value: Record<string, Json>): Record<string, Json>[] {
  return Object.keys(value).map((key) => {
    const one: Record<string, Json> = {};
    Object.defineProperty(one, key, {
      value: value[key],
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return one;
  });
}

/** A TypeScript expression for a JSON value; `__proto__` as a computed key (see literal.ts). */
function tsLiteral(value: Json): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(", ")}]`;
  const key = (k: string) => (k === "__proto__" ? `["__proto__"]` : JSON.stringify(k));
  return `{ ${Object.keys(value)
    .map((k) => `${key(k)}: ${tsLiteral(value[k])}`)
    .join(", ")} }`;
}

const specArbitrary = fc.tuple(...Array.from({ length: COMPONENTS }, (_, i) => schemaArbitrary(i)));

let run = 0;
async function generatesAndAccepts(components: Schema[]): Promise<void> {
  const dir = path.join(tmp, `run${run++}`);
  const schemas: Record<string, Schema> = {};
  components.forEach((schema, i) => (schemas[`Schema${i}`] = schema));
  const spec = path.join(dir, "openapi.json");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    spec,
    JSON.stringify(
      {
        openapi: "3.1.0",
        info: { title: "Props", version: "1" },
        paths: {},
        components: { schemas },
      },
      null,
      1,
    ),
  );
  let result;
  try {
    result = await generate({ overlays: [], spec });
  } catch (error) {
    if (error instanceof DiagnosticsError)
      throw new Error(`generation failed:\n${error.diagnostics.map(formatDiagnostic).join("\n")}`);
    throw error;
  }
  // types.ts stands alone (it imports nothing): compiling it with the check file keeps one run fast.
  const types = result.files.find((f) => f.path === "types.ts")?.text ?? "export {};";
  const check = [
    'import type * as T from "./types.js";',
    ...components.map(
      (schema, i) =>
        `export const v${i}: T.Schema${i} = ${tsLiteral(sample(schema, components, 0))};`,
    ),
  ].join("\n");
  const compiled = await compileAlone({}, { "types.ts": types, "check.ts": check });
  if (!compiled.ok || compiled.output !== "")
    throw new Error(`${compiled.output}\n--- types.ts\n${types}\n--- check.ts\n${check}`);
  rmSync(dir, { recursive: true, force: true });
}

describe("schema properties", () => {
  it("every generated schema type compiles and accepts a value sampled from its schema", async () => {
    const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20240601;
    await fc.assert(
      fc.asyncProperty(specArbitrary, (components) => generatesAndAccepts(components)),
      {
        numRuns: Number(process.env.FC_RUNS ?? 30),
        seed,
        interruptAfterTimeLimit: 240_000,
        markInterruptAsFailure: false,
      },
    );
  }, 300_000);

  it("the sampler itself: a known schema gives the expected value", () => {
    const components: Schema[] = [
      {
        type: "object",
        required: ["__proto__"],
        properties: copyRecord({ __proto__x: { type: "string" } }),
      },
    ];
    Object.defineProperty(components[0].properties as object, "__proto__", {
      value: { type: "integer" },
      enumerable: true,
    });
    const value = sample(components[0], components, 0);
    expect(tsLiteral(value)).toBe('{ "__proto__x": "s", ["__proto__"]: 1 }');
    expect(sample({ type: "array", prefixItems: [{ const: 1 }, { enum: ["a"] }] }, [], 0)).toEqual([
      1,
      "a",
    ]);
  });
});
