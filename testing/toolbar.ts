import type { Browser, Page } from 'puppeteer-core';
import { CHROME_EXTENSION_ID, GECKO_ID } from '../lib/extension-identity.js';
import type { BrowserKind } from './launch.js';

/*
 * Clicking the extension's toolbar button for real, with a given page in front:
 * the gesture that grants `activeTab` on that tab (docs/autofill.md "What each
 * trigger does"). Chromium: CDP `Extensions.triggerAction` (Puppeteer's
 * `page.triggerExtensionAction`). Firefox: the browser's own toolbar action, run in
 * its chrome scope over WebDriver BiDi (the launcher's `--remote-allow-system-access`
 * allows it). Neither needs anything from the extension: production builds too.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/** Runs `expression` in Firefox's browser window (chrome scope) and returns its value. */
export async function firefoxChromeEval<T>(browser: Browser, expression: string): Promise<T> {
  // Puppeteer's BiDi connection is not public API; chrome scope has no other door.
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const contexts = tree.result.contexts as { context: string; url: string }[];
  const window = contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('No Firefox browser window in chrome scope (launch Firefox with --remote-allow-system-access).');
  const answer = await connection.send('script.evaluate', { expression, target: { context: window.context }, awaitPromise: true });
  const result = answer.result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text?: string } };
  if (result.type !== 'success') throw new Error(`Chrome-scope evaluation failed: ${result.exceptionDetails?.text ?? JSON.stringify(result)}`);
  return result.result?.value as T;
}

/** The extension as Firefox's chrome scope knows it. */
export const FIREFOX_EXTENSION = `WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension`;
/** Firefox's WebExtension parent-process global (toolbar actions, tab ids). */
export const FIREFOX_GLOBAL = `ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs').ExtensionParent.apiManager.global`;

/** The extension's id for the tab shown in the (front) Firefox window. */
export function firefoxSelectedTabId(browser: Browser): Promise<number> {
  return firefoxChromeEval<number>(browser, `${FIREFOX_GLOBAL}.tabTracker.getId(window.gBrowser.selectedTab)`);
}

/** Clicks the toolbar button in Firefox (activeTab for the shown tab; the real popup opens), then closes that popup. */
export async function firefoxClickToolbarButton(browser: Browser): Promise<void> {
  const toggle = `(${FIREFOX_GLOBAL}.browserActionFor(${FIREFOX_EXTENSION}).triggerAction(window), null)`;
  await firefoxChromeEval(browser, toggle);
  await sleep(300);
  await firefoxChromeEval(browser, toggle);
}

/** Chromium: clicks the toolbar button with `page` in front; resolves to the real popup (a Puppeteer page). */
export async function chromiumClickToolbarButton(browser: Browser, page: Page): Promise<Page> {
  await page.bringToFront();
  const extension = (await browser.extensions()).get(CHROME_EXTENSION_ID);
  if (!extension) throw new Error('The extension is not loaded.');
  // A popup.html already open as a tab (the kit's own driver page) is not the popup.
  const before = new Set(browser.targets());
  await page.triggerExtensionAction(extension);
  const target = await browser.waitForTarget((t) => !before.has(t) && t.url() === `chrome-extension://${CHROME_EXTENSION_ID}/popup.html`, { timeout: 20_000 });
  return target.asPage();
}

/** Clicks the toolbar button with `page` in front, in either browser, and closes the popup it opened. */
export async function clickToolbarButton(browser: Browser, kind: BrowserKind, page: Page): Promise<void> {
  await page.bringToFront();
  if (kind === 'firefox') return firefoxClickToolbarButton(browser);
  const popup = await chromiumClickToolbarButton(browser, page);
  await popup.close();
}
