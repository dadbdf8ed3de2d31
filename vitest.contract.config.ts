import { defineConfig } from "vitest/config";

// The contract suite: every generated client against Stoplight Prism (`npm run test:contract`).
// One file; its specs run two at a time (maxConcurrency), each with its own Prism server.
export default defineConfig({
  test: {
    include: ["test/contract/**/*.contract-test.ts"],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxConcurrency: 2,
  },
});
