import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from '../../tools/browser/config';
import { launchWithExtension, type ExtensionBrowser } from '../../tools/browser/launch';
import { sendFromPage } from './harness/messages';
import { waitFor } from './harness/ui';
import { AFTERWARDS, CLOAKED, INTRANET } from './pages/accounts';
import { HOSTS, HUGE, startHostileImageServer, type HostileImageServer } from './pages/hostile-image-server';
import {
  addListed,
  chromiumOpenToolbarPopup,
  createVault,
  firefoxGrantAllSites,
  firefoxOpenInNewWindow,
  listedAccounts,
  openSitePage,
  waitForScanResult,
} from './pages/scan-driver';

/*
 * The scanner's caps against pages that point it at images it must not read
 * (docs/page-scanning.md "Caps"): a 30000×30000 PNG (~110 kB on the wire, 3.6 GB
 * decoded) is refused from its header, and an image on a loopback address is never
 * requested. Why each image was not read comes from the test build's log of
 * refusals (lib/background/scan/refusal-log.ts), what was requested from the
 * server's own log — never from timings.
 *
 * Automatic detection runs in Firefox: in Chromium the <all_urls> prompt cannot be
 * accepted from Puppeteer, and chrome://extensions' developerPrivate does not grant
 * an optional host permission (site access "on all sites", addHostPermission for
 * every http(s) host and for file URLs, file access: the granted origins stayed the same). Chromium
 * proves the same caps through "Scan this page", where the decoding path is the same.
 */

const PASSWORD = 'correct horse battery staple';

