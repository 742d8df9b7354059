import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from '../../tools/browser/config';
import { launchWithExtension, type ExtensionBrowser } from '../../tools/browser/launch';
import { findLeaks } from './harness/leaks';
import { referenceHotp, referenceTotp } from './harness/reference-otp';
import { clickButton, dragVertically, fill, pageText, waitFor, waitForText } from './harness/ui';

/*
 * The foundation, as a user lives it, in each browser: create a password, add
 * accounts by hand and by link, see the right codes, copy one, reorder, edit,
 * delete and undo, lock and unlock, and find everything again after the
 * background is stopped and after the browser restarts.
 */

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a different, longer passphrase';
const GITHUB = { issuer: 'GitHub', accountName: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' };
// A Japanese label, percent-encoded in the link, with non-default parameters.
const JP_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const JP_LINK = `otpauth://totp/%E3%83%86%E3%82%B9%E3%83%88:%E5%A4%AA%E9%83%8E?secret=${JP_SECRET}&issuer=%E3%83%86%E3%82%B9%E3%83%88&algorithm=SHA256&digits=8&period=60`;
const HOTP_SECRET = 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TFOQ';
const HOTP_LINK = `otpauth://hotp/Bank:bob?secret=${HOTP_SECRET}&issuer=Bank&counter=5`;

/** The rows the popup shows, top to bottom: title, code and the end of its validity. */
async function popupRows(page: Page) {
  return page.$$eval('li.code-row', (rows) =>
    rows.map((row) => ({
      title: row.querySelector('.issuer')?.textContent ?? '',
      name: row.querySelector('.account-name')?.textContent ?? '',
      code: row.querySelector('[data-testid="code"]')?.getAttribute('data-code') ?? null,
      shown: row.querySelector('[data-testid="code"]')?.textContent ?? null,
      validUntil: Number(row.querySelector('[data-testid="code"]')?.getAttribute('data-valid-until') ?? 0) || null,
    })),
  );
}

async function optionsOrder(page: Page) {
  return page.$$eval('[data-testid="account-item"] [data-testid="account-issuer"]', (els) => els.map((e) => e.textContent));
}

describe.each(BROWSERS)('foundation in %s', (kind) => {
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    ext = await launchWithExtension(kind);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('first run: refuses a short password, then creates the vault and shows the empty state', async () => {
    const popup = await ext.open('popup.html');
    await waitForText(popup, 'Protect your accounts');
    await fill(popup, 'new-password', 'short');
    await fill(popup, 'confirm-password', 'short');
    await clickButton(popup, 'Create password');
    await waitForText(popup, 'Use at least 8 characters.');
    expect(await ext.readStorage('local')).toEqual({});

    await fill(popup, 'new-password', PASSWORD);
    await waitFor(popup, () => document.querySelector('[data-testid="password-strength"]')?.textContent, { what: 'strength' });
    await fill(popup, 'confirm-password', PASSWORD);
    await clickButton(popup, 'Create password');
    await waitForText(popup, 'No accounts yet.');
    await popup.close();
  });

  it('adds an account by hand; bad input names the field and saves nothing', async () => {
    const options = await ext.open('options.html#add');
    await waitForText(options, 'Enter the key by hand');
    const before = JSON.stringify(await ext.readStorage('local'));

    await fill(options, 'issuer', GITHUB.issuer);
    await fill(options, 'accountName', GITHUB.accountName);
    await fill(options, 'secret', 'JBSW0Y3DP');
    await clickButton(options, 'Add account', { within: (await options.$('[data-testid="manual-form"]'))! });
    await waitForText(options, 'Secret key: not a valid key');
    await fill(options, 'secret', '');
    await clickButton(options, 'Add account', { within: (await options.$('[data-testid="manual-form"]'))! });
    await waitForText(options, 'Secret key: this is required.');
    await fill(options, 'secret', 'JBSW Y3DP EHPK 3PXP');
    await options.click('summary');
    await fill(options, 'digits', '12');
    await clickButton(options, 'Add account', { within: (await options.$('[data-testid="manual-form"]'))! });
    await waitForText(options, 'Digits: use a whole number from 6 to 10.');
    expect(JSON.stringify(await ext.readStorage('local'))).toBe(before);

    await fill(options, 'digits', '6');
    await clickButton(options, 'Add account', { within: (await options.$('[data-testid="manual-form"]'))! });
    await waitForText(options, 'GitHub added.');

    // The same issuer and name again is a warning naming the account; nothing changes unless "Add anyway".
    const afterFirst = JSON.stringify(await ext.readStorage('local'));
    await fill(options, 'issuer', 'github');
    await fill(options, 'accountName', GITHUB.accountName);
    await fill(options, 'secret', 'JBSWY3DPEHPK3PXQ');
    await clickButton(options, 'Add account', { within: (await options.$('[data-testid="manual-form"]'))! });
    await waitForText(options, `You already have ${GITHUB.issuer} — ${GITHUB.accountName}. Add another account with the same issuer and name?`);
    expect(JSON.stringify(await ext.readStorage('local'))).toBe(afterFirst);
    await options.close();
  });

  it('adds accounts by pasting otpauth:// links, after a preview; a malformed link is explained', async () => {
    const options = await ext.open('options.html#add');
    await fill(options, 'uri', 'otpauth://totp/Broken?issuer=X');
    await clickButton(options, 'Check link');
    await waitForText(options, 'Secret key: this is required.');
    await fill(options, 'uri', 'https://example.com/not-a-link');
    await clickButton(options, 'Check link');
    await waitForText(options, 'This is not an otpauth:// link.');

    await fill(options, 'uri', JP_LINK);
    await clickButton(options, 'Check link');
    await waitForText(options, '太郎');
    expect(await pageText(options)).toContain('TOTP · SHA256 · 8');
    await clickButton(options, 'Add this account');
    await waitForText(options, 'テスト added.');

    await fill(options, 'uri', HOTP_LINK);
    await clickButton(options, 'Check link');
    await clickButton(options, 'Add this account');
    await waitForText(options, 'Bank added.');
    await options.close();
  });

  it('shows, in order, the codes an independent implementation computes, and copies one', async () => {
    const popup = await ext.open('popup.html');
    await waitFor(popup, () => document.querySelectorAll('li.code-row').length === 3, { what: '3 rows' });
    const rows = await popupRows(popup);
    expect(rows.map((r) => r.title)).toEqual(['GitHub', 'テスト', 'Bank']);
    expect(rows[1]!.name).toBe('太郎');

    const [github, jp, bank] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
    expect(github.code).toBe(referenceTotp(GITHUB.secret, github.validUntil! - 1));
    expect(github.shown).toBe(`${github.code!.slice(0, 3)} ${github.code!.slice(3)}`);
    expect(jp.code).toBe(referenceTotp(JP_SECRET, jp.validUntil! - 1, { digits: 8, period: 60, algorithm: 'sha256' }));
    expect(jp.shown).toBe(`${jp.code!.slice(0, 4)} ${jp.code!.slice(4)}`);
    expect(bank.code).toBe(referenceHotp(HOTP_SECRET, 5));

    // Copy with Enter on a focused row, then paste where a person would. The code must read
    // the same before and after the copy: a period ending in between would make us compare
    // the copied code with the next one (then copy again; a period ends once per 30 s).
    const shownCode = () => popup.$eval('li.code-row:nth-child(1) [data-testid="code"]', (e) => e.getAttribute('data-code'));
    let code: string | null = null;
    for (let attempt = 0; attempt < 3 && code === null; attempt++) {
      const before = await shownCode();
      await popup.focus('li.code-row:nth-child(1) button.code-button');
      await popup.keyboard.press('Enter');
      await waitFor(popup, () => document.querySelector('[data-testid="copied"]')?.textContent === 'Copied', { what: 'Copied' });
      if ((await shownCode()) === before) code = before;
      else await waitFor(popup, () => document.querySelector('[data-testid="copied"]') === null, { what: 'Copied gone', timeout: 10_000 });
    }
    expect(code).not.toBeNull();
    await popup.focus('input.search');
    await popup.keyboard.down('Control');
    await popup.keyboard.press('v');
    await popup.keyboard.up('Control');
    await waitFor(popup, () => (document.querySelector('input.search') as HTMLInputElement).value.length > 0, { what: 'paste' });
    expect(await popup.$eval('input.search', (e) => e.value)).toBe(code);
    await popup.close();
  });

  it('searches as you type and moves through rows with the keyboard', async () => {
    const popup = await ext.open('popup.html');
    await waitFor(popup, () => document.querySelectorAll('li.code-row').length === 3, { what: 'rows' });
    await popup.keyboard.type('ban');
    await waitFor(popup, () => document.querySelectorAll('li.code-row').length === 1, { what: 'filtered' });
    expect((await popupRows(popup))[0]!.title).toBe('Bank');
    await popup.keyboard.press('Enter');
    await waitFor(popup, () => document.querySelector('[data-testid="copied"]') !== null, { what: 'Enter in search copies the first match' });
    await popup.keyboard.press('ArrowDown');
    expect(await popup.evaluate(() => document.activeElement?.closest('li')?.querySelector('.issuer')?.textContent)).toBe('Bank');
    await popup.close();
  });

  it('HOTP "next code" advances the counter, and the counter persists', async () => {
    let popup = await ext.open('popup.html');
    await waitFor(popup, () => document.querySelectorAll('li.code-row').length === 3, { what: 'rows' });
    await popup.click('li.code-row:nth-child(3) [data-testid="next-code"]');
    await waitFor(popup, () => document.querySelector('li.code-row:nth-child(3) [data-testid="code"]')?.getAttribute('data-code'), { what: 'code' });
    const expected = referenceHotp(HOTP_SECRET, 6);
    await waitFor(popup, new Function(`return document.querySelector('li.code-row:nth-child(3) [data-testid="code"]')?.getAttribute('data-code') === ${JSON.stringify(expected)}`) as () => boolean, { what: 'counter 6' });
    await popup.close();
    popup = await ext.open('popup.html');
    await waitFor(popup, () => document.querySelectorAll('li.code-row').length === 3, { what: 'rows' });
    expect((await popupRows(popup))[2]!.code).toBe(expected);
    await popup.close();
  });

  it('reorders by keyboard and by dragging; the popup follows the order', async () => {
    const options = await ext.open('options.html#accounts');
    await waitFor(options, () => document.querySelectorAll('[data-testid="account-item"]').length === 3, { what: 'items' });
    expect(await optionsOrder(options)).toEqual(['GitHub', 'テスト', 'Bank']);

    // Keyboard: focus the third handle, press ↑ twice.
    await options.focus('[data-testid="account-item"]:nth-child(3) .drag-handle');
    await options.keyboard.press('ArrowUp');
    await waitFor(options, () => document.querySelector('[data-testid="account-item"]:nth-child(2) [data-testid="account-issuer"]')?.textContent === 'Bank', { what: 'moved' });
    await options.keyboard.press('ArrowUp');
    await waitFor(options, () => document.querySelector('[data-testid="account-item"]:nth-child(1) [data-testid="account-issuer"]')?.textContent === 'Bank', { what: 'moved to top' });
    expect(await optionsOrder(options)).toEqual(['Bank', 'GitHub', 'テスト']);

    // The keyboard stays on the moved row's handle.
    await waitFor(options, () => document.activeElement === document.querySelector('[data-testid="account-item"]:nth-child(1) .drag-handle'), { what: 'focus on the moved handle' });

    // Drag: the first row's handle down past the last row.
    await dragVertically(options, '[data-testid="account-item"]:nth-child(1) .drag-handle', '[data-testid="account-item"]:nth-child(3)');
    await waitFor(options, () => document.querySelector('[data-testid="account-item"]:nth-child(3) [data-testid="account-issuer"]')?.textContent === 'Bank', { what: 'dragged' });
    expect(await optionsOrder(options)).toEqual(['GitHub', 'テスト', 'Bank']);

    await options.focus('[data-testid="account-item"]:nth-child(2) .drag-handle');
    await options.keyboard.press('ArrowUp');
    await waitFor(options, () => document.querySelector('[data-testid="account-item"]:nth-child(1) [data-testid="account-issuer"]')?.textContent === 'テスト', { what: 'moved' });
    await options.close();

    const popup = await ext.open('popup.html');
    await waitFor(popup, () => document.querySelectorAll('li.code-row').length === 3, { what: 'rows' });
    expect((await popupRows(popup)).map((r) => r.title)).toEqual(['テスト', 'GitHub', 'Bank']);
    await popup.close();
  });

  it('edits an account; deletes it after confirmation and undoes the deletion in place', async () => {
    const options = await ext.open('options.html#accounts');
    await waitFor(options, () => document.querySelectorAll('[data-testid="account-item"]').length === 3, { what: 'items' });
    const second = (await options.$('[data-testid="account-item"]:nth-child(2)'))!;
    await clickButton(options, 'Edit', { within: second });
    await fill(options, 'issuer', '');
    await fill(options, 'accountName', '');
    await clickButton(options, 'Save');
    await waitForText(options, 'Account name: this is required.');
    await fill(options, 'issuer', 'GitHub Enterprise');
    await fill(options, 'accountName', 'alice');
    await clickButton(options, 'Save');
    await waitFor(options, () => document.querySelector('[data-testid="account-item"]:nth-child(2) [data-testid="account-issuer"]')?.textContent === 'GitHub Enterprise', { what: 'edited' });

    await clickButton(options, 'Delete', { within: (await options.$('[data-testid="account-item"]:nth-child(2)'))! });
    await waitForText(options, 'Delete GitHub Enterprise?');
    await clickButton(options, 'Cancel');
    expect(await optionsOrder(options)).toEqual(['テスト', 'GitHub Enterprise', 'Bank']);
    await clickButton(options, 'Delete', { within: (await options.$('[data-testid="account-item"]:nth-child(2)'))! });
    await options.click('.confirm button.danger');
    await waitForText(options, 'GitHub Enterprise deleted.');
    await waitFor(options, () => document.querySelectorAll('[data-testid="account-item"]').length === 2, { what: 'deleted' });
    await options.click('[data-testid="undo"]');
    await waitFor(options, () => document.querySelectorAll('[data-testid="account-item"]').length === 3, { what: 'restored' });
    expect(await optionsOrder(options)).toEqual(['テスト', 'GitHub Enterprise', 'Bank']);
    await options.close();
  });

  it('keeps no secret, account name or issuer in clear in storage', async () => {
    // As they would appear if leaked (fields, JSON, URIs, decoded base64), never as
    // short words inside the random ciphertext (harness/leaks.ts).
    const clear = { secrets: [GITHUB.secret, JP_SECRET, HOTP_SECRET], names: [GITHUB.accountName, 'alice', 'GitHub', 'GitHub Enterprise', 'Bank', 'bob', 'テスト', '太郎'] };
    const local = await ext.readStorage('local');
    expect(Object.keys(local)).toContain('vault');
    expect(findLeaks(local, clear)).toEqual([]);
    expect(findLeaks(await ext.readStorage('session'), clear)).toEqual([]);
  });

  it('locks, refuses a wrong password, unlocks', async () => {
    const popup = await ext.open('popup.html');
    await waitFor(popup, () => document.querySelectorAll('li.code-row').length === 3, { what: 'rows' });
    await popup.click('[data-testid="lock"]');
    await waitForText(popup, 'Unlock');
    await fill(popup, 'password', 'not the password');
    await popup.keyboard.press('Enter');
    await waitForText(popup, 'Wrong password.');
    expect(await popup.$$('li.code-row')).toHaveLength(0);
    await fill(popup, 'password', PASSWORD);
    await popup.keyboard.press('Enter');
    await waitFor(popup, () => document.querySelectorAll('li.code-row').length === 3, { what: 'rows after unlock' });
    await popup.close();
  });

  it('stays unlocked with its data when the background is stopped', async () => {
    await ext.stopBackground();
    const popup = await ext.open('popup.html');
    await waitFor(popup, () => document.querySelectorAll('li.code-row').length === 3, { what: 'rows after worker restart' });
    expect((await popupRows(popup)).map((r) => r.title)).toEqual(['テスト', 'GitHub Enterprise', 'Bank']);
    await popup.close();
  });

  it('changes the password (the current one is checked) and the auto-lock time', async () => {
    const options = await ext.open('options.html#security');
    await waitForText(options, 'Change password');
    await fill(options, 'current-password', 'wrong current password');
    await fill(options, 'new-password', NEW_PASSWORD);
    await fill(options, 'confirm-password', NEW_PASSWORD);
    await clickButton(options, 'Change password', { within: (await options.$('form.card'))! });
    await waitForText(options, 'Wrong password.');
    await fill(options, 'current-password', PASSWORD);
    await clickButton(options, 'Change password', { within: (await options.$('form.card'))! });
    await waitForText(options, 'Password changed.');

    await options.select('select[name="autoLock"]', '5');
    await waitForText(options, 'Saved');
    await options.close();
    const again = await ext.open('options.html#security');
    await waitFor(again, () => document.querySelector<HTMLSelectElement>('select[name="autoLock"]')?.value === '5', { what: 'auto-lock 5 kept' });
    await clickButton(again, 'Lock now');
    await waitForText(again, 'Unlock');
    await fill(again, 'password', PASSWORD);
    await again.keyboard.press('Enter');
    await waitForText(again, 'Wrong password.');
    await fill(again, 'password', NEW_PASSWORD);
    await again.keyboard.press('Enter');
    await waitForText(again, 'Automatic lock');
    await again.close();
  });

  it('after a browser restart: locked, and everything is there after unlocking', async () => {
    const profileDir = ext.profileDir;
    await ext.close();
    ext = await launchWithExtension(kind, { profileDir });
    const popup = await ext.open('popup.html');
    await waitForText(popup, 'Unlock');
    await fill(popup, 'password', NEW_PASSWORD);
    await popup.keyboard.press('Enter');
    await waitFor(popup, () => document.querySelectorAll('li.code-row').length === 3, { what: 'rows after restart' });
    const rows = await popupRows(popup);
    expect(rows.map((r) => r.title)).toEqual(['テスト', 'GitHub Enterprise', 'Bank']);
    expect(rows[2]!.code).toBe(referenceHotp(HOTP_SECRET, 6));
    await popup.close();
  });
});
