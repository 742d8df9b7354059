import type { Browser, Page } from 'puppeteer-core';
import type { BrowserKind } from './launch.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface OpenPageOptions {
  /** Wait until React has rendered into #root (default true). */
  waitForRender?: boolean;
  /** Default 20 s. */
  timeoutMs?: number;
}

/**
 * Opens an extension page in a new tab. Firefox over WebDriver BiDi never reports
 * the load of a moz-extension:// page, so the navigation is not awaited there: the
 * page is polled until its document is complete (and, by default, React has rendered).
 */
export async function openExtensionPage(
  browser: Browser,
  kind: BrowserKind,
  url: string,
  { waitForRender = true, timeoutMs = 20_000 }: OpenPageOptions = {},
): Promise<Page> {
  const page = await browser.newPage();
  // `scheme://host/`: URL.origin is "null" for moz-extension:// in Node.
  const origin = url.slice(0, url.indexOf('/', url.indexOf('//') + 2) + 1);
  if (kind === 'chromium') {
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
  } else {
    page.goto(url).catch(() => undefined);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ready = await page
        .evaluate((expected) => location.href.startsWith(expected) && document.readyState === 'complete', origin)
        .catch(() => false);
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`Timed out opening ${url}`);
      await sleep(100);
    }
  }
  // Background tabs in Firefox throttle timers to 1 s: keep the page under test in front.
  await page.bringToFront();
  if (waitForRender) await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0, { timeout: timeoutMs });
  return page;
}
