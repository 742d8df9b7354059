import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from '../../../tools/browser/launch';
import { clickButton, fill, waitFor, waitForText } from '../harness/ui';

export { fieldError } from '../harness/ui';

/*
 * Driving the sites of accounts (docs/autofill.md) as a person does: the options
 * page's site editor, and adding the accounts it is tried on by pasting links.
 */

/** Adds an account by pasting its otpauth:// link in the options page (as a user copies it from a provider). */
export async function addAccountByLink(ext: ExtensionBrowser, link: string, issuer: string): Promise<void> {
  const options = await ext.open('options.html#add');
  await fill(options, 'uri', link);
  await clickButton(options, 'Check link');
  await clickButton(options, 'Add this account');
  await waitForText(options, `${issuer} added.`);
  await options.close();
}

/** The sites the open site editor lists, in order. */
export const listedSites = (page: Page) => page.$$eval('[data-testid="site-editor"] [data-testid="site-entry"]', (els) => els.map((e) => e.textContent));

/** Opens the options page's account list and the site editor of the account shown as `issuer`. */
export async function openSiteEditor(ext: ExtensionBrowser, issuer: string): Promise<Page> {
  const options = await ext.open('options.html#accounts');
  await waitFor(options, () => document.querySelectorAll('[data-testid="account-item"]').length > 0, { what: 'account list' });
  const items = await options.$$('[data-testid="account-item"]');
  for (const item of items) {
    if ((await item.$eval('[data-testid="account-issuer"]', (e) => e.textContent)) !== issuer) continue;
    await clickButton(options, 'Sites', { within: item });
    await waitFor(options, () => document.querySelector('[data-testid="site-editor"]') !== null, { what: 'site editor' });
    return options;
  }
  throw new Error(`No account ${issuer} in the options page`);
}

/** Types a site into the editor's "New site" field and presses Enter. */
export async function typeNewSite(page: Page, site: string): Promise<void> {
  await fill(page, 'site-new', site);
  await page.keyboard.press('Enter');
}

