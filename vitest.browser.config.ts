import { defineConfig } from "vitest/config";

// The browser suite: the generated clients bundled for browsers, in headless Chromium
// (`npm run test:browser`; needs /usr/bin/chromium, Debian package `chromium`).
export default defineConfig({
  test: {
    include: ["test/browser/**/*.browser-test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
