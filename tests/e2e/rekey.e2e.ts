import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type BrowserKind } from '../../tools/browser/config';
import { launchWithExtension, type ExtensionBrowser } from '../../tools/browser/launch';
import { startTestCloud, TEST_USERS, type TestCloud } from './harness/cloud';
import { openRecovery, recoverWith, setUpBackedUpDevice } from './harness/devices';
import { sendFromPage } from './harness/messages';
import { clickButton, fill, waitForText } from './harness/ui';

/*
 * Issue 9's re-key across devices: A changes its password and replaces the key;
 * B, at its next sync, is not moved silently — it says where and when the
 * password was changed, refuses the old password, takes the new one, and keeps
 * the account only B had.
 */

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a different, longer passphrase';
const THIRD_PASSWORD = 'yet another passphrase, typed on A';
const USER = TEST_USERS.alice.email;
const ON_A = 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const ONLY_ON_B = 'otpauth://totp/Contoso:bob?secret=KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF&issuer=Contoso';

const pairs: [BrowserKind, BrowserKind][] = BROWSERS.length > 1 ? [['firefox', 'chromium'], ['chromium', 'firefox']] : [[BROWSERS[0]!, BROWSERS[0]!]];

describe.each(pairs)('re-key in %s, the other device in %s', (kindA, kindB) => {
  let cloud: TestCloud;
  let a: ExtensionBrowser;
  let b: ExtensionBrowser;

  beforeAll(async () => {
    cloud = await startTestCloud();
    a = await launchWithExtension(kindA);
    b = await launchWithExtension(kindB);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await cloud?.close();
  });

  it('B is asked for the new password, says where it was changed, refuses the old one and keeps its accounts', async () => {
    // A: a vault with one account, backed up; B recovered from it, then an account only B has.
    await setUpBackedUpDevice(a, cloud, { password: PASSWORD, email: USER, links: [ON_A] });
    const recovery = await openRecovery(b, USER);
    await recoverWith(recovery, PASSWORD);
    expect(await sendFromPage(recovery, 'accounts.add', { uri: ONLY_ON_B })).toMatchObject({ ok: true });
    await recovery.close();

    // A: change password and re-key; the backup is replaced.
    const security = await a.open('options.html#security');
    await fill(security, 'current-password', PASSWORD);
    await fill(security, 'new-password', NEW_PASSWORD);
    await fill(security, 'confirm-password', NEW_PASSWORD);
    await security.click('input[name="rekey"]');
    await clickButton(security, 'Change password');
    await waitForText(security, 'Password changed and encryption key replaced.');
    const synced = await sendFromPage(security, 'cloud.sync-now', {});
    expect(synced, JSON.stringify(synced)).toMatchObject({ ok: true, value: { problem: null, pending: false } });
    await security.close();

    // B: its next sync meets a backup of another key.
    const backupB = await b.open('options.html#backup');
    await sendFromPage(backupB, 'cloud.sync-now', {});
    await waitForText(backupB, `The password was changed in ${kindA === 'firefox' ? 'Firefox' : 'Chrom'}`, 30_000);
    await fill(backupB, 'join-password', PASSWORD);
    await clickButton(backupB, 'Join this backup');
    await waitForText(backupB, 'Wrong password for this backup. Nothing was changed.');
    await fill(backupB, 'join-password', NEW_PASSWORD);
    await clickButton(backupB, 'Join this backup');
    await waitForText(backupB, 'Your backup is up to date.', 30_000);
    const issuers = async (ext: ExtensionBrowser) => {
      const page = await ext.open('options.html');
      const answer = await sendFromPage(page, 'vault.snapshot', {});
      await page.close();
      return (answer.value as { accounts: { issuer: string }[] }).accounts.map((account) => account.issuer).sort();
    };
    expect(await issuers(b)).toEqual(['Contoso', 'GitHub']);
    await backupB.close();

    // B now opens with the new password only; A gets B's account at its next sync.
    const lockB = await b.open('options.html');
    await sendFromPage(lockB, 'vault.lock', {});
    expect(await sendFromPage(lockB, 'vault.unlock', { password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'wrong-password' } });
    expect(await sendFromPage(lockB, 'vault.unlock', { password: NEW_PASSWORD })).toMatchObject({ ok: true });
    await lockB.close();
    const syncA = await a.open('options.html');
    await sendFromPage(syncA, 'cloud.sync-now', {});
    await syncA.close();
    expect(await issuers(a)).toEqual(['Contoso', 'GitHub']);
  });

  it('a plain password change on A (no re-key) is told on B\'s locked screen, never adopted silently', async () => {
    const security = await a.open('options.html#security');
    await fill(security, 'current-password', NEW_PASSWORD);
    await fill(security, 'new-password', THIRD_PASSWORD);
    await fill(security, 'confirm-password', THIRD_PASSWORD);
    await clickButton(security, 'Change password');
    await waitForText(security, 'Password changed.');
    expect(await sendFromPage(security, 'cloud.sync-now', {})).toMatchObject({ ok: true, value: { problem: null, pending: false } });
    await security.close();

    const options = await b.open('options.html');
    expect(await sendFromPage(options, 'cloud.sync-now', {})).toMatchObject({ ok: true, value: { problem: null } });
    await sendFromPage(options, 'vault.lock', {});
    await options.close();
    const popup = await b.open('popup.html');
    await waitForText(popup, `Your password was changed in ${kindA === 'firefox' ? 'Firefox' : 'Chrom'}`);
    await fill(popup, 'password', NEW_PASSWORD);
    await popup.keyboard.press('Enter');
    await waitForText(popup, 'Wrong password.');
    await fill(popup, 'password', THIRD_PASSWORD);
    await popup.keyboard.press('Enter');
    await waitForText(popup, 'GitHub');
    await popup.close();
    // Told until used: the next locked screen says nothing more.
    const relock = await b.open('options.html');
    await sendFromPage(relock, 'vault.lock', {});
    expect(await sendFromPage(relock, 'vault.status', {})).toEqual({ ok: true, value: { state: 'locked' } });
    await relock.close();
  });
});
