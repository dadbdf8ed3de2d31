import { defineConfig } from "vitest/config";

// The corpus suite: big real-world specs, generated and type-checked one by one.
export default defineConfig({
  test: {
    include: ["test/corpus/**/*.corpus-test.ts"],
    testTimeout: 180_000,
  },
});
