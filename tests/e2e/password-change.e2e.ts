import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_PAIRS } from '../../tools/browser/config';
import { launchWithExtension, type ExtensionBrowser } from '../../tools/browser/launch';
import { startTestCloud, TEST_USERS, type TestCloud } from './harness/cloud';
import { openRecovery, recoverWith, restoreWith, setUpBackedUpDevice, totpLink, waitForBackupFile } from './harness/devices';
import { clickButton, fill, waitFor, waitForText } from './harness/ui';

/*
 * Issue #8's first finding, end to end: a password change with backup on reaches
 * the cloud by itself (no unrelated edit needed). A new device then recovers with
 * the new password, and the old one is refused with the "wrong password" message.
 * Each browser plays device A once and device B once.
 */

const OLD_PASSWORD = 'the old backup password 1';
const NEW_PASSWORD = 'a brand new backup password 2';
const USER = TEST_USERS.alice.email;
const ISSUER = 'Password change';

type SlotsFile = { slotsGeneration: number; slots: unknown[] };

describe.each(DEVICE_PAIRS)('password change on %s, recovery on %s', (kindA, kindB) => {
  let cloud: TestCloud;
  /** Device A, then device B once it is launched. */
  const devices: ExtensionBrowser[] = [];

  beforeAll(async () => {
    cloud = await startTestCloud();
    devices.push(await launchWithExtension(kindA));
    await setUpBackedUpDevice(devices[0]!, cloud, { password: OLD_PASSWORD, email: USER, links: [totpLink(ISSUER, 'JBSWY3DPEHPK3PXP')] });
  });
  afterAll(async () => {
    for (const device of devices) await device.close();
    await cloud?.close();
  });

  it('device A: the changed password reaches the cloud with no other edit', async () => {
    const before = await waitForBackupFile<SlotsFile>(cloud, USER, () => true, 'a backup');
    const security = await devices[0]!.open('options.html#security');
    await fill(security, 'current-password', OLD_PASSWORD);
    await fill(security, 'new-password', NEW_PASSWORD);
    await fill(security, 'confirm-password', NEW_PASSWORD);
    await clickButton(security, 'Change password');
    await waitForText(security, 'Password changed.');
    await security.close();
    // The new key slot is uploaded: the cloud copy's slot list moves on.
    const after = await waitForBackupFile<SlotsFile>(cloud, USER, (file) => JSON.stringify(file.slots) !== JSON.stringify(before.slots), 'the new key slot');
    expect(after.slotsGeneration).toBeGreaterThan(before.slotsGeneration);
    const backup = await devices[0]!.open('options.html#backup');
    await waitForText(backup, 'Your backup is up to date.', 30_000);
    await backup.close();
  });

  it('device B (a fresh profile): the old password is refused, the new one recovers', async () => {
    const b = await launchWithExtension(kindB);
    devices.push(b);
    const recovery = await openRecovery(b, USER);
    await restoreWith(recovery, OLD_PASSWORD);
    await waitForText(recovery, 'Wrong password for this backup. Nothing was changed.');
    expect(Object.keys(await b.readStorage('local'))).not.toContain('vault');

    await recoverWith(recovery, NEW_PASSWORD);
    await waitFor(recovery, () => [...document.querySelectorAll('[data-testid="account-issuer"]')].map((e) => e.textContent).join('|'), { what: 'restored accounts' });
    const issuers = await recovery.$$eval('[data-testid="account-issuer"]', (els) => els.map((e) => e.textContent));
    expect(issuers).toEqual([ISSUER]);
    // The restored vault opens with the new password too.
    await recovery.close();
    const popup = await b.open('popup.html');
    await waitFor(popup, () => document.querySelectorAll('li.code-row').length === 1, { what: 'codes on device B' });
    await popup.click('[data-testid="lock"]');
    await fill(popup, 'password', NEW_PASSWORD);
    await popup.keyboard.press('Enter');
    await waitFor(popup, () => document.querySelectorAll('li.code-row').length === 1, { what: 'unlocked with the new password' });
    await popup.close();
  });
});
