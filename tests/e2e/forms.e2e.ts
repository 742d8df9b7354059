import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from '../../tools/browser/config';
import { launchWithExtension, type ExtensionBrowser } from '../../tools/browser/launch';
import { axeViolations } from './harness/axe';
import { referenceTotp } from './harness/reference-otp';
import { focused, tabTo, waitFor, waitForText } from './harness/ui';

/*
 * Forms, keyboard only (#14): a submit with several problems shows them all at
 * once, each tied to its field (aria-invalid + aria-describedby) with the focus
 * on the first; a password mismatch marks Confirm; the same issuer and name is a
 * warning the user may go past; a new secret typed in Edit changes the code the
 * popup shows to the one an independent TOTP computes; Export's and Import's
 * password fields say "required" and "wrong" at the field the same way. axe on
 * every error state.
 */

const PASSWORD = 'forms passphrase 2026';
const SECRET = 'JBSWY3DPEHPK3PXP';
const SECOND_SECRET = 'GEZDGNBVGY3TQOJQ';
const NEW_SECRET = 'KRUGS4ZANFZSAYJA';
/** An Authy export with encrypted secrets, and the password it was made with. */
const ENCRYPTED_FILE = path.join(new URL('../..', import.meta.url).pathname, 'tests/fixtures/imports/authy_encrypted.xml');
const ENCRYPTED_FILE_PASSWORD = 'testtest';

