import { defineConfig } from 'vitest/config';

/** Browser tests: real Chromium against one real node; files run one at a time (2 cores). */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
