import type { WxtBrowser } from 'wxt/browser';

/**
 * The browser's own extension API, typed as WXT types it, without
 * webextension-polyfill (about 10 kB): what the popup's start path and the pages
 * use — messages, i18n, tabs, URLs — is promise-based natively in both browsers
 * at our minimum versions (Chrome 116, Firefox 140). The background keeps the
 * polyfill through `wxt/browser` (docs/popup-start-path.md).
 */
export const browser: WxtBrowser = ((globalThis as { browser?: WxtBrowser }).browser?.runtime?.id
  ? (globalThis as { browser?: WxtBrowser }).browser
  : (globalThis as unknown as { chrome: WxtBrowser }).chrome) as WxtBrowser;
