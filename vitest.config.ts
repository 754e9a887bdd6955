import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

const alias = { '~': fileURLToPath(new URL('./app', import.meta.url)) };

// One run, several projects: each kind of test gets the environment it needs.
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'engine',
          include: ['engine/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'server',
          include: [
            'app/**/*.test.ts',
            'models/**/*.test.ts',
            'server/**/*.test.ts',
            'tests/integration/**/*.test.ts',
          ],
          environment: 'node',
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'component',
          include: ['app/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/setup/fail-on-console-error.ts', 'tests/setup/i18n.ts'],
          // Rendering a whole form in jsdom takes a second when six test runs share two cores;
          // 5 s (the default) failed tests on a busy machine. Slowness is measured by bench:*.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
