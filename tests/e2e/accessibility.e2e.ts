import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { BROWSERS } from '../../tools/browser/config';
import { reloadExtensionPage as reload } from '../../tools/browser/pages';
import { axeViolations, type AxeViolation } from './harness/axe';
import { useCloudAndBrowser } from './harness/suite';
import { clickButton, fill, waitFor } from './harness/ui';
import { sendFromPage as send } from './harness/messages';

/*
 * axe-core on every popup state and every options section, in English and Japanese,
 * in both browsers: zero violations. Each state is reached as a user reaches it, then
 * checked as it is on screen.
 */

const PASSWORD = 'accessible password 1';
const LINKS = [
  'otpauth://totp/GitHub:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
  'otpauth://hotp/Bank:bob?secret=KRUGS4ZANFZSAYJAORSXG5BAONSWG4TFOQ&issuer=Bank&counter=5',
  'otpauth://totp/%E9%8A%80%E8%A1%8C:%E8%8A%B1%E5%AD%90?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=%E9%8A%80%E8%A1%8C',
];

const LANGUAGES = ['en', 'ja'] as const;
const cases = BROWSERS.flatMap((kind) => LANGUAGES.map((lang) => [kind, lang] as const));

describe.each(cases)('axe-core in %s (%s)', (kind, lang) => {
  const suite = useCloudAndBrowser(kind, { lang });
  /** Every state checked, with what axe found there. */
  const found: Record<string, AxeViolation[]> = {};

  /** Waits until `ready` (evaluated in the page: no outside names) holds, then runs axe. */
  async function check(page: Page, state: string, ready: () => boolean) {
    await waitFor(page, ready, { what: state });
    found[state] = await axeViolations(page);
  }

  it('first run: popup, options and "Begin recovery"', async () => {
    const popup = await suite.ext.open('popup.html');
    await check(popup, 'popup: first run', () => !!document.querySelector('input[name="new-password"]'));
    await fill(popup, 'new-password', 'short');
    await popup.keyboard.press('Enter');
    await check(popup, 'popup: first run, password refused', () => !!document.querySelector('[role="alert"]'));
    await popup.close();
    const options = await suite.ext.open('options.html');
    await check(options, 'options: first run', () => !!document.querySelector('input[name="new-password"]'));
    await options.evaluate(() => (location.hash = 'recovery'));
    await check(options, 'options: begin recovery (first run)', () => !!document.querySelector('[data-testid="recovery"]'));
    await send(options, 'vault.create', { password: PASSWORD });
    await options.close();
  });

  it('popup: empty, with codes, searching, copied, locked', async () => {
    const popup = await suite.ext.open('popup.html');
    await check(popup, 'popup: no accounts yet', () => !!document.querySelector('.empty-state'));
    for (const uri of LINKS) expect((await send(popup, 'accounts.add', { uri })).ok).toBe(true);
    await reload(popup);
    await check(popup, 'popup: codes', () => document.querySelectorAll('li.code-row').length === 3);
    await popup.click('[data-testid="code-button"]');
    await check(popup, 'popup: copied', () => !!document.querySelector('[data-testid="copied"]'));
    await popup.type('input[type="search"]', 'no such account');
    await check(popup, 'popup: search without results', () => !!document.querySelector('.no-results'));
    await popup.click('[data-testid="lock"]');
    await check(popup, 'popup: locked', () => !!document.querySelector('input[name="password"]'));
    await fill(popup, 'password', 'wrong password');
    await popup.keyboard.press('Enter');
    await check(popup, 'popup: wrong password', () => !!document.querySelector('[role="alert"]'));
    await fill(popup, 'password', PASSWORD);
    await popup.keyboard.press('Enter');
    await waitFor(popup, () => document.querySelectorAll('li.code-row').length > 0, { what: 'unlocked' });
    await popup.close();
  });

  it('options: every section', async () => {
    const options = await suite.ext.open('options.html#accounts');
    await check(options, 'options: accounts', () => document.querySelectorAll('[data-testid="account-item"]').length === 3);
    await options.click('[data-testid="account-item"] .row-actions button:nth-child(3)');
    await check(options, 'options: accounts, editing', () => !!document.querySelector('.editor'));
    await reload(options);
    await waitFor(options, () => !document.querySelector('.editor') && !!document.querySelector('[data-testid="account-item"] button.danger'), { what: 'reloaded' });
    await options.click('[data-testid="account-item"] button.danger');
    await check(options, 'options: accounts, confirm delete', () => !!document.querySelector('[role="alertdialog"]'));

    for (const section of ['add', 'scan', 'security', 'backup', 'transfer'] as const) {
      await options.evaluate((s) => (location.hash = s), section);
      await check(options, `options: ${section}`, () => !!document.querySelector('main section h2'));
    }
    await options.evaluate(() => (location.hash = 'add'));
    await waitFor(options, () => !!document.querySelector('[data-testid="manual-form"]'), { what: 'add form' });
    await fill(options, 'secret', '0000');
    await clickButton(options, await options.$eval('[data-testid="manual-form"] button.primary', (b) => b.textContent ?? ''), {
      within: (await options.$('[data-testid="manual-form"]'))!,
    });
    await check(options, 'options: add, errors shown', () => !!document.querySelector('[data-testid="field-error"]'));
    // Locked elsewhere: the open page follows the live event; then the same screen as a fresh load.
    await send(options, 'vault.lock', {});
    await check(options, 'options: locked (live)', () => !!document.querySelector('main h1') && !!document.querySelector('input[name="password"]'));
    await reload(options);
    await check(options, 'options: locked', () => !!document.querySelector('main h1') && !!document.querySelector('input[name="password"]'));
    await options.close();
  });

  it('has no violations in any state', () => {
    const violations = Object.entries(found).filter(([, list]) => list.length > 0);
    expect(Object.keys(found).length).toBeGreaterThanOrEqual(21);
    expect(Object.fromEntries(violations)).toEqual({});
  });
});
