import { defineConfig } from "vitest/config";

// The conformance suite: clients generated from the AutoRest test server's swaggers, driven against
// that server (`npm run test:conformance`). One file, its tests in order (the last reads coverage).
export default defineConfig({
  test: {
    include: ["test/conformance/**/*.conformance-test.ts"],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
