import path from 'node:path';

/** Repository root (tools/browser → ../..). */
export const ROOT = path.resolve(import.meta.dirname, '../..');

import type { BrowserKind } from '../../testing/launch';
export type { BrowserKind };

/** System browsers (Debian's chromium and firefox-esr); override with CHROME_PATH / FIREFOX_PATH. */
export const BROWSER_PATHS: Record<BrowserKind, string> = {
  chromium: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
};

/** The built extension for each browser (`npm run build:test`). */
export const BUILD_DIRS: Record<BrowserKind, string> = {
  chromium: path.join(ROOT, '.output/chrome-mv3-test'),
  firefox: path.join(ROOT, '.output/firefox-mv3-test'),
};

/** Which browsers a run covers: E2E_BROWSERS=chromium,firefox (default both). */
export const BROWSERS: BrowserKind[] = (process.env.E2E_BROWSERS ?? 'chromium,firefox')
  .split(',')
  .map((b) => b.trim())
  .filter((b): b is BrowserKind => b === 'chromium' || b === 'firefox');

export { FIREFOX_EXTENSION_UUID } from '../../lib/extension-identity';

/**
 * Device A and device B for the two-device tests: each browser plays each role
 * (A backs up in one, B recovers in the other); with one browser, both are it.
 */
export const DEVICE_PAIRS: [BrowserKind, BrowserKind][] =
  BROWSERS.length > 1 ? [['chromium', 'firefox'], ['firefox', 'chromium']] : [[BROWSERS[0]!, BROWSERS[0]!]];
