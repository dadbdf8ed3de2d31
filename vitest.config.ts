import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Type-checking and generation tests spawn compilers; give them room on 2-core machines.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
