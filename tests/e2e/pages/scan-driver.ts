import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROME_EXTENSION_ID, GECKO_ID } from '../../../lib/extension-identity';
import { chromiumClickToolbarButton, firefoxChromeEval, FIREFOX_EXTENSION } from '../../../testing/toolbar';
import { BROWSER_PATHS, BUILD_DIRS } from '../../../tools/browser/config';
import type { ExtensionBrowser } from '../../../tools/browser/launch';
import { openExtensionPage } from '../../../tools/browser/pages';
import { clickButton, fill, waitFor, waitForText } from '../harness/ui';

/*
 * Driving QR capture as a person does, in each browser. The toolbar button and the
 * keyboard shortcut are what grant activeTab, so the tests use them for real:
 * Chromium's CDP `Extensions.triggerAction` clicks the toolbar button (the real
 * popup opens and Puppeteer can drive it); in Firefox, the browser's own
 * `triggerAction` and the shortcut's `onCommand` run in its chrome scope over
 * WebDriver BiDi (allowed by --remote-allow-system-access). No host permission is
 * added to the build for the tests.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Creates the vault with `password` from a fresh profile's popup. */
export async function createVault(ext: ExtensionBrowser, password: string): Promise<void> {
  const popup = await ext.open('popup.html');
  await fill(popup, 'new-password', password);
  await fill(popup, 'confirm-password', password);
  await clickButton(popup, 'Create password');
  await waitFor(popup, () => document.querySelector('.empty-state, .code-list') !== null, { what: 'unlocked popup' });
  await popup.close();
}

/** Opens a page of the enrollment server in a new tab, in front, and waits until it says it is ready. */
export async function openSitePage(ext: ExtensionBrowser, url: string): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.bringToFront();
  await waitFor(page, () => document.body?.dataset.ready === '1', { what: `${url} ready` });
  return page;
}

/** Presses the extension's shortcut in Firefox: the command fires and the shown tab gets activeTab, as with the real keys. */
export function firefoxPressShortcut(browser: Browser, command: string): Promise<void> {
  return firefoxChromeEval(browser, `(${FIREFOX_EXTENSION}.shortcuts.onCommand(${JSON.stringify(command)}), null)`);
}

/** Gives the extension Firefox's "all sites" permission, as accepting the permission prompt does. */
export function firefoxGrantAllSites(browser: Browser): Promise<void> {
  return firefoxChromeEval(
    browser,
    `ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs').ExtensionPermissions.add(${JSON.stringify(GECKO_ID)}, { permissions: [], origins: ['<all_urls>'] }, ${FIREFOX_EXTENSION}).then(() => null)`,
  );
}

/** Opens `url` (an extension page) in a new Firefox window, so the tab under test stays the one shown in its own window. */
export async function firefoxOpenInNewWindow(ext: ExtensionBrowser, url: string): Promise<Page> {
  const before = new Set(await ext.browser.pages());
  await firefoxChromeEval(ext.browser, `(window.openTrustedLinkIn(${JSON.stringify(url)}, 'window'), null)`);
  // BiDi never reports a moz-extension:// page's URL to Puppeteer: ask each new page where it is.
  const deadline = Date.now() + 20_000;
  for (;;) {
    for (const page of await ext.browser.pages()) {
      if (before.has(page)) continue;
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === url) {
        await page.bringToFront();
        await waitFor(page, () => document.readyState === 'complete' && (document.getElementById('root')?.childElementCount ?? 0) > 0, { what: 'popup rendered' });
        return page;
      }
    }
    if (Date.now() > deadline) throw new Error(`Timed out opening ${url} in a new window`);
    await sleep(100);
  }
}

/** Chromium: clicks the toolbar button with `page` in front; resolves to the real popup, rendered. */
export async function chromiumOpenToolbarPopup(ext: ExtensionBrowser, page: Page): Promise<Page> {
  const popup = await chromiumClickToolbarButton(ext.browser, page);
  await waitFor(popup, () => (document.getElementById('root')?.childElementCount ?? 0) > 0, { what: 'popup rendered' });
  return popup;
}

/**
 * Chromium on a high-DPI screen (device scale factor 2, as on a laptop's Retina or
 * 4K display): screenshots have twice the pixels of the CSS viewport.
 */
export async function launchHighDpiChromium(): Promise<ExtensionBrowser> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hikae-hidpi-'));
  const browser = await puppeteer.launch({
    executablePath: BROWSER_PATHS.chromium,
    headless: true,
    pipe: true,
    enableExtensions: [BUILD_DIRS.chromium],
    userDataDir: profileDir,
    defaultViewport: null,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-sync', '--force-device-scale-factor=2', '--window-size=900,700'],
  });
  const origin = `chrome-extension://${CHROME_EXTENSION_ID}/`;
  await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(origin), { timeout: 20_000 });
  const unsupported = () => Promise.reject(new Error('Not needed by the high-DPI test.'));
  const handle: ExtensionBrowser = {
    kind: 'chromium',
    browser,
    profileDir,
    origin,
    open: (pagePath) => openExtensionPage(handle, pagePath),
    readStorage: unsupported,
    stopBackground: unsupported,
    close: () => browser.close(),
  };
  return handle;
}

/** What the scan panel lists, in order. */
export async function listedAccounts(page: Page) {
  return page.$$eval('[data-testid="scan-account"]', (items) =>
    items.map((item) => ({
      issuer: item.querySelector('[data-testid="scan-issuer"]')?.textContent ?? '',
      accountName: item.querySelector('[data-testid="scan-name"]')?.textContent ?? '',
      type: item.querySelector('[data-testid="scan-type"]')?.textContent ?? '',
      site: item.querySelector('[data-testid="scan-account-site"]')?.textContent ?? null,
      state: item.querySelector('[data-testid="scan-added"]') ? 'added' : item.querySelector('[data-testid="scan-existing"]') ? 'existing' : 'new',
    })),
  );
}

/** Waits until the scan panel shows its result (found list or an error). */
export async function waitForScanResult(page: Page, timeout = 30_000): Promise<void> {
  await waitFor(page, () => document.querySelector('[data-testid="scan-found"], [data-testid="scan-error"]') !== null && !document.querySelector('[data-testid="scan-scanning"]'), {
    timeout,
    what: 'scan result',
  });
}

/** Clicks "Add" on the listed account with this issuer. */
export async function addListed(page: Page, issuer: string): Promise<void> {
  await clickButton(page, `Add ${issuer}`);
  await waitFor(page, new Function(`return [...document.querySelectorAll('[data-testid="scan-account"]')].some((i) => i.querySelector('[data-testid="scan-issuer"]')?.textContent === ${JSON.stringify(issuer)} && i.querySelector('[data-testid="scan-added"]'))`) as () => boolean, {
    what: `${issuer} added`,
  });
}

export { waitForText };
// The toolbar-click primitives live in the testing kit (testing/toolbar.ts), shared with its fill().
export { firefoxChromeEval, firefoxClickToolbarButton, firefoxSelectedTabId } from '../../../testing/toolbar';
