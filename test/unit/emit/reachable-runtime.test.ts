// Which runtime files a client ships: those its generated files reach through imports.
import { describe, expect, it } from "vitest";
import { withReachableRuntime } from "../../../generator/emit/reachable-runtime.js";

const file = (path: string, text = "") => ({ path, text });

describe("withReachableRuntime", () => {
  const table: { name: string; given: { path: string; text: string }[]; want: string[] }[] = [
    {
      name: "follows value, type, re-export, side-effect and dynamic imports, transitively",
      given: [
        file("client.ts", 'import { send } from "./runtime/transport.js";'),
        file("index.ts", 'export type { Poller } from "./runtime/poller.js";'),
        file(
          "runtime/transport.ts",
          'import type { Spec } from "./types.js";\nimport "./polyfill.js";',
        ),
        file("runtime/poller.ts", 'const m = () => import("./lro.js");'),
        file("runtime/types.ts"),
        file("runtime/polyfill.ts"),
        file("runtime/lro.ts"),
        file("runtime/channel.ts", 'import { send } from "./transport.js";'),
      ],
      want: [
        "client.ts",
        "index.ts",
        "runtime/transport.ts",
        "runtime/poller.ts",
        "runtime/types.ts",
        "runtime/polyfill.ts",
        "runtime/lro.ts",
      ],
    },
    {
      name: "keeps every generated file, reached or not; drops runtime files nothing reaches",
      given: [file("README.md"), file("types.ts"), file("runtime/index.ts"), file("runtime/a.ts")],
      want: ["README.md", "types.ts"],
    },
  ];
  it.each(table)("$name", ({ given, want }) => {
    expect(withReachableRuntime(given).map((f) => f.path)).toEqual(want);
  });
});
