import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from '../../tools/browser/config';
import { launchWithExtension, type ExtensionBrowser } from '../../tools/browser/launch';
import { axeViolations } from './harness/axe';
import { waitFor, waitForText } from './harness/ui';
import {
  chromiumOpenToolbarPopup,
  createVault,
  firefoxClickToolbarButton,
  firefoxOpenInNewWindow,
  firefoxSelectedTabId,
  openSitePage,
} from './pages/scan-driver';
import { addAccountByLink } from './pages/site-driver';

/*
 * The popup on a sign-in page (docs/autofill.md "What each trigger does"), in each
 * browser: the site's accounts first, each with Fill; accounts without a site are
 * bound only after the explicit "Fill on … and remember it for this account", with a
 * warning when the issuer does not look like the site. The page is a local
 * loopback one (http on localhost is the development exception), opened through
 * the toolbar button, which is what grants activeTab.
 */

const PASSWORD = 'popup fill passphrase 42';
const LOCAL = { issuer: 'Localhost', link: 'otpauth://totp/Localhost:dev?secret=JBSWY3DPEHPK3PXP&issuer=Localhost' };
const BANK = { issuer: 'Bank', link: 'otpauth://totp/Bank:bob?secret=KRSXG5CTMVRXEZLU&issuer=Bank' };

const SIGN_IN = `<!doctype html><html lang="en"><head><title>Sign in</title></head><body>
<main><h1>Two-step verification</h1><form><label>Authentication code <input name="otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6"></label>
<button>Verify</button></form></main><script>document.body.dataset.ready = '1';</script></body></html>`;

describe.each(BROWSERS)('popup fill in %s', (kind) => {
  let ext: ExtensionBrowser;
  let server: http.Server;
  let site: string;

  beforeAll(async () => {
    server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(SIGN_IN));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    site = `http://localhost:${(server.address() as AddressInfo).port}`;
    ext = await launchWithExtension(kind);
    await createVault(ext, PASSWORD);
    await addAccountByLink(ext, BANK.link, BANK.issuer);
    await addAccountByLink(ext, LOCAL.link, LOCAL.issuer);
  });
  afterAll(async () => {
    await ext?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** Opens the sign-in page and the popup for it through the toolbar button (activeTab). */
  async function popupOnSignIn(): Promise<{ page: Page; popup: Page }> {
    const page = await openSitePage(ext, `${site}/login`);
    if (kind === 'chromium') return { page, popup: await chromiumOpenToolbarPopup(ext, page) };
    const tabId = await firefoxSelectedTabId(ext.browser);
    await firefoxClickToolbarButton(ext.browser);
    return { page, popup: await firefoxOpenInNewWindow(ext, `${ext.origin}popup.html?tab=${tabId}`) };
  }

  /** Clicks "Fill on localhost…" of the account without a site shown as `issuer`. */
  const offerBinding = (popup: Page, issuer: string) =>
    popup.evaluate((name) => {
      const row = [...document.querySelectorAll('[data-testid="unbound-account"]')].find((r) => r.querySelector('.issuer')?.textContent === name);
      row?.querySelector<HTMLButtonElement>('[data-testid="bind-offer"]')?.click();
    }, issuer);

  /** Waits for "Code filled on localhost" (or, with under 5 s left on the code, "Waited for a fresh code, then filled it on localhost"). */
  const waitForFilled = (popup: Page) =>
    waitFor(popup, () => /^(Code filled|Waited for a fresh code, then filled it) on localhost$/.test(document.querySelector('[data-testid="fill-status"]')?.textContent ?? ''), {
      what: 'filled on localhost',
      timeout: 20_000,
    });

  const fieldValue = (page: Page) => page.$eval('[name="otp"]', (e) => (e as HTMLInputElement).value);

  it('no account for the site: says why; binding asks first, warns for an unlike issuer, then fills', async () => {
    const { page, popup } = await popupOnSignIn();
    await waitFor(popup, () => document.querySelector('[data-testid="site-fill"]') !== null, { what: 'site section' });
    await waitForText(popup, 'No account for localhost.');
    expect(await popup.$$('[data-testid="fill"]')).toHaveLength(0);

    // An issuer that does not look like the site: the explicit choice carries a warning.
    await offerBinding(popup, BANK.issuer);
    await waitForText(popup, 'Careful: Bank does not look like localhost.');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')?.click());
    expect(await fieldValue(page)).toBe('');

    // An issuer like the site: no warning; the choice binds and fills.
    await offerBinding(popup, LOCAL.issuer);
    await waitFor(popup, () => document.querySelector('[data-testid="bind-confirm"]') !== null, { what: 'bind choice' });
    expect(await popup.$('[data-testid="bind-warning"]')).toBeNull();
    expect(await popup.$eval('[data-testid="bind-confirm"]', (e) => e.textContent)).toBe('Fill on localhost and remember it for this account');
    await popup.click('[data-testid="bind-confirm"]');
    await waitForFilled(popup);
    expect(await fieldValue(page)).toMatch(/^\d{6}$/);
    await popup.close().catch(() => undefined);
    await page.close();
  });

  it("lists the site's accounts first; Enter on the first Fill fills", async () => {
    const { page, popup } = await popupOnSignIn();
    await waitFor(popup, () => document.querySelectorAll('[data-testid="site-account"]').length === 1, { what: 'site accounts' });
    await waitForText(popup, 'On localhost');
    expect(await popup.$eval('[data-testid="site-account"] .issuer', (e) => e.textContent)).toBe(LOCAL.issuer);
    // Bank has no site: still only offered behind the explicit choice.
    expect(await popup.$$eval('[data-testid="unbound-account"] .issuer', (els) => els.map((e) => e.textContent))).toEqual([BANK.issuer]);
    await waitFor(popup, () => document.activeElement?.getAttribute('data-testid') === 'fill', { what: 'Fill focused' });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.keyboard.press('Enter');
    await waitForFilled(popup);
    expect(await fieldValue(page)).toMatch(/^\d{6}$/);
    await popup.close().catch(() => undefined);
    await page.close();
  });
});
