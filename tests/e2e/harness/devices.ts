import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from '../../../tools/browser/launch';
import { signInWithButton, type TestCloud } from './cloud';
import { sendFromPage } from './messages';
import { clickButton, fill, waitFor, waitForText } from './ui';

/*
 * Devices for the multi-device e2e tests: one set up with a vault and backup on,
 * one recovering from the cloud — each step as a person takes it in the options
 * page, except creating the vault and adding accounts (covered on their own).
 */

export type { Answer } from './messages';

/** Sends one request to the background from an extension page, as its client would. */
export const sendRequest = sendFromPage;

/** An otpauth:// link for a test account. */
export const totpLink = (issuer: string, secret: string) =>
  `otpauth://totp/${encodeURIComponent(issuer)}:me?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;

/** The control path of a user's backup file in the emulator. */
export const backupFilePath = (email: string) => `/_emulator/files/${email}/hikae-backup.json`;

/** Polls the cloud's backup file until `done` holds for it (bounded), and returns it. */
export async function waitForBackupFile<T>(cloud: TestCloud, email: string, done: (file: T) => boolean, what: string, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = await cloud.control('GET', backupFilePath(email)).catch(() => null);
    if (last !== null && done(last as T)) return last as T;
    if (Date.now() > deadline) throw new Error(`The cloud backup never showed ${what}. Last seen: ${JSON.stringify(last).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The account count the cloud's backup announces in its clear summary. */
export const cloudAccounts = (file: { summary?: { accountCount?: number } }) => file.summary?.accountCount ?? -1;

/**
 * A device with a vault (`password`), the given accounts, signed in as `email`
 * with backup switched on, and its first upload done.
 */
export async function setUpBackedUpDevice(ext: ExtensionBrowser, cloud: TestCloud, { password, email, links }: { password: string; email: string; links: string[] }): Promise<void> {
  const setup = await ext.open('options.html');
  const created = await sendRequest(setup, 'vault.create', { password });
  if (!created.ok) throw new Error(`vault.create failed: ${JSON.stringify(created.error)}`);
  for (const uri of links) {
    const added = await sendRequest(setup, 'accounts.add', { uri });
    if (!added.ok) throw new Error(`accounts.add failed: ${JSON.stringify(added.error)}`);
  }
  await setup.close();
  const backup = await ext.open('options.html#backup');
  // Signing in for backup turns backup on: one action, as a person does it.
  await signInWithButton(ext, backup, 'Sign in with Microsoft and turn on backup', email);
  await waitForText(backup, 'Signed in as');
  await waitForText(backup, 'Your backup is up to date.', 30_000);
  await backup.close();
  await waitForBackupFile(cloud, email, (file: { summary?: { accountCount?: number } }) => cloudAccounts(file) === links.length, `${links.length} accounts`);
}

/** On a device without a vault: Backup & recovery, sign in, the backup's summary shown; returns the page. */
export async function openRecovery(ext: ExtensionBrowser, email: string): Promise<Page> {
  const recovery = await ext.open('options.html#recovery');
  await signInWithButton(ext, recovery, 'Sign in with Microsoft to restore', email, '[data-testid="recovery"]');
  await waitFor(recovery, () => document.querySelector('[data-testid="backup-summary"]') !== null, { what: 'backup summary' });
  return recovery;
}

/** Types the backup password and presses Restore, as a person would. */
export async function restoreWith(recovery: Page, password: string): Promise<void> {
  await fill(recovery, 'backup-password', password);
  await clickButton(recovery, 'Restore');
}

/** Restores with `password` and waits until the page has moved on to the accounts. */
export async function recoverWith(recovery: Page, password: string): Promise<void> {
  await restoreWith(recovery, password);
  await waitFor(recovery, () => location.hash === '#accounts', { what: 'restored' });
}
