import type { Browser, Page } from 'puppeteer-core';
import type { Driver } from './driver.js';
import { HikaeKitError } from './errors.js';
import type { BrowserKind } from './launch.js';
import { clickToolbarButton } from './toolbar.js';

/*
 * `fill(page)`: what a person does to fill a code with the popup — click the
 * toolbar button on the page (the real gesture, which grants `activeTab` on that
 * tab and nothing else), then press the popup's Fill. The kit sends the same
 * request the Fill button sends (`fill.account`); the extension then does all the
 * rest as for a person: matches the page's site, picks the field, waits out a code
 * about to expire, writes the digits. No test hook: production builds fill too.
 */

/**
 * The tab the toolbar click granted: the active tab showing `url`. The browser
 * shows a tab's URL to the extension only once a gesture granted it, so finding
 * it also proves the grant.
 */
async function grantedTabId(driver: Driver, url: string): Promise<number> {
  const tabs = await driver.evaluate(async () => {
    type Tabs = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
    const scope = globalThis as unknown as { browser?: Tabs; chrome: Tabs };
    return (scope.browser ?? scope.chrome).tabs.query({ active: true });
  });
  const tab = tabs.find((t) => t.url === url && t.id !== undefined);
  if (tab?.id === undefined) throw new HikaeKitError('fill-not-granted', `The toolbar click did not reach ${url}: keep the page open in its window.`);
  return tab.id;
}

/** Clicks the toolbar button with `page` in front and returns the tab id it granted. */
export async function grantPage(browser: Browser, kind: BrowserKind, driver: Driver, page: Page): Promise<number> {
  await clickToolbarButton(browser, kind, page);
  return grantedTabId(driver, page.url());
}
