import { defineConfig } from "vitest/config";

// The corpus suite: big real-world specs, generated and type-checked one by one. It reads the corpus
// beside the repository (../shared/corpus) and stops with a clear message when it is not there.
export default defineConfig({
  test: {
    include: ["test/corpus/**/*.corpus-test.ts"],
    globalSetup: ["test/corpus/require-corpus.ts"],
    testTimeout: 180_000,
  },
});
