import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from '../../tools/browser/config';
import { launchWithExtension, type ExtensionBrowser } from '../../tools/browser/launch';
import { isSameDocument, markDocument } from '../../tools/browser/pages';
import { startTestCloud, TEST_USERS, type TestCloud } from './harness/cloud';
import { cloudAccounts, openRecovery, recoverWith, sendRequest, setUpBackedUpDevice, totpLink, waitForBackupFile } from './harness/devices';
import { clickButton, waitFor, waitForText } from './harness/ui';

/*
 * An open options tab follows the background live (issue #8): accounts merged in
 * from another device and an expired sign-in show without a reload, and a tab
 * left open on Backup & recovery no longer keeps the vault unlocked — it locks when
 * its time is up (on the test build's clock, through the real alarm) and the tab
 * shows the unlock screen. Every wait is for what the user sees,
 * bounded; "without reload" is proven by a mark on the document that a reload
 * would drop.
 */

const PASSWORD = 'live pages password 1';
const USER = TEST_USERS.alice.email;
type SummaryFile = { summary?: { accountCount?: number } };

/** The issuers the accounts list shows. */
const shownIssuers = (page: Page) => page.$$eval('[data-testid="account-issuer"]', (els) => els.map((e) => e.textContent ?? ''));

/** The shortest auto-lock a user can choose (Security), in minutes. */
const SHORTEST_AUTO_LOCK_MINUTES = 1;

describe.each(BROWSERS)('an open options page follows the background in %s', (kind) => {
  let cloud: TestCloud;
  let a: ExtensionBrowser;
  /** Device A's options tab, open through every test, never reloaded. */
  let page: Page;

  beforeAll(async () => {
    cloud = await startTestCloud();
    a = await launchWithExtension(kind);
    await setUpBackedUpDevice(a, cloud, { password: PASSWORD, email: USER, links: [totpLink('On A', 'JBSWY3DPEHPK3PXP')] });
    page = await a.open('options.html#accounts');
    await waitFor(page, () => document.querySelectorAll('[data-testid="account-item"]').length === 1, { what: 'the account' });
    await markDocument(page);
  });
  afterAll(async () => {
    await a?.close();
    await cloud?.close();
  });

  it('accounts merged in from another device appear without reload', async () => {
    const b = await launchWithExtension(kind);
    try {
      // Device B recovers, adds an account, and its change goes up.
      const recovery = await openRecovery(b, USER);
      await recoverWith(recovery, PASSWORD);
      expect((await sendRequest(recovery, 'accounts.add', { uri: totpLink('Added on B', 'KRUGS4ZANFZSAYJAORSXG5BA') })).ok).toBe(true);
      await waitForBackupFile(cloud, USER, (file: SummaryFile) => cloudAccounts(file) === 2, "B's account");
    } finally {
      await b.close();
    }
    // Device A syncs from another tab ("Back up now"); the accounts tab shows the merge by itself.
    const backup = await a.open('options.html#backup');
    await clickButton(backup, 'Back up now');
    await backup.close();
    await page.bringToFront();
    await waitFor(page, () => document.querySelectorAll('[data-testid="account-item"]').length === 2, { what: 'the merged account', timeout: 30_000 });
    expect((await shownIssuers(page)).sort()).toEqual(['Added on B', 'On A']);
    expect(await isSameDocument(page)).toBe(true);
  });

  it('an expired sign-in shows the menu alert without reload', async () => {
    expect(await page.$('[data-testid="nav-backup-alert"]')).toBeNull();
    // Signed out at Microsoft and every token expired: the next upload can't renew silently.
    await cloud.control('POST', '/_emulator/sessions/end', { user: USER });
    await cloud.control('POST', '/_emulator/tokens/expire', { user: USER, kind: 'all' });
    // A change made in the popup needs an upload, which finds the sign-in expired.
    const popup = await a.open('popup.html');
    expect((await sendRequest(popup, 'accounts.add', { uri: totpLink('While expired', 'GEZDGNBVGY3TQOJQ') })).ok).toBe(true);
    await popup.close();
    await page.bringToFront();
    await waitFor(page, () => document.querySelector('[data-testid="nav-backup-alert"]') !== null, { what: 'the menu alert', timeout: 30_000 });
    // The new account shows too; and Backup & recovery says what is wrong, still without reload.
    expect(await shownIssuers(page)).toContain('While expired');
    await page.evaluate(() => (location.hash = 'backup'));
    await waitForText(page, 'Your Microsoft sign-in has expired');
    expect(await isSameDocument(page)).toBe(true);
  });

  it('left open on Backup & recovery, the vault locks when its time is up and the tab shows the unlock screen', async () => {
    const security = await a.open('options.html#security');
    await waitFor(security, () => !(document.querySelector<HTMLSelectElement>('select[name="autoLock"]')?.disabled ?? true), { what: 'auto-lock setting' });
    await security.select('select[name="autoLock"]', String(SHORTEST_AUTO_LOCK_MINUTES));
    await waitForText(security, 'Saved');
    const savedAt = Date.now(); // the last activity was just before this
    await security.close();
    // The tab sits on Backup & recovery; nobody touches anything. Its status refreshes
    // (every 2 s) must not count as activity: let a few of them run first.
    await page.bringToFront();
    await page.evaluate(() => (location.hash = 'backup'));
    await waitFor(page, () => !!document.querySelector('[data-testid="backup-card"]'), { what: 'Backup & recovery' });
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    // Then the extension's clock (test builds) moves to about 3 s before the deadline, with
    // the jump not counted as activity: the real auto-lock alarm moves with the deadline and
    // fires. Had a refresh counted as activity, the deadline would be a minute away.
    const jump = SHORTEST_AUTO_LOCK_MINUTES * 60_000 - (Date.now() - savedAt) - 3_000;
    expect((await sendRequest(page, 'test.clock.set', { offsetMs: jump, keepUnlocked: false })).ok).toBe(true);
    await waitFor(page, () => !!document.querySelector('main h1') && !!document.querySelector('input[name="password"]'), {
      what: 'the unlock screen',
      timeout: 30_000,
    });
    expect(await page.$eval('main h1', (h) => h.textContent)).toBe('Unlock');
    expect(await isSameDocument(page)).toBe(true);
    expect(((await sendRequest(page, 'vault.status', {})).value as { state: string }).state).toBe('locked');
  });
});
