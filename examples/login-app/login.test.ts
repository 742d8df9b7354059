import * as OTPAuth from 'otpauth';
import puppeteer, { type Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
// #region import
import { HikaeKitError, launch, type HikaeExtension } from 'hikae-authenticator/testing';
// #endregion import
import { startLoginApp, type LoginApp } from './app.js';

/*
 * A login-with-2FA test for the example app (./app.ts), written only with the
 * testing kit's public API, as a web developer testing their own app would.
 * Every code sample in docs/testing-with-puppeteer.md is a #region of this file.
 *
 * Where things are: the browsers' binaries (CHROME_PATH, FIREFOX_PATH) and the
 * unpacked extension built for each (HIKAE_CHROMIUM, HIKAE_FIREFOX: a test build
 * from `npm run build:test`, or a released zip unpacked — time control then is
 * refused). E2E_BROWSERS=chromium,firefox picks the browsers.
 */

// #region config
const BROWSERS = {
  chromium: {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    extensionPath: process.env.HIKAE_CHROMIUM ?? 'hikae/chrome-mv3-test',
  },
  firefox: {
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    extensionPath: process.env.HIKAE_FIREFOX ?? 'hikae/firefox-mv3-test',
  },
} as const;
// #endregion config
const chosen = (process.env.E2E_BROWSERS ?? 'chromium,firefox').split(',') as (keyof typeof BROWSERS)[];

/** What a person types to get to the code field: the app's sign-in form. */
async function signIn(page: Page, app: LoginApp): Promise<void> {
  await page.goto(app.url);
  await page.type('input[name=user]', 'alice');
  await page.type('input[name=password]', 'wonderland');
  await Promise.all([page.waitForNavigation(), page.click('button')]);
}

/** Submits the code form; resolves to the page's heading. */
async function submitCode(page: Page): Promise<string> {
  await Promise.all([page.waitForNavigation(), page.click('button')]);
  return page.$eval('h1', (h) => h.textContent ?? '');
}

describe.each(chosen)('signing in to the example app with 2FA (%s)', (browser) => {
  let app: LoginApp;
  let hikae: HikaeExtension;
  let page: Page;

  // #region launch
  beforeAll(async () => {
    app = await startLoginApp();
    hikae = await launch({ browser, ...BROWSERS[browser], puppeteer });
  });
  afterAll(async () => {
    await hikae?.close();
    await app?.close();
  });
  // #endregion launch

  // #region provision
  beforeEach(async () => {
    await hikae.reset();
    page = await hikae.browser.newPage();
    // The app shows the otpauth:// link when 2FA is turned on (beside its QR code).
    await page.goto(`${app.url}/enroll`);
    const link = await page.$eval('[data-testid=otpauth]', (el) => el.textContent ?? '');
    // A new vault with a password the test chooses; the account fills on localhost.
    await hikae.provision({ password: 'correct horse battery staple', links: [{ uri: link, sites: ['localhost'] }] });
  });
  // #endregion provision

  // #region code
  it('signs in with a code read from the extension', async () => {
    await signIn(page, app);
    // Never a code about to expire: at least 10 s left, or the next one is waited for.
    const { code } = await hikae.waitForFreshCode('Example App', { minSecondsLeft: 10 });
    await page.type('input[name=code]', code);
    expect(await submitCode(page)).toBe('Welcome, alice');
  });
  // #endregion code

  // #region fill
  it('signs in with the code the extension fills', async () => {
    await signIn(page, app);
    // The toolbar button and the popup's Fill, as a person would: the extension
    // matches the page's site (localhost) to the account and writes the digits.
    const filled = await hikae.fill(page);
    expect(filled.account.issuer).toBe('Example App');
    expect(await page.$eval('input[name=code]', (el) => el.value)).toMatch(/^\d{6}$/);
    expect(await submitCode(page)).toBe('Welcome, alice');
  });
  // #endregion fill

  // #region clock
  it('refuses a code from two minutes ago (test builds: time control)', async () => {
    // The extension's clock, not the app's: its codes are now for two minutes ago.
    await hikae.setClock(Date.now() - 120_000);
    await signIn(page, app);
    const { code } = await hikae.code('Example App');
    await page.type('input[name=code]', code);
    expect(await submitCode(page)).toBe('Two-step verification');
    expect(await page.$eval('[role=alert]', (el) => el.textContent)).toBe('Wrong code.');
    await hikae.resetClock();
  });
  // #endregion clock

  // #region hotp
  it('HOTP: reads codes and moves the counter', async () => {
    const secret = new OTPAuth.Secret({ size: 20 });
    const token = new OTPAuth.HOTP({ issuer: 'Bank', label: 'alice', secret, counter: 0 });
    await hikae.provision({ password: 'correct horse battery staple', links: [token.toString()] });
    expect((await hikae.code('Bank')).code).toBe(token.generate({ counter: 0 }));
    expect((await hikae.nextHotp('Bank')).code).toBe(token.generate({ counter: 1 }));
    expect((await hikae.setHotpCounter('Bank', 5)).code).toBe(token.generate({ counter: 5 }));
  });
  // #endregion hotp

  // #region errors
  it('names what is wrong and leaves the vault as it was', async () => {
    const error = await hikae.provision({ password: 'correct horse battery staple', links: ['otpauth://totp/Bad?secret=NOT*BASE32'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HikaeKitError);
    expect((error as HikaeKitError).code).toBe('invalid-account');
    expect((await hikae.accounts()).map((a) => a.issuer)).toEqual(['Example App']);
  });
  // #endregion errors
});
