import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

// End-to-end tests against the built app in headless Chromium: `npm run test:e2e`.
// Kept out of vitest.config.ts so `vitest run` never needs a build or a browser.
export default defineConfig({
  // The e2e files build their data with the app's own modules, which import each other as ~/….
  resolve: { alias: { '~': fileURLToPath(new URL('./app', import.meta.url)) } },
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/harness/global-setup.ts'],
    setupFiles: ['tests/setup/fail-on-console-error.ts'],
    // Two cores: one file at a time keeps timings honest.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
