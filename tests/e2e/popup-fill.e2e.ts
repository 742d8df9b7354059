import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from '../../tools/browser/config';
import { launchWithExtension, type ExtensionBrowser } from '../../tools/browser/launch';
import { axeViolations } from './harness/axe';
import { referenceHotp, referenceTotp } from './harness/reference-otp';
import { waitFor, waitForText } from './harness/ui';
import { closeControl, grantAndOpenControl, sendFromPage, valueOf } from './pages/fill-driver';
import { createVault, openSitePage } from './pages/scan-driver';
import { HOSTS, SIGN_IN_HOTP_SECRET, SIGN_IN_SECRET, startSignInServer, type SignInServer } from './pages/sign-in-server';
import { addAccountByLink } from './pages/site-driver';

/*
 * The popup on a sign-in page (docs/autofill.md "What each trigger does"), in each
 * browser, on the local https sign-in site's `.test` hosts (the server checks
 * every code itself): the site's accounts first, each with Fill; accounts without
 * a site are bound only after the explicit "Fill on … and remember it for this
 * account", with a warning when the issuer does not look like the site; a
 * lookalike or a punycode twin gets nothing and the popup says why; a plain http
 * page gets nothing and the popup says it is not secure; an HOTP account's counter
 * moves on once per code filled, never for a fill that did not happen. The popup
 * is opened through the toolbar button, which is what grants activeTab.
 */

const PASSWORD = 'popup fill passphrase 42';
const GITHUB = { issuer: 'GitHub', link: `otpauth://totp/GitHub:alice?secret=${SIGN_IN_SECRET}&issuer=GitHub` };
const BANK = { issuer: 'Bank', link: 'otpauth://totp/Bank:bob?secret=KRSXG5CTMVRXEZLU&issuer=Bank' };
const VPN = { issuer: 'VPN', link: `otpauth://hotp/VPN:alice?secret=${SIGN_IN_HOTP_SECRET}&issuer=VPN&counter=0` };

type Answer = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string } & Record<string, unknown> };

