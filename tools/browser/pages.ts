import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './launch';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Opens an extension page in a new tab. Firefox over WebDriver BiDi never reports
 * the load of a moz-extension:// page, so the navigation is not awaited: the page
 * is polled until its document is complete (and, by default, React has rendered).
 */
export async function openExtensionPage(
  ext: ExtensionBrowser,
  pagePath: string,
  { waitForRender = true }: { waitForRender?: boolean } = {},
): Promise<Page> {
  const page = await ext.browser.newPage();
  const url = ext.origin + pagePath;
  if (ext.kind === 'chromium') {
    await page.goto(url, { waitUntil: 'load' });
  } else {
    page.goto(url).catch(() => undefined);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const ready = await page
        .evaluate((expected) => location.href.startsWith(expected) && document.readyState === 'complete', ext.origin)
        .catch(() => false);
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`Timed out opening ${url}`);
      await sleep(100);
    }
  }
  // Background tabs in Firefox throttle timers to 1 s: keep the page under test in front.
  await page.bringToFront();
  if (waitForRender) await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0, { timeout: 20_000 });
  return page;
}
