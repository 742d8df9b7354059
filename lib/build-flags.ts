/*
 * Compile-time switches (wxt.config.ts `define`). Code behind a false switch is
 * removed from the build, not merely skipped: production builds contain no test
 * hook at all (tests/e2e/testing-kit-production.e2e.ts reads the built files).
 */

declare const __TEST_HOOKS__: boolean | undefined;

/**
 * True only in builds made with `--mode test` (`npm run build:test`) and in unit
 * tests: the test clock (docs/testing-with-puppeteer.md "Time control"). Use it
 * directly in a condition (`TEST_HOOKS ? … : …`) so the bundler drops the branch.
 */
export const TEST_HOOKS: boolean = typeof __TEST_HOOKS__ !== 'undefined' && __TEST_HOOKS__;
