import { describe, expect, it } from 'vitest';
import type { SignedInAccount } from '../../../../lib/auth/signed-in-account';
import { PASSWORD_CHECK_ITEM } from '../../../../lib/storage';
import { FakeDrive } from '../../sync/fake-drive';
import { createFakePorts, type FakePorts } from '../fake-ports';
import { expectFailure, PASSWORD, rememberSecret, send, sendOk } from '../harness';

/*
 * The password policy in the background (docs/security.md, "Password policy"):
 * a new password the page reports weak is refused; the verdict is kept for the
 * current password slot; a vault whose password is known to be weak can't turn
 * on backup or write an encrypted export until the password is changed.
 */

const WEAK = 'password1';
const STRONG = 'a different, longer passphrase';
rememberSecret(WEAK);
rememberSecret(STRONG);
const ALICE: SignedInAccount = { homeAccountId: 'alice-home', username: 'alice@example.com', name: 'Alice' };

function withCloud(ports: FakePorts, drive: FakeDrive): void {
  ports.cloud = { configured: true, graph: () => drive.client('this device'), scheduleRetry: async () => undefined, signOut: async () => undefined };
}

async function statusCheck(ports: FakePorts) {
  return (await sendOk(ports, 'vault.status', {})).passwordCheck;
}

describe('new passwords', () => {
  it.each([
    ['vault.create', 0],
    ['vault.create', 2],
  ] as const)('%s with score %i is refused; nothing is stored', async (type, score) => {
    const ports = createFakePorts();
    expectFailure(await send(ports, type, { password: WEAK, score }), 'weak-password');
    expect(ports.local.dump()).toEqual({});
  });

  it.each([
    [3, 'meets-policy'],
    [4, 'meets-policy'],
    [undefined, 'unchecked'],
  ] as const)('vault.create with score %s → %s', async (score, state) => {
    const ports = createFakePorts();
    await sendOk(ports, 'vault.create', score === undefined ? { password: PASSWORD } : { password: PASSWORD, score });
    expect(await statusCheck(ports)).toBe(state);
  });

  it('a password change reported weak is refused and the old password still opens', async () => {
    const ports = createFakePorts();
    await sendOk(ports, 'vault.create', { password: PASSWORD, score: 4 });
    expectFailure(await send(ports, 'vault.change-password', { currentPassword: PASSWORD, newPassword: WEAK, score: 1 }), 'weak-password');
    await sendOk(ports, 'vault.lock', {});
    await sendOk(ports, 'vault.unlock', { password: PASSWORD });
    expect(await statusCheck(ports)).toBe('meets-policy');
  });
});

describe('an existing vault with a weak password', () => {
  /** A vault made before the policy (no score), then judged weak on its next unlock. */
  async function weakVault() {
    const ports = createFakePorts();
    await sendOk(ports, 'vault.create', { password: WEAK });
    expect(await statusCheck(ports)).toBe('unchecked');
    expect((await sendOk(ports, 'vault.check-password', { password: WEAK, score: 0 })).passwordCheck).toBe('weak');
    const drive = new FakeDrive();
    withCloud(ports, drive);
    await sendOk(ports, 'cloud.connect', { account: ALICE });
    return { ports, drive };
  }

  it('a verdict for a password that is not the vault\'s is refused and not kept', async () => {
    const ports = createFakePorts();
    await sendOk(ports, 'vault.create', { password: PASSWORD });
    expectFailure(await send(ports, 'vault.check-password', { password: WEAK, score: 0 }), 'wrong-password');
    expect(ports.local.peek(PASSWORD_CHECK_ITEM.key)).toBeUndefined();
  });

  it.each([
    ['cloud.enable', {}],
    ['export.file', { format: 'hikae-encrypted', password: WEAK }],
  ] as const)('%s is refused with password-change-required; nothing is uploaded', async (type, payload) => {
    const { ports, drive } = await weakVault();
    const before = ports.local.dump();
    expectFailure(await send(ports, type, payload as never), 'password-change-required');
    expect(ports.local.dump()).toEqual(before);
    expect(drive.current).toBeNull();
  });

  it('a plain export (not protected by the password) is still allowed', async () => {
    const { ports } = await weakVault();
    await sendOk(ports, 'export.file', { format: 'otpauth-uri-list', password: WEAK });
  });

  it('after a change to a strong password, backup and the encrypted export work', async () => {
    const { ports, drive } = await weakVault();
    await sendOk(ports, 'vault.change-password', { currentPassword: WEAK, newPassword: STRONG, score: 4 });
    expect(await statusCheck(ports)).toBe('meets-policy');
    await sendOk(ports, 'cloud.enable', {});
    expect(drive.current).not.toBeNull();
    await sendOk(ports, 'export.file', { format: 'hikae-encrypted', password: STRONG });
  });

  it('a password changed without a verdict (another device\'s slot) is unchecked again, not "weak"', async () => {
    const { ports } = await weakVault();
    await sendOk(ports, 'vault.change-password', { currentPassword: WEAK, newPassword: STRONG });
    expect(await statusCheck(ports)).toBe('unchecked');
  });
});
