import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithButton, startTestCloud, TEST_USERS, type TestCloud } from './harness/cloud';
import { BROWSERS } from '../../tools/browser/config';
import { launchWithExtension, type ExtensionBrowser } from '../../tools/browser/launch';
import { clickButton, fill, waitFor, waitForText } from './harness/ui';
import { sendFromPage as send } from './harness/messages';

/*
 * The article's troubleshooting cases, each with its message and way out, in
 * each browser: throttling and outages retried (Retry-After honoured), an
 * expired sign-in renewed silently or — without a session — the red badge and
 * "Sign in again", a deleted backup re-created on request, a worker killed with
 * an upload pending, two devices editing at once, recovery next to existing
 * accounts, a tampered backup, and sign-in surviving a browser restart.
 */

const PASSWORD = 'troubleshooting password';
const USER = TEST_USERS.alice.email;
const FILE = `/_emulator/files/${USER}/hikae-backup.json`;
const uri = (issuer: string, secret: string) => `otpauth://totp/${encodeURIComponent(issuer)}:me?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;
const SECRETS = ['JBSWY3DPEHPK3PXP', 'KRUGS4ZANFZSAYJAORSXG5BA', 'GEZDGNBVGY3TQOJQ', 'MFRGGZDFMZTWQ2LK', 'ONSWG4TFOQ2DQOJQ', 'NBSWY3DPO5XXE3DE', 'MZXW6YTBOI4DQNZQ', 'KNSGC4TDNBQXEZLS'];

/** The account count the cloud's backup announces in its clear summary. */
async function cloudAccountCount(cloud: TestCloud): Promise<number> {
  const file = (await cloud.control('GET', FILE)) as { summary: { accountCount: number } };
  return file.summary.accountCount;
}

async function waitForCloudCount(cloud: TestCloud, count: number, timeoutMs = 45_000, page?: Page): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  while (Date.now() < deadline) {
    last = await cloudAccountCount(cloud).catch(() => -1);
    if (last === count) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  const shown = page ? await page.evaluate(() => document.querySelector('[data-testid="backup-card"]')?.textContent ?? '').catch(() => '') : '';
  const log = JSON.stringify(await cloud.control('GET', '/_emulator/log').catch(() => null)).slice(-3000);
  throw new Error(`The cloud backup never reached ${count} accounts (last seen: ${last}). ${shown}\n${log}`);
}

async function badgeText(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));
}

describe.each(BROWSERS)('backup troubleshooting in %s', (kind) => {
  let cloud: TestCloud;
  let ext: ExtensionBrowser;
  let page: Page;
  let added = 0;

  async function addAccount(on: Page = page): Promise<void> {
    const result = await send(on, 'accounts.add', { uri: uri(`Service ${added}`, SECRETS[added % SECRETS.length]! + 'A'.repeat(Math.floor(added / SECRETS.length) * 8)) });
    expect(result.ok).toBe(true);
    added += 1;
  }

  beforeAll(async () => {
    cloud = await startTestCloud();
    ext = await launchWithExtension(kind);
    page = await ext.open('options.html#backup');
    await send(page, 'vault.create', { password: PASSWORD });
    await addAccount();
    await addAccount();
    // A fresh tab, not a reload: Firefox never reports the load of a moz-extension://
    // page, so page.reload() waits out its 30 s timeout (tools/browser/pages.ts).
    await page.close();
    page = await ext.open('options.html#backup');
    await signInWithButton(ext, page, 'Sign in with Microsoft and turn on backup', USER);
    await waitForText(page, 'Signed in as');
    await waitForText(page, 'Your backup is up to date.', 30_000);
    expect(await cloudAccountCount(cloud)).toBe(2);
  });
  afterAll(async () => {
    await ext?.close();
    await cloud?.close();
  });

  it.each([
    { status: 429, problem: 'throttled' },
    { status: 503, problem: 'server-error' },
  ])('$status with Retry-After: says so, keeps the change, retries by itself', async ({ status, problem }) => {
    // Retry-After long enough for the page (which refreshes its status every 2 s) to show the problem.
    await cloud.control('POST', '/_emulator/faults', { method: 'PUT', pathIncludes: 'approot', kind: 'status', status, retryAfterSeconds: 8, count: 1 });
    const started = Date.now();
    await addAccount();
    await waitFor(page, new Function(`return document.querySelector('[data-testid="backup-status"]')?.getAttribute('data-problem') === ${JSON.stringify(problem)}`) as () => boolean, { what: problem, timeout: 20_000 });
    expect(await cloudAccountCount(cloud)).toBe(added - 1);
    await waitForCloudCount(cloud, added);
    // Not before the server said it could take it again.
    expect(Date.now() - started).toBeGreaterThanOrEqual(8_000);
    await waitForText(page, 'Your backup is up to date.', 20_000);
  });

  it('an expired refresh token with a live sign-in session is renewed silently', async () => {
    await cloud.control('POST', '/_emulator/tokens/expire', { user: USER, kind: 'all' });
    await addAccount();
    await waitForCloudCount(cloud, added);
    expect(await badgeText(page)).toBe('');
  });

  it('without a session: red badge and popup alert, then "Sign in again" catches up', async () => {
    await cloud.control('POST', '/_emulator/sessions/end', { user: USER });
    await cloud.control('POST', '/_emulator/tokens/expire', { user: USER, kind: 'all' });
    await addAccount();
    await waitForText(page, 'Your Microsoft sign-in has expired', 30_000);
    expect(await badgeText(page)).toBe('!');
    const popup = await ext.open('popup.html');
    await waitFor(popup, () => document.querySelector('[data-testid="backup-alert"]') !== null, { what: 'popup alert' });
    await popup.close();
    await page.bringToFront();
    await signInWithButton(ext, page, 'Sign in again', USER);
    await waitForCloudCount(cloud, added, 30_000, page);
    await waitForText(page, 'Your backup is up to date.', 20_000);
    expect(await badgeText(page)).toBe('');
  });

  it('a backup deleted in the cloud is detected and re-created on request', async () => {
    await cloud.control('DELETE', FILE);
    await addAccount();
    await waitForText(page, 'The backup was deleted from OneDrive', 30_000);
    await clickButton(page, 'Back up again');
    await waitForCloudCount(cloud, added);
    await waitForText(page, 'Your backup is up to date.', 20_000);
  });

  it('a change made while offline reaches the cloud even though the background was stopped', async () => {
    // Offline until further notice: the change waits, said so.
    await cloud.control('POST', '/_emulator/faults', { method: 'PUT', pathIncludes: 'approot', kind: 'network', count: 1000 });
    await addAccount();
    await waitFor(page, () => document.querySelector('[data-testid="backup-status"]')?.getAttribute('data-problem') === 'offline', { what: 'offline', timeout: 20_000 });
    await waitForText(page, 'Offline — will back up when the connection returns.');
    // The background dies with the upload pending; the connection comes back.
    await page.close();
    await ext.stopBackground();
    await cloud.control('DELETE', '/_emulator/faults');
    page = await ext.open('options.html#backup');
    await waitForCloudCount(cloud, added);
  });

  it('two devices editing: merged, nothing lost, no deletion undone', async () => {
    const other = await launchWithExtension(kind);
    try {
      const recovery = await other.open('options.html#recovery');
      await signInWithButton(other, recovery, 'Sign in with Microsoft to restore', USER);
      await waitFor(recovery, () => document.querySelector('[data-testid="backup-summary"]') !== null, { what: 'summary' });
      await fill(recovery, 'backup-password', PASSWORD);
      await clickButton(recovery, 'Restore');
      await waitFor(recovery, () => location.hash === '#accounts', { what: 'restored' });
      const otherPage = await other.open('options.html#backup');

      // Device A adds one; device B deletes the first account and adds another.
      const snapshot = (await send(otherPage, 'vault.snapshot', {})).value as { accounts: { id: string; issuer: string }[] };
      const deleted = snapshot.accounts[0]!;
      expect((await send(otherPage, 'accounts.delete', { id: deleted.id })).ok).toBe(true);
      expect((await send(otherPage, 'accounts.add', { uri: uri('Only on B', 'MFZWIZLTOQ3DQOJQ') })).ok).toBe(true);
      await addAccount();
      // Both sync (each "Back up now"), then A once more to pull B's changes.
      for (const p of [page, otherPage, page]) {
        await p.bringToFront();
        await send(p, 'cloud.sync-now', {});
      }
      const titles = async (p: Page) => ((await send(p, 'vault.snapshot', {})).value as { accounts: { issuer: string }[] }).accounts.map((a) => a.issuer).sort();
      const onA = await titles(page);
      await send(otherPage, 'cloud.sync-now', {});
      const onB = await titles(otherPage);
      expect(onA).toEqual(onB);
      expect(onA).toContain('Only on B');
      expect(onA).toContain(`Service ${added - 1}`);
      expect(onA).not.toContain(deleted.issuer);
      expect(await cloudAccountCount(cloud)).toBe(onA.length);
    } finally {
      await other.close();
    }
  });

  it('recovery next to existing accounts skips what is already here, and a tampered backup changes nothing', async () => {
    const other = await launchWithExtension(kind);
    try {
      const setup = await other.open('options.html');
      await send(setup, 'vault.create', { password: 'another device password' });
      // An account the backup also holds (same issuer and name), with a different secret.
      const [existing, twin] = ((await send(page, 'vault.snapshot', {})).value as { accounts: { issuer: string }[] }).accounts;
      expect((await send(setup, 'accounts.add', { uri: uri(existing!.issuer, 'NNSXS3DFOJQWY3DF') })).ok).toBe(true);
      // And one under another name with the same secret as a backup's account: a true duplicate.
      const twinNumber = Number(twin!.issuer.replace('Service ', ''));
      const twinSecret = SECRETS[twinNumber % SECRETS.length]! + 'A'.repeat(Math.floor(twinNumber / SECRETS.length) * 8);
      expect((await send(setup, 'accounts.add', { uri: uri('Renamed here', twinSecret) })).ok).toBe(true);
      const recovery = await other.open('options.html#backup');
      await signInWithButton(other, recovery, 'Sign in with Microsoft to restore', USER, '[data-testid="recovery"]');
      await waitFor(recovery, () => document.querySelector('[data-testid="backup-summary"]') !== null, { what: 'summary' });
      await fill(recovery, 'backup-password', PASSWORD);
      await clickButton(recovery, 'Check what will be restored');
      await waitFor(recovery, () => document.querySelectorAll('[data-testid="skipped-account"]').length === 2, { what: 'plan' });
      // Same name, another key: a warning with every choice; the same key: no "Keep both" (it would only double the codes).
      const listed = await recovery.$$eval('[data-testid="skipped-account"]', (items) =>
        items.map((item) => ({ text: item.textContent ?? '', choices: Array.from(item.querySelectorAll('option'), (o) => o.textContent) })));
      expect(listed.map((l) => l.choices)).toEqual([['Keep mine', 'Keep both', 'Replace mine'], ['Keep mine', 'Replace mine']]);
      expect(listed[0]!.text).toContain('Same issuer and name as one here, with another key');
      expect(listed[1]!.text).toContain('The same key as one here: the same codes.');
      await recovery.click('[data-testid="restore-plan"] button.primary');
      await waitForText(recovery, 'skipped.');
      const after = ((await send(setup, 'vault.snapshot', {})).value as { accounts: { issuer: string }[] }).accounts;
      expect(after.filter((a) => a.issuer === existing!.issuer)).toHaveLength(1);

      // Tamper with the cloud copy: one byte of the ciphertext.
      const file = (await cloud.control('GET', FILE)) as { payload: { ciphertext: string } };
      const bytes = Buffer.from(file.payload.ciphertext, 'base64');
      bytes[10] = bytes[10]! ^ 0x01;
      file.payload.ciphertext = bytes.toString('base64');
      await cloud.control('PUT', FILE, JSON.stringify(file));
      const before = JSON.stringify(await other.readStorage('local'));
      await recovery.close(); // a fresh tab, not a reload (see beforeAll)
      const again = await other.open('options.html#backup');
      await clickButton(again, 'Begin recovery');
      await waitFor(again, () => document.querySelector('[data-testid="backup-summary"]') !== null, { what: 'summary' });
      await fill(again, 'backup-password', PASSWORD);
      await clickButton(again, 'Check what will be restored');
      await waitForText(again, 'The backup is damaged or was tampered with. Nothing was changed.');
      expect(JSON.stringify(await other.readStorage('local'))).toBe(before);
    } finally {
      await other.close();
    }
  });

  it('sign-in survives a browser restart: the next change is backed up without signing in', async () => {
    // Repair the cloud copy first (the previous test tampered with it).
    await page.bringToFront();
    await send(page, 'cloud.recreate', {});
    const profileDir = ext.profileDir;
    await ext.close();
    ext = await launchWithExtension(kind, { profileDir });
    page = await ext.open('options.html#backup');
    await fill(page, 'password', PASSWORD);
    await page.keyboard.press('Enter');
    await waitForText(page, 'Signed in as');
    await addAccount();
    await waitForCloudCount(cloud, ((await send(page, 'vault.snapshot', {})).value as { accounts: unknown[] }).accounts.length);
    await waitForText(page, 'Your backup is up to date.', 20_000);
  });
});
