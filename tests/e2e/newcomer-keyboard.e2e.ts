import type { Page, Target } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_PAIRS } from '../../tools/browser/config';
import { launchWithExtension, type ExtensionBrowser } from '../../tools/browser/launch';
import { signInWithKeyboard, startTestCloud, TEST_USERS, type TestCloud } from './harness/cloud';
import { cloudAccounts, waitForBackupFile } from './harness/devices';
import { addAccountByKeyboard, createVaultByKeyboard } from './harness/keyboard-flows';
import { referenceTotp } from './harness/reference-otp';
import { tabTo, waitFor, waitForText } from './harness/ui';

/*
 * A newcomer who never touches the mouse (#14 "Prove it"): first run in one
 * browser → create the vault → add an account → turn on backup (signing in with
 * Enter on the Microsoft pages) → first run in the other browser → Begin recovery
 * → sign in → the backup password → restored, and the account's code shows. Only
 * Tab, Shift+Tab, Enter and typing; each options page is opened once and never
 * reloaded or navigated by the test (the hash moves only by the page's own links).
 */

const PASSWORD = 'keyboard newcomer passphrase 7';
const SECRET = 'JBSWY3DPEHPK3PXP';
const LINK = `otpauth://totp/GitHub:keyboard?secret=${SECRET}&issuer=GitHub`;
const EMAIL = TEST_USERS.alice.email;

/** Enter on the focused control that opens the Microsoft sign-in, then the sign-in by keyboard. */
async function enterToSignIn(ext: ExtensionBrowser, page: Page): Promise<void> {
  const before = new Set<Target>(ext.browser.targets());
  await page.keyboard.press('Enter');
  await signInWithKeyboard(ext, EMAIL, before);
}

describe.each(DEVICE_PAIRS)('a keyboard-only newcomer: backup in %s, recovery in %s', (kindA, kindB) => {
  let cloud: TestCloud;
  const browsers: ExtensionBrowser[] = [];

  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await cloud?.close();
  });

  it(`first run in ${kindA} → vault → account → backup on, by keyboard`, async () => {
    const a = await launchWithExtension(kindA);
    browsers.push(a);
    const page = await a.open('options.html');
    await createVaultByKeyboard(page, PASSWORD);
    await addAccountByKeyboard(page, LINK, 'GitHub added.');

    await tabTo(page, { text: 'Sign in with Microsoft and turn on backup' });
    await enterToSignIn(a, page);
    await waitFor(page, () => location.hash === '#backup', { what: '#backup' });
    await waitForText(page, 'Your backup is up to date.', 30_000);
    await waitFor(page, () => document.querySelector<HTMLInputElement>('input[name="cloudBackup"]')?.checked, { what: 'the backup switch on' });
    await waitForBackupFile(cloud, EMAIL, (file: { summary?: { accountCount?: number } }) => cloudAccounts(file) === 1, 'the account');
  });

  it(`first run in ${kindB} → Begin recovery → sign in → password → restored, the code shows`, async () => {
    const b = await launchWithExtension(kindB);
    browsers.push(b);
    const page = await b.open('options.html');
    await waitFor(page, () => document.activeElement?.getAttribute('name') === 'new-password', { what: 'the first-run page' });
    await tabTo(page, { text: 'Begin recovery' });
    await page.keyboard.press('Enter');
    await waitFor(page, () => location.hash === '#recovery', { what: '#recovery' });
    await tabTo(page, { text: 'Sign in with Microsoft to restore' });
    await enterToSignIn(b, page);

    // The sign-in button is gone: the keyboard is in the password field, under what the backup holds.
    await waitFor(page, () => document.querySelector('[data-testid="backup-summary"]')?.textContent?.includes('1 account') ?? false, { what: 'the summary' });
    await waitFor(page, () => document.activeElement?.getAttribute('name') === 'backup-password', { what: 'the backup password focused' });
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await waitFor(page, () => location.hash === '#accounts', { what: 'restored' });
    await waitFor(page, () => document.querySelector('[data-testid="notice"]')?.textContent?.includes('1 account restored.'), { what: 'the notice' });
    await waitFor(page, () => document.querySelector('[data-testid="account-issuer"]')?.textContent === 'GitHub', { what: 'the account listed' });

    // The toolbar button's popup: the restored account's code, the one an independent TOTP computes.
    const popup = await b.open('popup.html');
    const code = (await waitFor(popup, () => {
      const shown = document.querySelector('li.code-row [data-testid="code"][data-code]');
      return shown ? { code: shown.getAttribute('data-code'), until: Number(shown.getAttribute('data-valid-until')) } : null;
    }, { what: 'the code' }))!;
    expect(code.code).toBe(referenceTotp(SECRET, code.until - 1));
    await popup.close();
  });
});
