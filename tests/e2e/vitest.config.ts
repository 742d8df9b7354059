import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in real Chromium and Firefox. One file at a time:
// two browsers at once on a 2-core machine only makes every test slower and flakier.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
