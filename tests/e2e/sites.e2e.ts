import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from '../../tools/browser/config';
import { launchWithExtension, type ExtensionBrowser } from '../../tools/browser/launch';
import { reloadExtensionPage } from '../../tools/browser/pages';
import { axeViolations } from './harness/axe';
import { clickButton, fill, waitFor, waitForText } from './harness/ui';
import { closeControl, grantAndOpenControl } from './pages/fill-driver';
import { addListed, createVault, listedAccounts, openSitePage, waitForScanResult } from './pages/scan-driver';
import { HOSTS, startSignInServer, type SignInServer } from './pages/sign-in-server';
import { addAccountByLink, fieldError, listedSites, openSiteEditor, typeNewSite } from './pages/site-driver';

/*
 * The sites of an account (docs/autofill.md "Accounts know their sites"), edited in
 * the options page as a user does, in each browser: add (shown as the registrable
 * domain it is saved as), edit, remove, the exact-origin switch, refusals with a
 * message at the field (a public suffix, a single word), and everything still there
 * after a reload. And the first site of an account scanned from a page: the page's
 * registrable domain by the Public Suffix List (`alice.github.io`), never a bare
 * suffix (a code scanned on `github.io` itself starts with no site).
 */

const PASSWORD = 'site editor passphrase 42';
const GITHUB_LINK = 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';

