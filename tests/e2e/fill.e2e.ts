import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from '../../tools/browser/config';
import { launchWithExtension, type ExtensionBrowser } from '../../tools/browser/launch';
import { referenceTotp } from './harness/reference-otp';
import { waitFor } from './harness/ui';
import { closeControl, fillWithGesture, grantAndOpenControl, openControlWithoutGesture, seenBy, sendFromPage, valueOf, waitForValue } from './pages/fill-driver';
import { createVault, openSitePage } from './pages/scan-driver';
import { HOSTS, SIGN_IN_SECRET, startSignInServer, type SignInServer } from './pages/sign-in-server';

/*
 * Filling one-time codes (docs/autofill.md) in the built extension, in each
 * browser, against a local https sign-in site on `.test` hosts that checks the
 * code itself: the right site fills and signs in (single field, split boxes, a
 * React-controlled field, a same-site frame), by the shortcut, the context menu and
 * the popup's request; a lookalike, a punycode twin, a cross-site frame and a page
 * without a gesture get nothing; and the page sees nothing but the code.
 */

const PASSWORD = 'correct horse battery staple';

type Answer = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string } & Record<string, unknown> };

describe.each(BROWSERS)('filling codes in %s', (kind) => {
  let ext: ExtensionBrowser;
  let server: SignInServer;
  let accountId: string;
  const opened: Page[] = [];

  beforeAll(async () => {
    server = await startSignInServer();
    ext = await launchWithExtension(kind, { localHosts: Object.values(HOSTS) });
    await createVault(ext, PASSWORD);
    const popup = await ext.open('popup.html');
    const added = (await sendFromPage(popup, {
      type: 'accounts.add',
      payload: { draft: { issuer: 'GitHub', accountName: 'alice', secret: SIGN_IN_SECRET, sites: [HOSTS.site] } },
    })) as Answer;
    if (!added.ok) throw new Error(added.error.message);
    accountId = added.value.id as string;
    await popup.close();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function open(host: string, pathname: string): Promise<Page> {
    for (const page of opened.splice(0)) await page.close().catch(() => undefined);
    const page = await openSitePage(ext, server.url(host, pathname));
    opened.push(page);
    return page;
  }

  /** Submits the code form and returns what the server said. */
  async function submit(page: Page): Promise<string> {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('button[type="submit"]')]);
    return page.$eval('#result', (el) => el.textContent ?? '');
  }

  /** Asks the background to fill from an extension page, after a real toolbar click on `page`. */
  async function requestFill(page: Page, payload: Record<string, unknown> = {}): Promise<Answer> {
    const { control, tabId } = await grantAndOpenControl(ext, page);
    try {
      return (await sendFromPage(control, { type: 'fill.account', payload: { tabId, ...payload } })) as Answer;
    } finally {
      await closeControl(ext, control);
    }
  }

  const isCurrentCode = (code: string) => [-1, 0, 1].some((step) => referenceTotp(SIGN_IN_SECRET, Date.now() + step * 30_000) === code);

  it('the shortcut fills the right site, the server accepts the code, and the page saw nothing else', async () => {
    const page = await open(HOSTS.site, '/login');
    await fillWithGesture(ext, page, 'shortcut');
    const code = await waitForValue(page, '#otp', 6);
    expect(isCurrentCode(code)).toBe(true);
    expect(await seenBy(page)).toEqual({ mutations: 0, messages: 0 });
    expect(await submit(page)).toBe('Signed in as alice');
    expect(server.attempts.at(-1)).toEqual({ host: HOSTS.site, code, accepted: true });
  });

  it('in a code’s last 5 seconds the shortcut fills the next code, and the server accepts it', async () => {
    const page = await open(HOSTS.site, '/login');
    // 26 s into the period: the fill waits ~4 s for the next code, in the page — longer than the
    // tests' 2 s Firefox idle timeout, after which the event page is suspended (docs/autofill.md step 4).
    await new Promise((resolve) => setTimeout(resolve, (26_000 - (Date.now() % 30_000) + 30_000) % 30_000));
    const nextPeriodAt = (Math.floor(Date.now() / 30_000) + 1) * 30_000;
    await fillWithGesture(ext, page, 'shortcut');
    const code = await waitForValue(page, '#otp', 6);
    expect(code).toBe(referenceTotp(SIGN_IN_SECRET, nextPeriodAt));
    expect(await submit(page)).toBe('Signed in as alice');
  });

  it('the context menu fills a split 6-box field, one digit per box, and the server accepts it', async () => {
    const page = await open(HOSTS.site, '/split');
    await fillWithGesture(ext, page, 'menu', 0);
    const digits = await page.$$eval('.boxes input', (boxes) => boxes.map((b) => b.value));
    expect(digits.every((d) => /^\d$/.test(d))).toBe(true);
    expect(await seenBy(page)).toEqual({ mutations: 0, messages: 0 });
    expect(await submit(page)).toBe('Signed in as alice');
    expect(server.attempts.at(-1)).toMatchObject({ host: HOSTS.site, code: digits.join(''), accepted: true });
  });

  it('the popup’s Fill request fills a React-controlled field: React’s state holds the code, and the server accepts it', async () => {
    const page = await open(HOSTS.site, '/react');
    const answer = await requestFill(page, { accountId });
    expect(answer).toMatchObject({ ok: true, value: { accountId, site: HOSTS.site, boxes: 1 } });
    const code = await waitForValue(page, '#react-code', 6);
    expect(await page.$eval('#react-state', (el) => el.textContent)).toBe(code);
    expect(await submit(page)).toBe('Signed in as alice');
  });

  it('a same-site frame fills', async () => {
    const page = await open(HOSTS.site, '/same-frame');
    const frame = await waitForFrame(page, '/otp-frame');
    await fillWithGesture(ext, page, 'shortcut');
    await waitFor(page, () => ((document.getElementById('frame') as HTMLIFrameElement).contentDocument?.querySelector('input')?.value.length ?? 0) === 6, { what: 'frame filled' });
    expect(isCurrentCode(await valueOf(frame, '#otp'))).toBe(true);
    expect(await seenBy(frame)).toEqual({ mutations: 0, messages: 0 });
  });

  it('a cross-site frame on the right top page gets nothing, and the answer says so', async () => {
    const page = await open(HOSTS.site, '/cross-frame');
    const frame = await waitForFrame(page, '/otp-frame');
    const before = server.attempts.length;
    const answer = await requestFill(page);
    expect(answer.ok).toBe(false);
    // activeTab reaches only the top page's origin: the evil.test frame gets no script at all, so no field is found.
    expect(['fill-no-field', 'fill-frame-off-site']).toContain(!answer.ok && answer.error.code);
    await fillWithGesture(ext, page, 'shortcut');
    expect(await valueOf(frame, '#otp')).toBe('');
    expect(await seenBy(frame)).toEqual({ mutations: 0, messages: 0 });
    expect(server.attempts.length).toBe(before);
  });

  it.each([
    { name: 'a lookalike host', host: HOSTS.lookalike, site: 'evil.test' },
    { name: 'a punycode twin', host: HOSTS.twin, site: HOSTS.twin },
  ])('$name ($host) gets nothing, and the answer says which site the account is for', async ({ host, site }) => {
    const page = await open(host, '/login');
    const answer = await requestFill(page);
    expect(answer).toMatchObject({ ok: false, error: { code: 'fill-no-account', site, hints: [{ issuer: 'GitHub', site: HOSTS.site }] } });
    expect(!answer.ok && answer.error.message).toBe(`No account for ${site} — GitHub's is ${HOSTS.site}.`);
    // Naming the account outright changes nothing.
    expect(await requestFill(page, { accountId })).toMatchObject({ ok: false, error: { code: 'fill-no-account' } });
    await fillWithGesture(ext, page, 'shortcut');
    await fillWithGesture(ext, page, 'menu', 0);
    expect(await valueOf(page, '#otp')).toBe('');
    expect(await seenBy(page)).toEqual({ mutations: 0, messages: 0 });
  });

  it('without a gesture nothing is filled: the browser does not even let the fill script in', async () => {
    const page = await open(HOSTS.site, '/login');
    const { control, tabId } = await openControlWithoutGesture(ext, page);
    try {
      const answer = (await sendFromPage(control, { type: 'fill.account', payload: { tabId, accountId } })) as Answer;
      expect(answer).toMatchObject({ ok: false, error: { code: 'fill-page-refused', problem: 'not-scriptable' } });
    } finally {
      await closeControl(ext, control);
    }
    expect(await valueOf(page, '#otp')).toBe('');
    expect(await seenBy(page)).toEqual({ mutations: 0, messages: 0 });
  });
});

/** The frame of `page` whose URL ends with `pathname`, once it has loaded. */
async function waitForFrame(page: Page, pathname: string): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().endsWith(pathname));
    if (frame && (await frame.evaluate(() => document.body?.dataset.ready === '1').catch(() => false))) return frame;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No frame ${pathname}`);
}