/** Each field marked invalid, in page order, with the text of what describes it. */
const invalidFields = (page: Page) =>
  page.$$eval('[aria-invalid="true"]', (fields) =>
    fields.map((field) => ({
      name: field.getAttribute('name'),
      says: (field.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim(),
    })),
  );

/** Replaces what the focused field holds, with keys only. */
async function retype(page: Page, text: string) {
  const length = await page.evaluate(() => (document.activeElement as HTMLInputElement).value.length);
  await page.keyboard.press('End');
  for (let i = 0; i < length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

async function typeInto(page: Page, name: string, text: string) {
  await tabTo(page, { name });
  await retype(page, text);
}

async function expectAxeClean(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe.each(BROWSERS)('forms in %s', (kind) => {
  let ext: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    ext = await launchWithExtension(kind);
    options = await ext.open('options.html');
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('create vault: a weak password and a different confirmation show both, focus the first; a mismatch marks Confirm', async () => {
    await waitFor(options, () => document.activeElement?.getAttribute('name') === 'new-password', { what: 'focused password' });
    await options.keyboard.type('short');
    await typeInto(options, 'confirm-password', 'different');
    await options.keyboard.press('Enter');
    await waitFor(options, () => document.querySelectorAll('[data-testid="field-error"]').length === 2, { what: 'two errors' });
    expect(await invalidFields(options)).toEqual([
      { name: 'new-password', says: 'Use at least 8 characters.' },
      { name: 'confirm-password', says: 'The passwords do not match.' },
    ]);
    expect(await focused(options)).toBe('new-password');
    await expectAxeClean(options);

    // A good password, still not confirmed: only Confirm is marked, and it gets the focus.
    await retype(options, PASSWORD);
    await options.keyboard.press('Enter');
    await waitFor(options, () => document.activeElement?.getAttribute('name') === 'confirm-password', { what: 'focus on Confirm' });
    expect(await invalidFields(options)).toEqual([{ name: 'confirm-password', says: 'The passwords do not match.' }]);
    await expectAxeClean(options);

    await retype(options, PASSWORD);
    await options.keyboard.press('Enter');
    await waitForText(options, 'No accounts yet.');
  });

  it('add by hand: an empty secret and 12 digits show both at once, the first focused (inside Advanced too)', async () => {
    await options.evaluate(() => (location.hash = 'add'));
    await waitForText(options, 'Enter the key by hand');
    await typeInto(options, 'issuer', 'GitHub');
    await typeInto(options, 'accountName', 'alice');
    await tabTo(options, { text: 'Advanced' });
    await options.keyboard.press('Enter');
    await typeInto(options, 'digits', '12');
    await options.keyboard.press('Enter');
    await waitFor(options, () => document.querySelectorAll('[data-testid="field-error"]').length === 2, { what: 'two errors' });
    expect(await invalidFields(options)).toEqual([
      { name: 'secret', says: 'Secret key: this is required.' },
      { name: 'digits', says: 'Digits: use a whole number from 6 to 10.' },
    ]);
    expect(await focused(options)).toBe('secret');
    await expectAxeClean(options);

    // Fixing a field takes its error away at once; the other stays until fixed.
    await options.keyboard.type(SECRET);
    expect(await invalidFields(options)).toEqual([{ name: 'digits', says: 'Digits: use a whole number from 6 to 10.' }]);
    await typeInto(options, 'digits', '6');
    await options.keyboard.press('Enter');
    await waitForText(options, 'GitHub added.');
  });

  it('the same issuer and name is a warning naming the account; "Add anyway" adds it', async () => {
    const before = JSON.stringify(await ext.readStorage('local'));
    await typeInto(options, 'issuer', 'github');
    await typeInto(options, 'accountName', 'alice');
    await typeInto(options, 'secret', SECOND_SECRET);
    await options.keyboard.press('Enter');
    await waitForText(options, 'You already have GitHub — alice. Add another account with the same issuer and name?');
    expect(await options.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('same-name-warning');
    expect(JSON.stringify(await ext.readStorage('local'))).toBe(before);
    await expectAxeClean(options);

    await tabTo(options, { text: 'Add anyway' });
    await options.keyboard.press('Enter');
    await waitForText(options, 'github added.');
  });

  it('edit: a bad new secret is refused at its field; a good one changes the code the popup shows', async () => {
    await options.evaluate(() => (location.hash = 'accounts'));
    await waitFor(options, () => document.querySelectorAll('[data-testid="account-item"]').length === 2, { what: 'two accounts' });
    await options.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(options, { text: 'Edit' });
    await options.keyboard.press('Enter');
    await waitFor(options, () => document.querySelector('[data-testid="account-editor"]') !== null, { what: 'editor' });
    await tabTo(options, { text: 'Key and code settings' });
    await options.keyboard.press('Enter');
    await waitForText(options, "Changing these makes the codes differ from the site's");
    await typeInto(options, 'secret', 'JBSW0Y3D');
    await typeInto(options, 'period', '0');
    await options.keyboard.press('Enter');
    await waitFor(options, () => document.querySelectorAll('[data-testid="field-error"]').length === 2, { what: 'two errors' });
    expect((await invalidFields(options)).map((f) => f.name)).toEqual(['secret', 'period']);
    expect(await focused(options)).toBe('secret');
    await expectAxeClean(options);

    await retype(options, NEW_SECRET.toLowerCase().replace(/(.{4})/g, '$1 ').trim());
    await typeInto(options, 'period', '30');
    await options.keyboard.press('Enter');
    await waitFor(options, () => document.querySelector('[data-testid="account-editor"]') === null, { what: 'saved' });

    const popup = await ext.open('popup.html');
    await waitFor(popup, () => document.querySelectorAll('li.code-row [data-testid="code"][data-code]').length === 2, { what: 'codes' });
    const rows = await popup.$$eval('li.code-row', (items) =>
      items.map((row) => ({
        issuer: row.querySelector('.issuer')?.textContent ?? '',
        code: row.querySelector('[data-testid="code"]')?.getAttribute('data-code') ?? '',
        validUntil: Number(row.querySelector('[data-testid="code"]')?.getAttribute('data-valid-until') ?? 0),
      })),
    );
    const edited = rows.find((r) => r.issuer === 'GitHub')!;
    const other = rows.find((r) => r.issuer === 'github')!;
    expect(edited.code).toBe(referenceTotp(NEW_SECRET, edited.validUntil - 1));
    expect(other.code).toBe(referenceTotp(SECOND_SECRET, other.validUntil - 1));
    await popup.close();
  });

  it('export: an empty and then a wrong password are said at the field, which gets the focus; typing clears it', async () => {
    await options.evaluate(() => (location.hash = 'transfer'));
    await waitForText(options, 'Hikae encrypted file');
    await options.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(options, { text: 'Export' });
    await options.keyboard.press('Enter');
    await waitFor(options, () => document.activeElement?.getAttribute('name') === 'export-password', { what: 'focus on the password' });
    expect(await invalidFields(options)).toEqual([{ name: 'export-password', says: 'Password: this is required.' }]);
    await expectAxeClean(options);

    // Typing takes the error away at once.
    await options.keyboard.type('wrong password');
    expect(await invalidFields(options)).toEqual([]);
    await options.keyboard.press('Enter');
    await waitFor(options, () => document.querySelector('[name="export-password"]')?.getAttribute('aria-invalid') === 'true', { what: 'the wrong password marked' });
    expect(await invalidFields(options)).toEqual([{ name: 'export-password', says: 'Wrong password.' }]);
    expect(await focused(options)).toBe('export-password');
    expect(await options.$('[data-testid="export-error"]')).toBeNull();
    await expectAxeClean(options);

    await retype(options, PASSWORD);
    expect(await invalidFields(options)).toEqual([]);
    await options.keyboard.press('Enter');
    await options.waitForSelector('[data-testid="export-saved"]', { visible: true });
  });

  it('import: the file password, empty and then wrong, is said at its field, which gets the focus; typing clears it', async () => {
    const input = await options.waitForSelector('input[name="import-file"]');
    await input!.uploadFile(ENCRYPTED_FILE);
    await waitForText(options, 'This export is encrypted. Enter the password it was exported with.');
    await waitFor(options, () => document.activeElement?.getAttribute('name') === 'import-password', { what: 'the file password focused' });
    // Enter in the empty field, as a person pressing on too soon.
    await options.keyboard.press('Enter');
    await waitFor(options, () => document.activeElement?.getAttribute('name') === 'import-password', { what: 'focus back on the password' });
    expect(await invalidFields(options)).toEqual([{ name: 'import-password', says: 'Password of the file: this is required.' }]);
    await expectAxeClean(options);

    await options.keyboard.type('not the password');
    expect(await invalidFields(options)).toEqual([]);
    await options.keyboard.press('Enter');
    await waitFor(options, () => document.querySelector('[name="import-password"]')?.getAttribute('aria-invalid') === 'true', { what: 'the wrong password marked' });
    expect(await invalidFields(options)).toEqual([{ name: 'import-password', says: 'This password does not open the file. Nothing was imported.' }]);
    expect(await focused(options)).toBe('import-password');
    expect(await options.$('[data-testid="import-error"]')).toBeNull();
    await expectAxeClean(options);

    await retype(options, ENCRYPTED_FILE_PASSWORD);
    expect(await invalidFields(options)).toEqual([]);
    await options.keyboard.press('Enter');
    await waitForText(options, 'Read as: Authy (encrypted)');
  });
});
