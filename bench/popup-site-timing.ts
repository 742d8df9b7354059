import type { Page } from 'puppeteer-core';
import { launchWithExtension, type ExtensionBrowser } from '../tools/browser/launch';
import { frontTabId, sendFromPage } from '../tests/e2e/pages/fill-driver';
import { chromiumOpenToolbarPopup, createVault, openSitePage } from '../tests/e2e/pages/scan-driver';
import { HOSTS, startSignInServer } from '../tests/e2e/pages/sign-in-server';
import { installCodeProbe, readCodeProbe } from './dom-probe';
import { issuer, seedOurs } from './popup-timing';
import { median } from './stats';

/*
 * The popup opened on a sign-in page with N accounts (issue #10 "Prove it"): open →
 * first code, → the site's accounts listed first with their Fill buttons, → every
 * code; and the same popup off any site (a browser page: no site section) for
 * comparison. Chromium, the local https sign-in site (tests/e2e/pages). The site's
 * accounts are the LAST ones of the list, so listing them first is the popup's
 * doing. The site tab is granted once by a real toolbar click (activeTab); each
 * open is the popup page in a fresh tab with the test build's `?tab=<id>` (the
 * real popup cannot be probed before it starts), timed from outside by the DOM
 * probes: nothing in the popup marks itself.
 */

const PASSWORD = 'benchmark password';
/** How many accounts the site has (the last ones of the list). */
const SITE_ACCOUNTS = 3;

export interface PopupSiteFigures {
  accounts: number;
  onSite: { firstCodeMs: number; siteAccountsMs: number; allCodesMs: number };
  offSite: { firstCodeMs: number; allCodesMs: number };
}

/** Notes when the site section first lists `count` accounts, from the page's navigation start (source text: see dom-probe.ts). */
async function installSiteProbe(page: Page, count: number): Promise<void> {
  await page.evaluateOnNewDocument(`(${SITE_PROBE_SOURCE})(${String(count)})`);
}

const SITE_PROBE_SOURCE = `function (count) {
  const probe = { siteMs: -1, names: [] };
  globalThis.__siteProbe = probe;
  const observer = new MutationObserver(() => {
    const rows = document.querySelectorAll('[data-testid="site-fill"] [data-testid="site-account"]');
    if (rows.length < count || probe.siteMs >= 0) return;
    probe.siteMs = performance.now();
    probe.names = [...rows].map((row) => row.querySelector('.issuer')?.textContent ?? '');
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}`;

async function readSiteProbe(page: Page): Promise<{ siteMs: number; names: string[] }> {
  await page.waitForFunction(() => (globalThis as unknown as { __siteProbe: { siteMs: number } }).__siteProbe.siteMs >= 0, { timeout: 30_000 });
  return page.evaluate(() => (globalThis as unknown as { __siteProbe: { siteMs: number; names: string[] } }).__siteProbe);
}

/** One open of the popup page in a fresh tab; `tabId`: the site tab it is about (none: off any site). */
async function openOnce(ext: ExtensionBrowser, count: number, tabId: number | null, siteNames: string[]) {
  const page = await ext.browser.newPage();
  // On the site, its accounts' codes show twice: in the site section and in the list.
  await installCodeProbe(page, tabId === null ? count : count + siteNames.length);
  if (tabId !== null) await installSiteProbe(page, siteNames.length);
  await page.goto(`${ext.origin}popup.html${tabId === null ? '' : `?tab=${tabId}`}`, { waitUntil: 'load' });
  const codes = await readCodeProbe(page);
  const site = tabId === null ? null : await readSiteProbe(page);
  await page.close();
  if (site && site.names.join() !== siteNames.join()) throw new Error(`The popup listed ${site.names.join(', ')} for the site, not ${siteNames.join(', ')}.`);
  return { firstCodeMs: codes.firstMs, allCodesMs: codes.allMs, siteAccountsMs: site?.siteMs ?? -1 };
}

export async function measurePopupOnSite(count: number, runs: number): Promise<PopupSiteFigures> {
  const server = await startSignInServer();
  const ext = await launchWithExtension('chromium', { localHosts: Object.values(HOSTS) });
  try {
    await createVault(ext, PASSWORD);
    const setup = await ext.open('popup.html');
    await seedOurs(setup, count);
    const snapshot = (await sendFromPage(setup, { type: 'vault.snapshot', payload: {} })) as { value: { accounts: { id: string; issuer: string }[] } };
    const last = snapshot.value.accounts.slice(-SITE_ACCOUNTS);
    for (const account of last) {
      const answer = (await sendFromPage(setup, { type: 'accounts.update', payload: { id: account.id, edit: { sites: [HOSTS.site] } } })) as { ok: boolean };
      if (!answer.ok) throw new Error(`binding ${account.issuer} to ${HOSTS.site}: ${JSON.stringify(answer)}`);
    }
    await setup.close();
    const siteNames = last.map((a) => a.issuer);
    if (siteNames.join() !== [count - 3, count - 2, count - 1].map(issuer).join()) throw new Error(`Unexpected order: ${siteNames.join(', ')}`);

    // The real gesture: a toolbar click on the site's tab grants it (activeTab).
    const site = await openSitePage(ext, server.url(HOSTS.site, '/login'));
    const tabId = await frontTabId(ext);
    await (await chromiumOpenToolbarPopup(ext, site)).close();

    // Warm-up: the first opens also compile the bundles.
    await openOnce(ext, count, tabId, siteNames);
    await openOnce(ext, count, null, siteNames);
    const on = [];
    const off = [];
    for (let r = 0; r < runs; r++) {
      on.push(await openOnce(ext, count, tabId, siteNames));
      off.push(await openOnce(ext, count, null, siteNames));
    }
    return {
      accounts: count,
      onSite: { firstCodeMs: median(on.map((o) => o.firstCodeMs)), siteAccountsMs: median(on.map((o) => o.siteAccountsMs)), allCodesMs: median(on.map((o) => o.allCodesMs)) },
      offSite: { firstCodeMs: median(off.map((o) => o.firstCodeMs)), allCodesMs: median(off.map((o) => o.allCodesMs)) },
    };
  } finally {
    await ext.close();
    await server.close();
  }
}
