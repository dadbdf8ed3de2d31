// --emit js needs the TypeScript compiler API for declarations; TypeScript 7 (native, no JS API)
// installed as `typescript` must give a clear error, not a crash.
import { describe, expect, it, vi } from "vitest";
import { InputError } from "../../../generator/diagnostics/input-error.js";

vi.mock("typescript", () => ({ default: { version: "7.0.2" } }));

describe("--emit js with TypeScript 7 installed", () => {
  it("says what it needs instead of crashing", async () => {
    const { toJavaScript } = await import("../../../generator/emit/to-javascript.js");
    const attempt = toJavaScript([{ path: "index.ts", text: "export const a = 1;\n" }]);
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    await expect(attempt).rejects.toThrow(
      "--emit js needs the TypeScript compiler API (typescript 5.x or 6.x), and the installed typescript 7.0.2 has none",
    );
  });
});
