import type { Page } from 'puppeteer-core';
import { tabTo, waitFor, waitForText } from './ui';

/*
 * The first steps of a newcomer, by keyboard only (Tab, Enter, typing): shared by the
 * first-hour and keyboard-newcomer e2e, which go on differently from there.
 */

/** On a fresh profile's options page: types the new password twice and creates the vault. */
export async function createVaultByKeyboard(page: Page, password: string): Promise<void> {
  // The password field has the focus on arrival.
  await waitFor(page, () => document.activeElement?.getAttribute('name') === 'new-password', { what: 'focused password' });
  await page.keyboard.type(password);
  await tabTo(page, { name: 'confirm-password' });
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await waitForText(page, 'No accounts yet.');
}

/** From the empty accounts list: "Add account", paste the link, check the preview, add it. */
export async function addAccountByKeyboard(page: Page, link: string, addedMessage: string): Promise<void> {
  await tabTo(page, { text: 'Add account' });
  await page.keyboard.press('Enter');
  await waitFor(page, () => location.hash === '#add', { what: '#add' });
  await tabTo(page, { name: 'uri' });
  await page.keyboard.type(link);
  await page.keyboard.press('Enter');
  await waitForText(page, 'Add this account');
  await tabTo(page, { text: 'Add this account' });
  await page.keyboard.press('Enter');
  await waitForText(page, addedMessage);
}
