import { defineConfig } from "vitest/config";

// The host suite: generated clients compiled and run by real hosts (tsc in every module mode, TS
// 5.5-7, Node 18/20/22, Deno, Bun, tsx, esbuild, Vite, webpack). One host at a time: each spawns
// compilers, and tools not in the lock file are installed on first use.
export default defineConfig({
  test: {
    include: ["test/hosts/**/*.hosts-test.ts"],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