if (BROWSERS.includes('firefox')) describe('automatic detection caps hostile images (Firefox)', () => {
  const kind = 'firefox';
  let ext: ExtensionBrowser;
  let server: HostileImageServer;
  /** An extension page in a window of its own: asking through it leaves the tested page shown (the watcher pauses in hidden tabs). */
  let helper: Page;

  beforeAll(async () => {
    server = await startHostileImageServer();
    ext = await launchWithExtension(kind, { localHosts: Object.values(HOSTS) });
    await createVault(ext, PASSWORD);
    // The user turns automatic detection on and accepts the browser's prompt for all sites.
    await firefoxGrantAllSites(ext.browser);
    const options = await ext.open('options.html#scan');
    await waitFor(options, () => document.querySelector<HTMLInputElement>('input[name="auto-detect"]')?.disabled === false, { what: 'switch' });
    await options.click('input[name="auto-detect"]');
    await waitFor(options, () => (document.querySelector('input[name="auto-detect"]') as HTMLInputElement).checked, { what: 'switched on' });
    await options.close();
    helper = await firefoxOpenInNewWindow(ext, `${ext.origin}popup.html`);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /** Asks through the helper page, as the extension's own pages do. */
  const inExtension = <T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T> => helper.evaluate(fn as never, arg as never);

  /** The extension's id for the tab showing `url`. */
  async function tabIdOf(url: string): Promise<number> {
    return inExtension(async (u: string) => {
      type Tabs = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
      const scope = globalThis as unknown as { browser?: Tabs; chrome: Tabs };
      const tabs = await (scope.browser ?? scope.chrome).tabs.query({});
      const tab = tabs.find((t) => t.url === u);
      if (tab?.id === undefined) throw new Error(`No tab shows ${u}`);
      return tab.id;
    }, url);
  }

  const badgeOf = (tabId: number) =>
    inExtension(async (id: number) => {
      type Action = { action: { getBadgeText(d: object): Promise<string> } };
      const scope = globalThis as unknown as { browser?: Action; chrome: Action };
      return (scope.browser ?? scope.chrome).action.getBadgeText({ tabId: id });
    }, tabId);

  /** The test build's log of refused images (storage.session, test builds only). */
  const refusals = () =>
    inExtension(async (key: string) => {
      type Storage = { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } };
      const scope = globalThis as unknown as { browser?: Storage; chrome: Storage };
      return ((await (scope.browser ?? scope.chrome).storage.session.get(key))[key] ?? []) as Record<string, unknown>[];
    }, 'test-scan-refusals');

  /** Waits until the log names a refusal for `page` matching `expected`. */
  async function refusalFor(page: string, expected: Record<string, unknown>): Promise<Record<string, unknown>> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const found = (await refusals()).find((r) => r.page === page && r.reason === expected.reason);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No ${String(expected.reason)} refusal logged for ${page}: ${JSON.stringify(await refusals())}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** What the popup would offer on this tab (scan.found's accounts and export batches), its badge, and the vault's issuers. */
  async function offeredAndStored(tabId: number): Promise<{ offered: unknown; badge: string; issuers: string[] }> {
    const found = await sendFromPage(helper, 'scan.found', { tabId });
    if (!found.ok) throw new Error(JSON.stringify(found));
    const view = found.value as { accounts: unknown[]; migration: unknown[] } | null;
    const snapshot = await sendFromPage(helper, 'vault.snapshot', {});
    if (!snapshot.ok) throw new Error(JSON.stringify(snapshot));
    const issuers = (snapshot.value as { accounts: { issuer: string }[] }).accounts.map((a) => a.issuer);
    return { offered: view ? [...view.accounts, ...view.migration] : [], badge: await badgeOf(tabId), issuers };
  }

  it('a 30000×30000 PNG from the page’s own site is fetched once and refused from its header, never decoded; nothing is offered', async () => {
    const pageOrigin = server.origin(HOSTS.page);
    const page = await openSitePage(ext, `${pageOrigin}/huge.html`);
    const refusal = await refusalFor(pageOrigin, { reason: 'too-large' });
    expect(refusal).toEqual({ reason: 'too-large', host: `${HOSTS.images}:${server.port}`, width: HUGE.width, height: HUGE.height, page: pageOrigin });
    // The page's own load (with a Referer) got the small code; the background's fetch (no referrer) the huge file, once.
    const huge = server.requests.filter((r) => r.path === '/huge.png');
    expect(huge.filter((r) => r.referer === null)).toHaveLength(1);
    expect(huge.filter((r) => r.referer !== null).length).toBeGreaterThanOrEqual(1);
    const tabId = await tabIdOf(`${pageOrigin}/huge.html`);
    expect(await offeredAndStored(tabId)).toEqual({ offered: [], badge: '', issuers: [] });
    await page.close();
  });

  it('an image on a loopback address, shown by a public page, is never requested by the extension; nothing is offered', async () => {
    const pageOrigin = server.origin(HOSTS.page);
    const page = await openSitePage(ext, `${pageOrigin}/private.html`);
    const refusal = await refusalFor(pageOrigin, { reason: 'private-host' });
    expect(refusal).toEqual({ reason: 'private-host', host: `127.0.0.1:${server.port}`, page: pageOrigin });
    const loopback = server.requests.filter((r) => r.path === '/private.png');
    // Only the page's own load: none without a referrer (the background's fetch).
    expect(loopback.filter((r) => r.referer === null)).toEqual([]);
    expect(loopback.length).toBeGreaterThanOrEqual(1);
    const tabId = await tabIdOf(`${pageOrigin}/private.html`);
    expect(await offeredAndStored(tabId)).toEqual({ offered: [], badge: '', issuers: [] });
    await page.close();
  });

  it('afterwards the extension keeps working: a normal page’s code lights the badge, the popup offers it and adds it', async () => {
    const url = `${server.origin(HOSTS.shop)}/enroll.html`;
    const page = await openSitePage(ext, url);
    const tabId = await tabIdOf(url);
    const deadline = Date.now() + 30_000;
    let badge = await badgeOf(tabId);
    while (badge !== '1' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      badge = await badgeOf(tabId);
    }
    expect(badge).toBe('1');
    const popup = await ext.open(`popup.html?tab=${tabId}`);
    await waitFor(popup, () => document.querySelector('[data-testid="scan-banner"]') !== null, { what: 'banner' });
    await popup.click('[data-testid="scan-banner"]');
    await waitForScanResult(popup);
    expect((await listedAccounts(popup)).map((a) => a.issuer)).toEqual([AFTERWARDS.issuer]);
    await addListed(popup, AFTERWARDS.issuer);
    await popup.close();
    expect((await offeredAndStored(tabId)).issuers).toEqual([AFTERWARDS.issuer]);
    await page.close();
  });
});

/*
 * Chromium, "Scan this page" on the same pages (a click: a screenshot may be
 * taken): the capped images are refused the same way and their areas read from the
 * screenshot instead — the user is offered exactly the code the page shows.
 */
if (BROWSERS.includes('chromium')) describe('“Scan this page” caps hostile images (Chromium)', () => {
  const kind = 'chromium';
  let ext: ExtensionBrowser;
  let server: HostileImageServer;

  beforeAll(async () => {
    server = await startHostileImageServer();
    ext = await launchWithExtension(kind, { localHosts: Object.values(HOSTS) });
    await createVault(ext, PASSWORD);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /** Opens `url`, clicks the toolbar button (activeTab) and "Scan this page"; resolves when the popup shows the result. */
  async function scanWithPopup(url: string): Promise<{ page: Page; popup: Page }> {
    const page = await openSitePage(ext, url);
    const popup = await chromiumOpenToolbarPopup(ext, page);
    await popup.click('[data-testid="scan-page"]');
    await waitForScanResult(popup);
    return { page, popup };
  }

  const refusalsIn = (popup: Page) =>
    popup.evaluate(async (key: string) => {
      type Storage = { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } };
      const scope = globalThis as unknown as { browser?: Storage; chrome: Storage };
      return ((await (scope.browser ?? scope.chrome).storage.session.get(key))[key] ?? []) as Record<string, unknown>[];
    }, 'test-scan-refusals');

  it.each([
    ['the 30000×30000 PNG: fetched once, refused from its header; its area is read from the screenshot', '/huge.html', '/huge.png', 1, CLOAKED.issuer],
    ['the loopback image: never requested; its area is read from the screenshot', '/private.html', '/private.png', 0, INTRANET.issuer],
  ] as const)('%s', async (_what, path, image, backgroundFetches, shown) => {
    const pageOrigin = server.origin(HOSTS.page);
    const { page, popup } = await scanWithPopup(`${pageOrigin}${path}`);
    const refusal = image === '/huge.png'
      ? { reason: 'too-large', host: `${HOSTS.images}:${server.port}`, width: HUGE.width, height: HUGE.height, page: pageOrigin }
      : { reason: 'private-host', host: `127.0.0.1:${server.port}`, page: pageOrigin };
    expect(await refusalsIn(popup)).toContainEqual(refusal);
    expect(server.requests.filter((r) => r.path === image && r.referer === null)).toHaveLength(backgroundFetches);
    expect((await listedAccounts(popup)).map((a) => a.issuer)).toEqual([shown]);
    await popup.close();
    await page.close();
  });
});
