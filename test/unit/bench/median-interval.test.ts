// The benchmark's confidence interval of a median over rounds (test/bench/measure.mjs): the
// README's per-request figures print it, so its order statistics must be the textbook ones.
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs bench helper without type declarations.
import { medianInterval } from "../../bench/measure.mjs";

const rounds = (n: number) => Array.from({ length: n }, (_, i) => n - i); // unsorted on purpose

describe("medianInterval", () => {
  it.each([
    // n, want [lo, hi] of the values 1..n: ranks n/2 -/+ 0.98 sqrt(n)
    { n: 100, want: [41, 60] },
    { n: 300, want: [134, 167] },
    { n: 6, want: [1, 6] },
  ])("n = $n -> $want", ({ n, want }) => {
    expect(medianInterval(rounds(n))).toEqual(want);
  });

  it("gives no interval under 6 rounds (too few to bound a median)", () => {
    expect(medianInterval(rounds(5))).toBeNull();
  });
});
