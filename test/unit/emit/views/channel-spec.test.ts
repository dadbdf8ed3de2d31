import { describe, expect, it } from "vitest";
import {
  channelSpecOf,
  runtimePingDefaults,
} from "../../../../generator/emit/views/descriptor-specs.js";
import type { Channel } from "../../../../generator/model/api.js";
import {
  DEFAULT_PING_INTERVAL_MS,
  DEFAULT_PING_TIMEOUT_MS,
} from "../../../../templates/runtime/channel.js";

const channel = (keepalive: Partial<Channel>): Channel => ({
  closeCodes: [],
  name: "watch",
  parameters: [],
  path: "/watch",
  pointer: "#/x-channels/watch",
  result: "end",
  serverMessage: { kind: "unknown" },
  ...keepalive,
});

describe("channelSpecOf: keepalive", () => {
  it("mirrors the runtime's defaults", () => {
    expect(runtimePingDefaults).toEqual({
      intervalMs: DEFAULT_PING_INTERVAL_MS,
      timeoutMs: DEFAULT_PING_TIMEOUT_MS,
    });
  });

  it.each([
    ["unset", {}, {}],
    ["equal to the defaults", { pingIntervalMs: 5000, pingTimeoutMs: 10_000 }, {}],
    [
      "other values",
      { pingIntervalMs: 1000, pingTimeoutMs: 3000 },
      { pingIntervalMs: 1000, pingTimeoutMs: 3000 },
    ],
    ["one of each", { pingIntervalMs: 5000, pingTimeoutMs: 3000 }, { pingTimeoutMs: 3000 }],
  ])("%s", (_, given, want) => {
    const spec = channelSpecOf(channel(given));
    expect({ pingIntervalMs: spec.pingIntervalMs, pingTimeoutMs: spec.pingTimeoutMs }).toEqual({
      pingIntervalMs: undefined,
      pingTimeoutMs: undefined,
      ...want,
    });
  });
});
