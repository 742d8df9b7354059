import type { Page } from 'puppeteer-core';
import { openExtensionPage as openPage } from '../../testing/extension-page';
import type { ExtensionBrowser } from './launch';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens an extension page (e.g. 'popup.html') of the harness's browser; see testing/extension-page.ts. */
export function openExtensionPage(ext: ExtensionBrowser, pagePath: string, options: { waitForRender?: boolean } = {}): Promise<Page> {
  return openPage(ext.browser, ext.kind, ext.origin + pagePath, options);
}

/** Waits until React has rendered into #root. */
const waitForRoot = (page: Page) => page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0, { timeout: 20_000 });

/** Set on a page's document; a reloaded (new) document does not have it. */
const DOCUMENT_MARK = '__hikaeMarkedDocument';

/** Marks the page's current document (see {@link isSameDocument}). */
export const markDocument = (page: Page) => page.evaluate((mark) => void ((window as unknown as Record<string, boolean>)[mark] = true), DOCUMENT_MARK);

/** True while the page still shows the document {@link markDocument} marked: it was not reloaded. */
export const isSameDocument = (page: Page) => page.evaluate((mark) => mark in window, DOCUMENT_MARK);

/**
 * Reloads an extension page and returns once the NEW document has rendered.
 * `location.reload()` only schedules the navigation — and Firefox never reports
 * the load of a moz-extension:// page — so until the old document is gone, a
 * probe may still read it: a page that already followed a live event (e.g. showing
 * the unlock screen after vault.lock) satisfies the probe, and what runs next
 * (axe) then reads a document being torn down. The old document is marked
 * first, so the wait ends only in a document without the mark.
 */
export async function reloadExtensionPage(page: Page): Promise<void> {
  await markDocument(page);
  await page.evaluate(() => location.reload());
  const deadline = Date.now() + 20_000;
  for (;;) {
    const reloaded = await page.evaluate((mark) => !(mark in window) && document.readyState === 'complete', DOCUMENT_MARK).catch(() => false);
    if (reloaded) break;
    if (Date.now() > deadline) throw new Error(`Timed out reloading ${page.url()}`);
    await sleep(50);
  }
  await waitForRoot(page);
}
