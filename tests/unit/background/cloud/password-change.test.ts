import { describe, expect, it } from 'vitest';
import { backupKeySlots, openBackup, openBackupWithKey, VaultKeyMismatchError } from '../../../../lib/backup';
import { changePassword, keySlotsOf, parseVaultFile, sameKeySlots } from '../../../../lib/vault';
import type { SyncState } from '../../../../lib/sync/sync-state';
import { FakeDrive } from '../../sync/fake-drive';
import { ACCOUNT } from '../../sync/sync-fixtures';
import { createFakePorts, type FakePorts } from '../fake-ports';
import { expectFailure, PASSWORD, send, sendOk, sessionMasterKey } from '../harness';

/*
 * The bug of issue 8: a password change wrote the vault alone, so with backup on
 * the cloud kept the old slot — recovery with the new password failed and the
 * old one still opened the cloud copy. Every vault change now goes through one
 * write path that stores the vault and its pending upload together.
 */

const NEW_PASSWORD = 'a brand new password, long enough';

/** A device: fake background ports whose cloud is `drive`, acting as `name`. */
function device(drive: FakeDrive, name: string, seed: number): FakePorts {
  const ports = createFakePorts({ seed });
  ports.cloud = { configured: true, graph: () => drive.client(name), scheduleRetry: async () => undefined, signOut: async () => undefined };
  return ports;
}

async function deviceWithBackup(drive: FakeDrive): Promise<FakePorts> {
  const a = device(drive, 'A', 11);
  await sendOk(a, 'vault.create', { password: PASSWORD });
  await sendOk(a, 'accounts.add', { draft: { issuer: 'Example', accountName: 'alice', secret: 'JBSWY3DPEHPK3PXP' } });
  await sendOk(a, 'cloud.connect', { account: ACCOUNT });
  await sendOk(a, 'cloud.enable', {});
  expect(drive.current).not.toBeNull();
  return a;
}

/** A second device, recovered from the backup with `PASSWORD`. */
async function restoredDevice(drive: FakeDrive, name: string, seed: number): Promise<FakePorts> {
  const ports = device(drive, name, seed);
  await sendOk(ports, 'cloud.connect', { account: ACCOUNT });
  await sendOk(ports, 'recovery.restore', { password: PASSWORD });
  return ports;
}

const syncState = (ports: FakePorts) => ports.local.peek('cloud-backup') as SyncState;

