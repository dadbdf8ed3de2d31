// Small builders for runtime tests: operation specs, a recording fake clock.
import type { Sleep } from "../../../templates/runtime/delay.js";
import type { OperationSpec } from "../../../templates/runtime/types.js";

/**
 * An operation spec with test defaults (GET /things, JSON 200, no auth), written as the generator
 * writes descriptors: no parameters and idempotence left to the method unless overridden.
 */
export function op(overrides: Partial<OperationSpec> = {}): OperationSpec {
  return {
    id: "getThings",
    method: "GET",
    path: "/things",
    responses: [{ status: "200", kind: "json" }],
    auth: [],
    ...overrides,
  };
}

/** A sleep that records requested waits and advances a fake clock instead of waiting. */
export function fakeTime(start = Date.parse("2030-01-01T00:00:00Z")): {
  sleep: Sleep;
  now: () => number;
  waits: number[];
} {
  let clock = start;
  const waits: number[] = [];
  return {
    waits,
    now: () => clock,
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
  };
}