describe.each(BROWSERS)('site editor in %s', (kind) => {
  let ext: ExtensionBrowser;
  let server: SignInServer;

  beforeAll(async () => {
    server = await startSignInServer();
    ext = await launchWithExtension(kind, { localHosts: Object.values(HOSTS) });
    await createVault(ext, PASSWORD);
    await addAccountByLink(ext, GITHUB_LINK, 'GitHub');
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('adds, edits and removes sites; refuses bad ones at the field; keeps them after a reload', async () => {
    const options = await openSiteEditor(ext, 'GitHub');
    await waitForText(options, 'No site yet');
    expect(await axeViolations(options)).toEqual([]);

    // What a typed address is saved as shows before saving: the registrable domain.
    await fill(options, 'site-new', 'https://Login.GitHub.com/session');
    await waitForText(options, 'Fills on github.com and its subdomains');
    await options.keyboard.press('Enter');
    await waitFor(options, () => document.querySelectorAll('[data-testid="site-entry"]').length === 1, { what: 'first site' });
    expect(await listedSites(options)).toEqual(['github.com']);

    // Refused, each with the problem named at the field, and nothing saved.
    const before = JSON.stringify(await ext.readStorage('local'));
    await options.bringToFront(); // reading storage opened (and closed) a page in front of it
    for (const [typed, message] of [
      ['http://github.example', '“http://github.example” is not https: codes are filled on https pages only (http only on localhost).'],
      ['github.io', '“github.io” is shared by many different sites (a public suffix'],
      ['com', '“com” is shared by many different sites (a public suffix'],
      ['github', '“github” is a single word, not a site: type its whole name, such as github.com.'],
      ['not a site', '“not a site” is not a web address.'],
      ['www.github.com', 'github.com is already one of this account\'s sites.'],
    ] as const) {
      await typeNewSite(options, typed);
      expect(await fieldError(options, 'site-new')).toContain(message);
      await waitFor(options, () => document.activeElement?.getAttribute('name') === 'site-new', { what: 'focus on the refused field' });
    }
    expect(JSON.stringify(await ext.readStorage('local'))).toBe(before);
    await options.bringToFront();
    expect(await axeViolations(options)).toEqual([]);

    await typeNewSite(options, 'gh.example.net');
    await waitFor(options, () => document.querySelectorAll('[data-testid="site-entry"]').length === 2, { what: 'second site' });
    expect(await listedSites(options)).toEqual(['github.com', 'example.net']);

    // Edit the second one in place; a bad edit is refused at its field.
    await clickButton(options, 'Edit example.net');
    await fill(options, 'site-edit', 'ftp://github.net');
    await options.keyboard.press('Enter');
    expect(await fieldError(options, 'site-edit')).toContain('is not a web address.');
    await waitFor(options, () => document.activeElement?.getAttribute('name') === 'site-edit', { what: 'focus on the refused edit' });
    await fill(options, 'site-edit', 'alice.github.io');
    await options.keyboard.press('Enter');
    await waitFor(options, () => document.querySelector('[name="site-edit"]') === null, { what: 'edit saved' });
    expect(await listedSites(options)).toEqual(['github.com', 'alice.github.io']);

    // Remove the first.
    await clickButton(options, 'Remove github.com');
    await waitFor(options, () => document.querySelectorAll('[data-testid="site-entry"]').length === 1, { what: 'removed' });
    expect(await listedSites(options)).toEqual(['alice.github.io']);

    await reloadExtensionPage(options);
    await clickButton(options, 'Sites');
    await waitFor(options, () => document.querySelector('[data-testid="site-editor"]') !== null, { what: 'site editor after reload' });
    expect(await listedSites(options)).toEqual(['alice.github.io']);
    expect(await options.$eval('[data-testid="account-site"]', (e) => e.textContent)).toBe('alice.github.io');
    await options.close();
  });

  it('the exact-origin switch stores origins, and back; persists after a reload', async () => {
    const options = await openSiteEditor(ext, 'GitHub');
    await options.click('[name="site-exact-origin"]');
    await waitFor(options, () => document.querySelector('[data-testid="site-entry"]')?.textContent === 'https://alice.github.io', { what: 'origin entry' });
    await fill(options, 'site-new', 'sso.example.com:8443/login');
    await waitForText(options, 'Fills on https://sso.example.com:8443 only');
    await options.keyboard.press('Enter');
    await waitFor(options, () => document.querySelectorAll('[data-testid="site-entry"]').length === 2, { what: 'origin added' });
    expect(await axeViolations(options)).toEqual([]);

    await reloadExtensionPage(options);
    await clickButton(options, 'Sites');
    await waitFor(options, () => document.querySelector('[data-testid="site-editor"]') !== null, { what: 'site editor after reload' });
    expect(await listedSites(options)).toEqual(['https://alice.github.io', 'https://sso.example.com:8443']);
    expect(await options.$eval('[name="site-exact-origin"]', (e) => (e as HTMLInputElement).checked)).toBe(true);

    await options.click('[name="site-exact-origin"]');
    await waitFor(options, () => document.querySelector('[data-testid="site-entry"]')?.textContent === 'alice.github.io', { what: 'domains again' });
    expect(await listedSites(options)).toEqual(['alice.github.io', 'example.com']);
    await options.close();
  });

  it('a QR scanned on alice.github.io starts with that site; one scanned on github.io itself starts with none, never the bare suffix', async () => {
    for (const [host, site] of [[HOSTS.pages, HOSTS.pages], [HOSTS.suffix, null]] as const) {
      const page = await openSitePage(ext, server.url(host, '/enroll'));
      const { control: popup } = await grantAndOpenControl(ext, page);
      await popup.click('[data-testid="scan-page"]');
      await waitForScanResult(popup);
      expect(await listedAccounts(popup)).toEqual([{ issuer: 'Pages', accountName: host, type: 'Time-based (TOTP)', site, state: 'new' }]);
      await addListed(popup, 'Pages');
      await closeControl(ext, popup);
      await page.close();
    }
    // Where the user sees an account's sites: the options page's list.
    const options = await ext.open('options.html#accounts');
    await waitFor(options, () => document.querySelectorAll('[data-testid="account-item"]').length === 3, { what: 'three accounts' });
    const rows = await options.$$eval('[data-testid="account-item"]', (items) =>
      items.map((item) => [item.querySelector('[data-testid="account-name"]')?.textContent, item.querySelector('[data-testid="account-site"]')?.textContent ?? null]),
    );
    expect(rows).toContainEqual([HOSTS.pages, HOSTS.pages]);
    expect(rows).toContainEqual([HOSTS.suffix, null]);
    await options.close();
  });
});