describe.each(BROWSERS)('popup fill in %s', (kind) => {
  let ext: ExtensionBrowser;
  let server: SignInServer;
  const opened: Page[] = [];

  beforeAll(async () => {
    server = await startSignInServer();
    ext = await launchWithExtension(kind, { localHosts: Object.values(HOSTS) });
    await createVault(ext, PASSWORD);
    for (const account of [BANK, GITHUB, VPN]) await addAccountByLink(ext, account.link, account.issuer);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /** Opens `url` (closing the previous site page) and the popup for it through the toolbar button (activeTab). */
  async function popupOn(url: string): Promise<{ page: Page; popup: Page; tabId: number }> {
    for (const old of opened.splice(0)) await old.close().catch(() => undefined);
    const page = await openSitePage(ext, url);
    opened.push(page);
    const { control, tabId } = await grantAndOpenControl(ext, page);
    await waitFor(control, () => document.querySelector('[data-testid="site-fill"], [data-testid="site-fill-none"]') !== null, { what: 'site section' });
    return { page, popup: control, tabId };
  }

  /** Clicks "Fill on …" of the account without a site shown as `issuer`. */
  const offerBinding = (popup: Page, issuer: string) =>
    popup.evaluate((name) => {
      const row = [...document.querySelectorAll('[data-testid="unbound-account"]')].find((r) => r.querySelector('.issuer')?.textContent === name);
      row?.querySelector<HTMLButtonElement>('[data-testid="bind-offer"]')?.click();
    }, issuer);

  /** Waits for "Code filled on <host>" (or, with under 5 s left on the code, "Waited for a fresh code, then filled it on <host>"). */
  const waitForFilled = (popup: Page, host: string) =>
    waitFor(
      popup,
      new Function(`return /^(Code filled|Waited for a fresh code, then filled it) on ${host.replace(/\./g, '\\.')}$/.test(document.querySelector('[data-testid="fill-status"]')?.textContent ?? '')`) as () => boolean,
      { what: `filled on ${host}`, timeout: 20_000 },
    );

  /** Submits the code form and returns what the server said. */
  async function submit(page: Page): Promise<string> {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('button[type="submit"]')]);
    return page.$eval('#result', (el) => el.textContent ?? '');
  }

  const unboundIssuers = (popup: Page) => popup.$$eval('[data-testid="unbound-account"] .issuer', (els) => els.map((e) => e.textContent));
  const isCurrentTotp = (code: string) => [-1, 0, 1].some((step) => referenceTotp(SIGN_IN_SECRET, Date.now() + step * 30_000) === code);

  it('no account for the site: says why; binding asks first, warns for an unlike issuer, then fills and the server accepts the code', async () => {
    const { page, popup } = await popupOn(server.url(HOSTS.site, '/login'));
    await waitForText(popup, `No account for ${HOSTS.site}.`);
    expect(await popup.$$('[data-testid="fill"]')).toHaveLength(0);

    // An issuer that does not look like the site: the explicit choice carries a warning.
    await offerBinding(popup, BANK.issuer);
    await waitForText(popup, `Careful: Bank does not look like ${HOSTS.site}.`);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')?.click());
    expect(await valueOf(page, '#otp')).toBe('');

    // An issuer like the site: no warning; the choice binds and fills.
    await offerBinding(popup, GITHUB.issuer);
    await waitFor(popup, () => document.querySelector('[data-testid="bind-confirm"]') !== null, { what: 'bind choice' });
    expect(await popup.$('[data-testid="bind-warning"]')).toBeNull();
    expect(await popup.$eval('[data-testid="bind-confirm"]', (e) => e.textContent)).toBe(`Fill on ${HOSTS.site} and remember it for this account`);
    await popup.click('[data-testid="bind-confirm"]');
    await waitForFilled(popup, HOSTS.site);
    await closeControl(ext, popup);
    const code = await valueOf(page, '#otp');
    expect(isCurrentTotp(code)).toBe(true);
    expect(await submit(page)).toBe('Signed in as alice');
    expect(server.attempts.at(-1)).toEqual({ host: HOSTS.site, code, accepted: true });
  });

  it("lists the site's accounts first; Enter on the first Fill fills, and the server accepts the code", async () => {
    const { page, popup } = await popupOn(server.url(HOSTS.site, '/login'));
    await waitFor(popup, () => document.querySelectorAll('[data-testid="site-account"]').length === 1, { what: 'site accounts' });
    await waitForText(popup, `On ${HOSTS.site}`);
    expect(await popup.$eval('[data-testid="site-account"] .issuer', (e) => e.textContent)).toBe(GITHUB.issuer);
    await waitFor(popup, () => document.activeElement?.getAttribute('data-testid') === 'fill', { what: 'Fill focused' });
    // The site's account shows its current code (it came with the first screen's snapshot).
    expect(isCurrentTotp(await popup.$eval('[data-testid="site-account"] [data-testid="code"]', (e) => e.getAttribute('data-code') ?? ''))).toBe(true);
    // First in the keyboard's order too: the site's Fill comes before the search box and the list.
    expect(await popup.evaluate(() => Boolean(document.querySelector('[data-testid="fill"]')!.compareDocumentPosition(document.querySelector('input[type="search"]')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.keyboard.press('Enter');
    await waitForFilled(popup, HOSTS.site);
    // Bank and VPN have no site: still only offered behind the explicit choice, a closed list here.
    expect(await popup.$eval('[data-testid="site-fill-unbound"]', (e) => (e as HTMLDetailsElement).open)).toBe(false);
    await popup.click('[data-testid="site-fill-unbound"] summary');
    await waitFor(popup, () => document.querySelectorAll('[data-testid="unbound-account"]').length > 0, { what: 'accounts without a site' });
    expect(await unboundIssuers(popup)).toEqual([BANK.issuer, VPN.issuer]);
    await closeControl(ext, popup);
    const code = await valueOf(page, '#otp');
    expect(isCurrentTotp(code)).toBe(true);
    expect(await submit(page)).toBe('Signed in as alice');
  });

  it.each([
    { name: 'a lookalike host', host: HOSTS.lookalike, site: 'evil.test' },
    { name: 'a punycode twin', host: HOSTS.twin, site: HOSTS.twin },
  ])("$name ($host): the popup says why, offers nothing to fill, and GitHub's account is not offered for binding", async ({ host, site }) => {
    const before = server.attempts.length;
    const { page, popup, tabId } = await popupOn(server.url(host, '/login'));
    await waitForText(popup, `On ${site}`);
    expect(await popup.$eval('[data-testid="site-fill-none"]', (e) => e.textContent)).toBe(`No account for ${site} — GitHub's is ${HOSTS.site}.`);
    expect(await popup.$$('[data-testid="fill"]')).toHaveLength(0);
    // An account that has a site is never offered on another one: that is the phishing case.
    expect(await unboundIssuers(popup)).not.toContain(GITHUB.issuer);
    expect(await axeViolations(popup)).toEqual([]);
    // What a Fill would ask, naming GitHub's account outright: refused the same way.
    const githubId = await accountIdOf(popup, GITHUB.issuer);
    const answer = (await sendFromPage(popup, { type: 'fill.account', payload: { tabId, accountId: githubId } })) as Answer;
    expect(answer).toMatchObject({ ok: false, error: { code: 'fill-no-account', site } });
    await closeControl(ext, popup);
    expect(await valueOf(page, '#otp')).toBe('');
    expect(server.attempts.length).toBe(before);
  });

  it('a plain http page of the right site: nothing fills, and the popup says the page is not secure', async () => {
    const before = server.attempts.length;
    const { page, popup, tabId } = await popupOn(server.httpUrl(HOSTS.site, '/login'));
    await waitFor(popup, () => document.querySelector('[data-testid="site-fill-none"]') !== null, { what: 'why nothing fills' });
    expect(await popup.$eval('[data-testid="site-fill-none"]', (e) => e.textContent)).toBe(`${HOSTS.site} is not a secure (https) page: codes are never filled there.`);
    expect(await popup.$$('[data-testid="fill"], [data-testid="bind-offer"]')).toHaveLength(0);
    expect(await axeViolations(popup)).toEqual([]);
    const githubId = await accountIdOf(popup, GITHUB.issuer);
    const answer = (await sendFromPage(popup, { type: 'fill.account', payload: { tabId, accountId: githubId } })) as Answer;
    expect(answer).toMatchObject({ ok: false, error: { code: 'fill-page-refused', problem: 'insecure' } });
    await closeControl(ext, popup);
    expect(await valueOf(page, '#otp')).toBe('');
    expect(server.attempts.length).toBe(before);
  });

  it('HOTP: each fill advances the counter once and the server accepts each code; a fill that finds no field leaves it', async () => {
    // First use: bound on the explicit choice (VPN looks like vpn.test: no warning), then filled with counter 0.
    let { page, popup } = await popupOn(server.url(HOSTS.vpn, '/hotp'));
    await offerBinding(popup, VPN.issuer);
    await waitFor(popup, () => document.querySelector('[data-testid="bind-confirm"]') !== null, { what: 'bind choice' });
    expect(await popup.$('[data-testid="bind-warning"]')).toBeNull();
    await popup.click('[data-testid="bind-confirm"]');
    await waitForFilled(popup, HOSTS.vpn);
    await closeControl(ext, popup);
    expect(await valueOf(page, '#otp')).toBe(referenceHotp(SIGN_IN_HOTP_SECRET, 0));
    expect(await submit(page)).toBe('Signed in as alice');
    expect(server.attempts.at(-1)).toMatchObject({ host: HOSTS.vpn, accepted: true, counter: 0 });

    // A page with no code field: nothing is written, so the counter stays.
    const welcome = await popupOn(server.url(HOSTS.vpn, '/welcome'));
    ({ popup } = welcome);
    const tabId = welcome.tabId;
    const vpnId = await accountIdOf(popup, VPN.issuer);
    const missed = (await sendFromPage(popup, { type: 'fill.account', payload: { tabId, accountId: vpnId } })) as Answer;
    expect(missed).toMatchObject({ ok: false, error: { code: 'fill-no-field' } });
    expect(await counterOf(popup, VPN.issuer)).toBe(1);
    await closeControl(ext, popup);

    // Listed now; the next fill is the next counter's code, exactly (not one skipped), and the server takes it.
    ({ page, popup } = await popupOn(server.url(HOSTS.vpn, '/hotp')));
    await waitFor(popup, () => document.activeElement?.getAttribute('data-testid') === 'fill', { what: 'Fill focused' });
    await popup.keyboard.press('Enter');
    await waitForFilled(popup, HOSTS.vpn);
    expect(await counterOf(popup, VPN.issuer)).toBe(2);
    await closeControl(ext, popup);
    expect(await valueOf(page, '#otp')).toBe(referenceHotp(SIGN_IN_HOTP_SECRET, 1));
    expect(await submit(page)).toBe('Signed in as alice');
    expect(server.attempts.at(-1)).toMatchObject({ host: HOSTS.vpn, accepted: true, counter: 1 });
  });
});

interface SnapshotAccount {
  id: string;
  issuer: string;
  counter: number;
}

/** The vault's accounts as the extension's own pages see them (never secrets). */
async function snapshot(page: Page): Promise<SnapshotAccount[]> {
  const answer = (await sendFromPage(page, { type: 'vault.snapshot', payload: {} })) as { ok: boolean; value: { accounts: SnapshotAccount[] } };
  if (!answer.ok) throw new Error('vault.snapshot failed');
  return answer.value.accounts;
}

async function accountIdOf(page: Page, issuer: string): Promise<string> {
  const account = (await snapshot(page)).find((a) => a.issuer === issuer);
  if (!account) throw new Error(`No account ${issuer}`);
  return account.id;
}

async function counterOf(page: Page, issuer: string): Promise<number> {
  const account = (await snapshot(page)).find((a) => a.issuer === issuer);
  if (!account) throw new Error(`No account ${issuer}`);
  return account.counter;
}
