import { describe, expect, it } from 'vitest';
import { CloudNotConfiguredError, SignInRequiredError } from '../../../lib/auth/errors';
import { mergeContents, openBackupWithKey, toBackupAccount, type BackupContents } from '../../../lib/backup';
import { cloudStatus } from '../../../lib/sync/cloud-status';
import { syncNow } from '../../../lib/sync/sync-engine';
import { graphErrors } from './fake-drive';
import { createFakeSyncPorts, T0 } from './fake-sync-ports';
import { acc, ACCOUNT, addAccount, changeVault, cloudOf, contentsOf, devicesInSync, idsOf, removeAccount } from './sync-fixtures';

/*
 * Bugs found while testing lib/sync (and lib/backup's merge as the sync uses it).
 * Each test states what SHOULD happen and fails until the bug is fixed.
 */

const BASE = [acc('a'), acc('b'), acc('c')];

describe('BUG: two devices that deleted different accounts never stop uploading (lib/backup/merge.ts)', () => {
  it('after both devices merged, further passes upload nothing', async () => {
    const { drive, a, b } = await devicesInSync(BASE);
    await changeVault(b.ports, removeAccount('c'));
    await syncNow(b.ports);
    await changeVault(a.ports, removeAccount('a'));
    await syncNow(a.ports); // 412 → merge → upload: the cloud has both deletions.
    await syncNow(b.ports); // B merges the cloud's version: same accounts, same tombstones.

    drive.calls.length = 0;
    await syncNow(a.ports);
    await syncNow(b.ports);
    await syncNow(a.ports);

    // Nothing changed anywhere: each periodic check should only download.
    expect(drive.calls.map((c) => `${c.client}:${c.op}`)).toEqual(['A:download', 'B:download', 'A:download']);
  });

  it('mergeContents: the same tombstones in another order are no change', () => {
    const local = contentsOf([acc('b')]);
    local.tombstones = [
      { id: 'a', deletedAt: T0 + 2 },
      { id: 'c', deletedAt: T0 + 1 },
    ];
    const cloud: BackupContents = {
      source: { deviceName: 'B', browser: 'Test browser 2', createdAt: T0 + 2 },
      accounts: local.accounts.map(toBackupAccount),
      settings: local.settings,
      tombstones: [...local.tombstones].reverse(),
    };

    const { changes } = mergeContents(local, cloud, { now: T0 + 3 });

    expect(changes).toMatchObject({ localChanged: false, remoteOutdated: false });
  });
});

describe('BUG: a problem stays after a pass that succeeds with nothing to upload (lib/sync/sync-engine.ts)', () => {
  it.each([
    { name: 'offline', fault: graphErrors.network },
    { name: 'throttled', fault: () => graphErrors.throttled(5) },
    { name: 'server-error', fault: graphErrors.server },
    { name: 'sign-in-required', fault: () => new SignInRequiredError('expired') },
  ])('$name, then the network/sign-in is back and the cloud is unchanged → no problem, not behind', async ({ fault }) => {
    const { drive, a } = await devicesInSync(BASE);
    drive.failNext('download', fault);
    const failed = await syncNow(a.ports);
    expect(failed.problem).not.toBeNull();
    a.ports.advance(60_000);

    const recovered = await syncNow(a.ports);

    expect(drive.callsOf('download').at(-1)?.outcome).toBe('ok');
    expect(recovered.problem).toBeNull();
    expect(recovered.retry).toBeNull();
    expect(cloudStatus(recovered, a.ports.now())).toEqual({ behind: false, reason: null });
  });
});

describe('BUG: the engine writes the sync state outside the vault lock and can drop a change queued meanwhile (lib/sync/sync-engine.ts)', () => {
  it('a change queued between the upload’s state read and its write stays pending (or gets uploaded)', async () => {
    const { drive, a } = await devicesInSync(BASE);
    await changeVault(a.ports, addAccount(acc('first')));
    // The upload succeeds; right after the engine re-reads the state, the user adds an account (vault lock, outbox queued).
    drive.duringNextUpload(async () => a.ports.afterNextRead(() => changeVault(a.ports, addAccount(acc('racing')))));

    await syncNow(a.ports);
    await a.ports.settle();
    const state = a.ports.peekState();

    const inCloud = idsOf(await cloudOf(drive, a.masterKey)).includes('racing');
    const inOutbox = state.outbox !== null && idsOf(await openBackupWithKey(state.outbox.text, a.masterKey)).includes('racing');
    expect({ inCloud, inOutbox }, 'the new account is in the vault but neither in the cloud nor pending').not.toEqual({ inCloud: false, inOutbox: false });
  });

  it('a change queued while a failure is recorded keeps its newer outbox and revision', async () => {
    const { drive, a } = await devicesInSync(BASE);
    await changeVault(a.ports, addAccount(acc('first')));
    const queued = a.ports.peekState().revision;
    drive.failNext('upload', () => {
      a.ports.afterNextRead(() => changeVault(a.ports, addAccount(acc('racing'))));
      return graphErrors.network();
    });

    await syncNow(a.ports);
    await a.ports.settle();
    const state = a.ports.peekState();

    expect(state.revision).toBe(queued + 1);
    expect(state.outbox?.revision).toBe(queued + 1);
    expect(idsOf(await openBackupWithKey(state.outbox?.text ?? '', a.masterKey))).toContain('racing');
  });
});

describe('BUG: syncNow throws when no Graph client can be made, though documented "never throws" (lib/sync/sync-engine.ts)', () => {
  it('resolves with a state when ports.graph() throws', async () => {
    const ports = createFakeSyncPorts({
      graph: () => {
        throw new CloudNotConfiguredError();
      },
      state: { enabled: true, account: ACCOUNT },
    });

    await expect(syncNow(ports)).resolves.toMatchObject({ enabled: true });
  });
});
