// Which pollers' descriptors name the runtime's lroRules: only those that use a rule beyond status
// values in sets, on the poller itself, one of its targets or a start waiting on it. The rest poll
// with the plain status sets, so a client whose pollers need no rule never bundles lro-rules.ts.
import { describe, expect, it } from "vitest";
import { needsLroRules } from "../../../../generator/emit/views/descriptor-specs.js";
import type { Api, Operation, Poller, PollerTarget } from "../../../../generator/model/api.js";

const plain: Poller = {
  canceledValues: [],
  defaultIntervalMs: 2000,
  failureValues: ["FAILED"],
  idParam: "id",
  isCaseInsensitive: false,
  name: "Job",
  operationId: "getJob",
  pointer: "#/x-pollers/Job",
  statusPath: ["status"],
  successValues: ["DONE"],
};

const target = (given: Partial<PollerTarget>): PollerTarget => ({
  failureValues: [],
  isGoneSuccess: false,
  name: "t",
  successValues: ["DONE"],
  unreachableValues: [],
  ...given,
});

/** Only what needsLroRules reads of an Api: its operations' waits and its pollers. */
const apiWith = (poller: Poller, lro?: Partial<NonNullable<Operation["lro"]>>): Api =>
  ({
    operations: lro ? [{ lro: { poller: "Job", ...lro } }] : [{}],
    pollers: [poller],
  }) as unknown as Api;

describe("needsLroRules", () => {
  const table: { name: string; given: Api; want: boolean }[] = [
    { name: "status sets only", given: apiWith(plain), want: false },
    { name: "a start without a change awaited", given: apiWith(plain, {}), want: false },
    { name: "donePath", given: apiWith({ ...plain, donePath: ["doneAt"] }), want: true },
    { name: "failurePath", given: apiWith({ ...plain, failurePath: ["error"] }), want: true },
    { name: "retryAfterPath", given: apiWith({ ...plain, retryAfterPath: ["wait"] }), want: true },
    {
      name: "empty unreachableValues",
      given: apiWith({ ...plain, unreachableValues: [] }),
      want: false,
    },
    {
      name: "unreachableValues",
      given: apiWith({ ...plain, unreachableValues: ["stopped"] }),
      want: true,
    },
    { name: "plain targets", given: apiWith({ ...plain, targets: [target({})] }), want: false },
    {
      name: "a target with unreachableValues",
      given: apiWith({ ...plain, targets: [target({ unreachableValues: ["stopped"] })] }),
      want: true,
    },
    {
      name: "a target where 404 means gone",
      given: apiWith({ ...plain, targets: [target({ isGoneSuccess: true })] }),
      want: true,
    },
    {
      name: "a start awaiting a change",
      given: apiWith(plain, { isChangeAwaited: true }),
      want: true,
    },
    {
      name: "another poller's start awaiting a change",
      given: apiWith(plain, { poller: "Other", isChangeAwaited: true }),
      want: false,
    },
  ];
  it.each(table)("$name -> $want", ({ given, want }) => {
    expect(needsLroRules(given, given.pollers[0]!)).toBe(want);
  });
});
