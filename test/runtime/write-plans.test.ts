// given: a value and a write plan; want: what the runtime sends (a copy; the input never changes).
import { describe, expect, it } from "vitest";
import { applyWritePlan, encodeWritableJson } from "../../templates/runtime/write-plans.js";
import type { BodySpec, WritePlan } from "../../templates/runtime/types.js";

const plans: Record<string, WritePlan> = {
  Node: { omit: ["id"], fields: { next: { ref: "Node" } } },
  Loop: { ref: "Loop" },
};

describe("applyWritePlan", () => {
  it.each<[string, unknown, WritePlan, unknown]>([
    ["omits readOnly fields", { id: 1, a: 2 }, { omit: ["id"] }, { a: 2 }],
    ["fills a constant left out", { a: 1 }, { fill: { k: "x" } }, { a: 1, k: "x" }],
    ["fills an undefined constant", { k: undefined }, { fill: { k: "x" } }, { k: "x" }],
    ["keeps a constant given", { k: "x" }, { fill: { k: "x" } }, { k: "x" }],
    ["array items", [{ id: 1 }, null], { items: { omit: ["id"] } }, [{}, null]],
    ["map values", { a: { id: 1 } }, { values: { omit: ["id"] } }, { a: {} }],
    [
      "recursive shared plan",
      { id: 1, next: { id: 2, n: 3 } },
      { ref: "Node" },
      { next: { n: 3 } },
    ],
    [
      "allOf parts in turn",
      { a: 1, b: 2, c: 3 },
      { allOf: [{ omit: ["a"] }, { omit: ["b"] }] },
      { c: 3 },
    ],
    ["a missing shared plan changes nothing", { id: 1 }, { ref: "Nope" }, { id: 1 }],
    ["a cyclic plan ends", { id: 1 }, { ref: "Loop" }, { id: 1 }],
    ["null and scalars as they are", null, { omit: ["id"] }, null],
  ])("%s", (_name, value, plan, want) => {
    const before = JSON.stringify(value);
    expect(applyWritePlan(value, plan, plans)).toEqual(want);
    expect(JSON.stringify(value)).toBe(before);
  });

  it("leaves values that are not plain objects alone (Date, Blob)", () => {
    const date = new Date(0);
    const blob = new Blob(["x"]);
    expect(applyWritePlan(date, { omit: ["id"] }, plans)).toBe(date);
    expect(applyWritePlan(blob, { omit: ["size"] }, plans)).toBe(blob);
  });

  it("is the encoder a body's descriptor names, reading the plan from its spec", () => {
    const spec: BodySpec = {
      kind: "json",
      mediaType: "application/json",
      encode: encodeWritableJson,
      plan: { ref: "Node" },
      plans,
    };
    expect(spec.encode({ id: 1, next: { id: 2 } })).toBe('{"next":{}}');
  });
});
