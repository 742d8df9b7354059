import { describe, expect, it } from 'vitest';
import { BROWSERS } from '../../tools/browser/config';
import { completeMicrosoftSignIn, TEST_USERS } from './harness/cloud';
import { useCloudAndBrowser } from './harness/suite';
import { addAccountByKeyboard, createVaultByKeyboard } from './harness/keyboard-flows';
import { findLeaks } from './harness/leaks';
import { tabTo, waitFor, waitForText } from './harness/ui';

/*
 * A newcomer's first hour, keyboard only: a fresh profile → create the vault →
 * add the first account → the backup suggestion → sign in → backup on (no switch
 * to tick) → the encrypted file is in OneDrive (the emulator) → in the popup: lock,
 * unlock, find and copy.
 */

const PASSWORD = 'first hour passphrase 42';
const SECRET = 'JBSWY3DPEHPK3PXP';
const LINK = `otpauth://totp/GitHub:newcomer?secret=${SECRET}&issuer=GitHub`;
const FILE = `/_emulator/files/${TEST_USERS.alice.email}/hikae-backup.json`;

describe.each(BROWSERS)('first hour in %s', (kind) => {
  const suite = useCloudAndBrowser(kind);

  it('fresh profile → vault → first account → backup suggested → signed in → backup on, file in OneDrive', async () => {
    const page = await suite.ext.open('options.html');
    await createVaultByKeyboard(page, PASSWORD);
    // The empty list already suggests backup.
    await waitForText(page, 'Back up your accounts');
    await addAccountByKeyboard(page, LINK, 'GitHub added.');

    // Right after the first account: the suggestion, with the one action that does it all.
    const nudge = await page.waitForSelector('[data-testid="backup-nudge"]', { visible: true });
    expect(await nudge!.evaluate((e) => (e as HTMLElement).innerText)).toContain('Back them up to your OneDrive');
    await tabTo(page, { text: 'Sign in with Microsoft and turn on backup' });
    const before = new Set(suite.ext.browser.targets());
    await page.keyboard.press('Enter');
    await completeMicrosoftSignIn(suite.ext, TEST_USERS.alice.email, before);

    // Backup is on without any switch ticked, and says so.
    await waitFor(page, () => location.hash === '#backup', { what: '#backup' });
    await waitForText(page, 'Your backup is up to date.', 30_000);
    await waitForText(page, `Signed in as ${TEST_USERS.alice.name}`);
    // The sign-in and the switch are two stored changes: the page may show the first a moment before the second.
    await waitFor(page, () => document.querySelector<HTMLInputElement>('input[name="cloudBackup"]')?.checked, { what: 'the backup switch on' });
    expect(await page.$('[data-testid="backup-nudge"]')).toBeNull();

    const file = await suite.cloud.control('GET', FILE);
    expect(JSON.stringify(file)).toContain('"format":"hikae-backup"');
    expect(findLeaks(file, { secrets: [SECRET], names: ['newcomer'] })).toEqual([]);

    // The popup, keyboard only: lock, unlock, find, copy.
    const popup = await suite.ext.open('popup.html');
    await waitFor(popup, () => document.querySelectorAll('li.code-row [data-testid="code"]').length === 1, { what: 'the code' });
    await tabTo(popup, { text: 'Lock now' }, { back: true });
    await popup.keyboard.press('Enter');
    await waitFor(popup, () => document.activeElement?.getAttribute('name') === 'password', { what: 'the password focused' });
    await popup.keyboard.type(PASSWORD);
    await popup.keyboard.press('Enter');
    await waitFor(popup, () => document.querySelectorAll('li.code-row [data-testid="code"]').length === 1, { what: 'unlocked' });
    await tabTo(popup, { text: 'Search accounts' }, { back: true });
    await popup.keyboard.type('git');
    await popup.keyboard.press('ArrowDown');
    await waitFor(popup, () => document.activeElement?.matches('li.code-row button.code-button') ?? false, { what: 'the row focused' });
    await popup.keyboard.press('Enter');
    await waitFor(popup, () => document.querySelector('[data-testid="copied"]') !== null, { what: 'Copied' });
    await popup.close();

    // Back on Accounts: no suggestion once backup is on.
    await page.evaluate(() => (location.hash = 'accounts'));
    await waitFor(page, () => document.querySelectorAll('[data-testid="account-item"]').length === 1, { what: 'account list' });
    expect(await page.$('[data-testid="backup-nudge"]')).toBeNull();
    await page.close();
  });
});
