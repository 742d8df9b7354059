import { defineConfig } from 'vitest/config';

// Browsers start in seconds, not milliseconds; one test file at a time.
export default defineConfig({
  test: {
    include: ['*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