describe('a password change with backup on', () => {
  it('queues the upload of the new slot in the same single storage write as the vault', async () => {
    const drive = new FakeDrive();
    const a = await deviceWithBackup(drive);
    const writesBefore = a.local.writes;
    const before = syncState(a);
    expect(before.outbox).toBeNull();

    await sendOk(a, 'vault.change-password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });

    expect(a.local.writes - writesBefore).toBe(1);
    const vault = parseVaultFile(a.local.peek('vault'));
    const state = syncState(a);
    expect(state.outbox).not.toBeNull();
    expect(state.revision).toBe(before.revision + 1);
    // The queued backup carries exactly the vault's new slots.
    expect(await sameKeySlots(backupKeySlots(state.outbox!.text), keySlotsOf(vault))).toBe(true);
    expect(a.syncRequests).toBeGreaterThan(0);
  });

  it('device B recovers with the new password; the old one is refused', async () => {
    const drive = new FakeDrive();
    const a = await deviceWithBackup(drive);
    await sendOk(a, 'vault.change-password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    await sendOk(a, 'cloud.sync-now', {});
    expect(syncState(a).outbox).toBeNull();

    const b = device(drive, 'B', 12);
    await sendOk(b, 'cloud.connect', { account: ACCOUNT });
    expectFailure(await send(b, 'recovery.restore', { password: PASSWORD }), 'wrong-password');
    expect(b.local.peek('vault')).toBeUndefined();
    expect(await sendOk(b, 'recovery.restore', { password: NEW_PASSWORD })).toEqual({ restored: 1 });
    // B shares A's key and its new password.
    expect(sessionMasterKey(b)).toBe(sessionMasterKey(a));
    await sendOk(b, 'vault.lock', {});
    expectFailure(await send(b, 'vault.unlock', { password: PASSWORD }), 'wrong-password');
    await sendOk(b, 'vault.unlock', { password: NEW_PASSWORD });
  });

  it('sync uploads a slot the cloud lacks even when nothing else changed (a vault left so by an older version)', async () => {
    const drive = new FakeDrive();
    const a = await deviceWithBackup(drive);
    const eTag = drive.current!.eTag;
    // What the old code did: the vault re-wrapped and written alone, no upload queued.
    const key = Uint8Array.from(Buffer.from(sessionMasterKey(a), 'base64'));
    const rewrapped = await changePassword(parseVaultFile(a.local.peek('vault')), key, NEW_PASSWORD, { random: a.random });
    await a.local.set('vault', rewrapped);
    expect(syncState(a).outbox).toBeNull();

    await sendOk(a, 'cloud.sync-now', {});

    expect(drive.current!.eTag).not.toBe(eTag);
    expect(await sameKeySlots(backupKeySlots(drive.current!.text), keySlotsOf(rewrapped))).toBe(true);
    const b = device(drive, 'B', 13);
    await sendOk(b, 'cloud.connect', { account: ACCOUNT });
    expectFailure(await send(b, 'recovery.restore', { password: PASSWORD }), 'wrong-password');
    await sendOk(b, 'recovery.restore', { password: NEW_PASSWORD });
  });

  it('another device sharing the key adopts the new password at its next sync, and says so until unlocked with it', async () => {
    const drive = new FakeDrive();
    const a = await deviceWithBackup(drive);
    const b = device(drive, 'B', 14);
    await sendOk(b, 'cloud.connect', { account: ACCOUNT });
    await sendOk(b, 'recovery.restore', { password: PASSWORD });

    a.device = { deviceName: 'Laptop', browser: 'Firefox 153' };
    await sendOk(a, 'vault.change-password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    await sendOk(a, 'cloud.sync-now', {});
    await sendOk(b, 'cloud.sync-now', {});

    await sendOk(b, 'vault.lock', {});
    // The locked screen tells B where and when (the backup's header), never silently.
    const told = { browser: 'Firefox 153', at: a.now() };
    expect(await sendOk(b, 'vault.status', {})).toEqual({ state: 'locked', passwordChangedElsewhere: told });
    expectFailure(await send(b, 'vault.unlock', { password: PASSWORD }), 'wrong-password');
    expect(await sendOk(b, 'vault.status', {})).toEqual({ state: 'locked', passwordChangedElsewhere: told });
    await sendOk(b, 'vault.unlock', { password: NEW_PASSWORD });
    await sendOk(b, 'vault.lock', {});
    expect(await sendOk(b, 'vault.status', {})).toEqual({ state: 'locked' });
    // A changed it itself: nothing to tell.
    await sendOk(a, 'vault.lock', {});
    expect(await sendOk(a, 'vault.status', {})).toEqual({ state: 'locked' });
  });
});

describe('change password and re-key', () => {
  it('makes a new master key; the backup is replaced in the same write and opens with the new password only', async () => {
    const drive = new FakeDrive();
    const a = await deviceWithBackup(drive);
    const oldKey = sessionMasterKey(a);
    const oldBackup = drive.current!.text;
    const writesBefore = a.local.writes;

    await sendOk(a, 'vault.rekey', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });

    expect(a.local.writes - writesBefore).toBe(1);
    expect(sessionMasterKey(a)).not.toBe(oldKey);
    expect(syncState(a).outbox).not.toBeNull();
    await sendOk(a, 'cloud.sync-now', {});
    const newBackup = drive.current!.text;
    await expect(openBackup(newBackup, PASSWORD)).rejects.toThrow();
    expect((await openBackup(newBackup, NEW_PASSWORD)).contents.accounts).toHaveLength(1);
    // An old copy (a previous cloud version, an export) opened with the old password yields a key that opens nothing new.
    const { masterKey: fromOldCopy } = await openBackup(oldBackup, PASSWORD);
    await expect(openBackupWithKey(newBackup, fromOldCopy)).rejects.toBeInstanceOf(VaultKeyMismatchError);
    // The session goes on with the new key; the vault unlocks with the new password only.
    await sendOk(a, 'accounts.add', { draft: { issuer: 'After', accountName: 'rekey', secret: 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF' } });
    await sendOk(a, 'vault.lock', {});
    expectFailure(await send(a, 'vault.unlock', { password: PASSWORD }), 'wrong-password');
    await sendOk(a, 'vault.unlock', { password: NEW_PASSWORD });
  });

  it('another device is asked for the new password (never adopts it silently), refuses the old one, and keeps its accounts', async () => {
    const drive = new FakeDrive();
    const a = await deviceWithBackup(drive);
    const b = await restoredDevice(drive, 'B', 15);
    await sendOk(b, 'accounts.add', { draft: { issuer: 'Only on B', accountName: 'bob', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' } });

    await sendOk(a, 'vault.rekey', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    await sendOk(a, 'cloud.sync-now', {});
    const status = await sendOk(b, 'cloud.sync-now', {});
    expect(status.problem).toBe('needs-password');
    // The summary the page shows ("changed in … on …") is readable without any password.
    expect(await sendOk(b, 'recovery.inspect', {})).toMatchObject({ browser: expect.any(String) });

    expectFailure(await send(b, 'cloud.join', { password: PASSWORD }), 'wrong-password');
    await sendOk(b, 'cloud.join', { password: NEW_PASSWORD });
    expect(sessionMasterKey(b)).toBe(sessionMasterKey(a));
    const issuers = (await sendOk(b, 'vault.snapshot', {})).accounts.map((account) => account.issuer).sort();
    expect(issuers).toEqual(['Example', 'Only on B']);
    await sendOk(a, 'cloud.sync-now', {});
    expect((await sendOk(a, 'vault.snapshot', {})).accounts.map((account) => account.issuer).sort()).toEqual(['Example', 'Only on B']);
  });

  it('brings in what another device uploaded before re-keying: nothing is lost and the cloud takes the new key', async () => {
    const drive = new FakeDrive();
    const a = await deviceWithBackup(drive);
    const b = await restoredDevice(drive, 'B', 16);
    await sendOk(b, 'accounts.add', { draft: { issuer: 'Uploaded by B', accountName: 'bob', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' } });
    await sendOk(b, 'cloud.sync-now', {});

    await sendOk(a, 'vault.rekey', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(await sendOk(a, 'cloud.sync-now', {})).toMatchObject({ problem: null, pending: false });
    const issuers = (await openBackup(drive.current!.text, NEW_PASSWORD)).contents.accounts.map((account) => account.issuer).sort();
    expect(issuers).toEqual(['Example', 'Uploaded by B']);
  });

  it('merges what another device uploads after the re-key but before it sees it (the replaced key is kept until lock)', async () => {
    const drive = new FakeDrive();
    const a = await deviceWithBackup(drive);
    const b = await restoredDevice(drive, 'B', 17);

    await sendOk(a, 'vault.rekey', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    await sendOk(b, 'accounts.add', { draft: { issuer: 'Raced by B', accountName: 'bob', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' } });
    await sendOk(b, 'cloud.sync-now', {});
    expect(await sendOk(a, 'cloud.sync-now', {})).toMatchObject({ problem: null, pending: false });
    const issuers = (await openBackup(drive.current!.text, NEW_PASSWORD)).contents.accounts.map((account) => account.issuer).sort();
    expect(issuers).toEqual(['Example', 'Raced by B']);
    // The replaced key goes with the lock.
    await sendOk(a, 'vault.lock', {});
    await sendOk(a, 'vault.unlock', { password: NEW_PASSWORD });
    expect(a.session.peek('unlocked')).not.toHaveProperty('previousMasterKey');
  });
});
