import { execFileSync } from 'node:child_process';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoginApp, type LoginApp } from '../../examples/login-app/app';
import { HikaeKitError, launch, type HikaeExtension } from '../../testing';
import { BROWSER_PATHS, BROWSERS, ROOT } from '../../tools/browser/config';
import { referenceTotp } from './harness/reference-otp';
import { builtTexts, testHookTracesIn } from './harness/test-hooks';

/*
 * The testing kit against the PRODUCTION build (`wxt build`, built here): it has
 * no test clock — no trace of it in the built files, and the request is refused
 * as unknown — while everything else the kit does works, through the same
 * protocol the extension's pages use: provisioning, codes, and `fill(page)` (the
 * real toolbar click, then the popup's Fill request), checked by the example
 * app's server.
 */

const PRODUCTION_DIRS = { chromium: path.join(ROOT, '.output/chrome-mv3'), firefox: path.join(ROOT, '.output/firefox-mv3') } as const;
const SECRET = 'JBSWY3DPEHPK3PXP';
const PASSWORD = 'correct horse battery staple';

describe.each(BROWSERS)('testing kit against the production build (%s)', (kind) => {
  let hikae: HikaeExtension;
  let app: LoginApp;

  beforeAll(async () => {
    app = await startLoginApp();
    execFileSync('npx', ['wxt', 'build', ...(kind === 'firefox' ? ['-b', 'firefox'] : [])], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
    hikae = await launch({ browser: kind, executablePath: BROWSER_PATHS[kind], extensionPath: PRODUCTION_DIRS[kind], puppeteer });
  });
  afterAll(async () => {
    // The browser first: the app's server closes once the browser's connections are gone.
    await hikae?.close();
    await app?.close();
  });

  it('contains no test hook in any built file: no test clock, no fill gesture stand-in, no tab named in the popup URL', () => {
    expect(builtTexts(PRODUCTION_DIRS[kind]).size).toBeGreaterThan(5);
    expect(testHookTracesIn(PRODUCTION_DIRS[kind])).toEqual([]);
  });

  it('refuses time control; provisioning and codes work', async () => {
    await hikae.provision({ password: PASSWORD, links: [`otpauth://totp/Example:qa@example.com?secret=${SECRET}&issuer=Example`] });
    const error = await hikae.setClock(Date.UTC(2030, 0, 1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HikaeKitError);
    expect((error as HikaeKitError).code).toBe('time-control-unavailable');
    const code = await hikae.code('Example');
    expect(code.code).toBe(referenceTotp(SECRET, code.validFromMs));
    // The real clock: the code is for now, not for 2030.
    expect(Math.abs(code.validFromMs - Date.now())).toBeLessThan(60_000);
  });

  it('fills through the toolbar click and the popup\'s Fill; the app\'s server accepts the code', async () => {
    const page = await hikae.browser.newPage();
    try {
      await page.goto(`${app.url}/enroll`);
      const link = await page.$eval('[data-testid=otpauth]', (el) => el.textContent ?? '');
      await hikae.provision({ password: PASSWORD, links: [{ uri: link, sites: ['localhost'] }] });
      await page.goto(app.url);
      await page.type('input[name=user]', 'alice');
      await page.type('input[name=password]', 'wonderland');
      await Promise.all([page.waitForNavigation(), page.click('button')]);
      const filled = await hikae.fill(page);
      expect(filled).toMatchObject({ account: { issuer: 'Example App' }, site: 'localhost', boxes: 1 });
      expect(await page.$eval('input[name=code]', (el) => el.value)).toMatch(/^\d{6}$/);
      await Promise.all([page.waitForNavigation(), page.click('button')]);
      expect(await page.$eval('h1', (h) => h.textContent)).toBe('Welcome, alice');
    } finally {
      await page.close();
    }
  });
});
