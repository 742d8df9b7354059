import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: lib/ and the background handlers against WXT's in-memory fake browser.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/emulator/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
