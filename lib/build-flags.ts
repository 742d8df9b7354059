/*
 * Compile-time switches (wxt.config.ts `define`). Code behind a false switch is
 * removed from the build, not merely skipped: production builds contain no test
 * hook at all (tests/e2e/testing-kit-production.e2e.ts reads the built files).
 */

declare const __TEST_HOOKS__: boolean | undefined;

/**
 * The one test-only switch of the extension: true only in builds made with
 * `--mode test` (`npm run build:test`; wxt.config.ts defines `__TEST_HOOKS__`).
 * Every test-only path is behind it, and nothing else decides what is test-only
 * (no `import.meta.env.MODE` checks):
 * - the testing kit's clock, `test.clock.set` (docs/testing-with-puppeteer.md "Time control");
 * - `hikae.test-gesture`, the e2e stand-in for pressing the fill shortcut or clicking
 *   the fill menu (docs/autofill.md, lib/background/fill/wiring.ts);
 * - `popup.html?tab=<id>`, naming the tab a popup opened as a page is about
 *   (entrypoints/popup/scan-target-tab.ts).
 * Use it directly in a condition (`TEST_HOOKS ? … : …`) so the bundler drops the
 * branch; tests/e2e/testing-kit-production.e2e.ts checks that a production build
 * holds no trace of any of them.
 */
export const TEST_HOOKS: boolean = typeof __TEST_HOOKS__ !== 'undefined' && __TEST_HOOKS__;
