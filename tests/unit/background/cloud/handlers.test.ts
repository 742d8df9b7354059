import { describe, expect, it } from 'vitest';
import { SYNC_STORAGE_KEY } from '../../../../lib/background/core';
import type { Payload } from '../../../../lib/messaging/protocol';
import type { SignedInAccount } from '../../../../lib/auth/signed-in-account';
import { FakeDrive, graphErrors } from '../../sync/fake-drive';
import { createFakePorts, type FakePorts } from '../fake-ports';
import { draftFor, expectFailure, send, sendOk, sessionMasterKey, storedContents, useSharedVault } from '../harness';

/*
 * Cloud actions that change where the backup goes, or delete it, need the vault
 * unlocked: someone at a locked browser can't delete the backup, sign it out or
 * point it at their own account. Before first run there is no vault to protect.
 */

const ALICE: SignedInAccount = { homeAccountId: 'alice-home', username: 'alice@example.com', name: 'Alice' };
const MALLORY: SignedInAccount = { homeAccountId: 'mallory-home', username: 'mallory@example.com', name: 'Mallory' };

/** Gives the ports a configured cloud backed by `drive`, recording sign-outs. */
function withCloud(ports: FakePorts, drive: FakeDrive): { signedOut: SignedInAccount[] } {
  const signedOut: SignedInAccount[] = [];
  ports.cloud = {
    configured: true,
    graph: () => drive.client('this device'),
    scheduleRetry: async () => undefined,
    signOut: async (account) => {
      signedOut.push(account);
    },
  };
  return { signedOut };
}

const vault = useSharedVault();

type Case = { [T in 'cloud.connect' | 'cloud.disable' | 'cloud.sign-out']: [T, Payload<T>] }['cloud.connect' | 'cloud.disable' | 'cloud.sign-out'];
const CHANGES: Case[] = [
  ['cloud.connect', { account: MALLORY }],
  ['cloud.disable', { deleteRemote: true }],
  ['cloud.disable', { deleteRemote: false }],
  ['cloud.sign-out', {}],
];

describe('cloud actions that change or delete', () => {
  async function backedUp() {
    const { ports } = vault;
    const drive = new FakeDrive();
    const cloud = withCloud(ports, drive);
    await sendOk(ports, 'cloud.connect', { account: ALICE });
    await sendOk(ports, 'cloud.enable', {});
    expect(drive.current).not.toBeNull();
    return { ports, drive, cloud };
  }

  it.each(CHANGES)('%s %j is refused while locked; nothing changes, locally or in the cloud', async (type, payload) => {
    const { ports, drive, cloud } = await backedUp();
    await sendOk(ports, 'vault.lock', {});
    const before = { local: ports.local.dump(), file: drive.current };
    const calls = drive.calls.length;
    expectFailure(await send(ports, type, payload as never), 'locked');
    expect(ports.local.dump()).toEqual(before.local);
    expect(drive.current).toEqual(before.file);
    expect(drive.calls).toHaveLength(calls);
    expect(cloud.signedOut).toEqual([]);
  });

  it.each(CHANGES)('%s %j works once unlocked', async (type, payload) => {
    const { ports, drive, cloud } = await backedUp();
    await sendOk(ports, type, payload as never);
    const state = ports.local.peek(SYNC_STORAGE_KEY) as { account: SignedInAccount | null; enabled: boolean };
    if (type === 'cloud.connect') expect(state.account).toEqual(MALLORY);
    if (type === 'cloud.disable') {
      expect(state.enabled).toBe(false);
      expect(drive.current === null).toBe(payload.deleteRemote);
    }
    if (type === 'cloud.sign-out') {
      expect(state.account).toBeNull();
      expect(cloud.signedOut).toEqual([ALICE]);
    }
  });

  it('before first run (recovery signs in before any vault exists): connect and sign-out work, disable needs a vault', async () => {
    const ports = createFakePorts({ seed: 7 });
    const drive = new FakeDrive();
    const cloud = withCloud(ports, drive);
    expect((await sendOk(ports, 'cloud.connect', { account: ALICE })).account).toEqual({ username: ALICE.username, name: ALICE.name });
    expectFailure(await send(ports, 'cloud.disable', { deleteRemote: true }), 'not-initialized');
    await sendOk(ports, 'cloud.sign-out', {});
    expect(cloud.signedOut).toEqual([ALICE]);
  });
});

describe('sync-state writes hold the vault lock', () => {
  // Issue 9: cloud.sync-now read the state, an account was added (its pending upload
  // written with the vault), then sync-now wrote its stale copy back: the account was
  // in the vault with no pending upload and the revision back where it was.
  it('"Back up now" arriving during an account change keeps the change\'s pending upload', async () => {
    const { ports } = vault;
    const drive = new FakeDrive();
    withCloud(ports, drive);
    await sendOk(ports, 'cloud.connect', { account: ALICE });
    await sendOk(ports, 'cloud.enable', {});
    // Offline from now on: whatever is pending stays pending, so the outbox shows what was kept.
    drive.failAlways('upload', graphErrors.network);
    drive.failAlways('download', graphErrors.network);
    const revisionBefore = (ports.local.peek(SYNC_STORAGE_KEY) as { revision: number }).revision;

    let addDone!: () => void;
    const added = new Promise<void>((resolve) => (addDone = resolve));
    const set = ports.local.set.bind(ports.local);
    let armed = true;
    ports.local.set = async (key, value) => {
      // Hold sync-now's first state write until the add has finished (or 50 event-loop turns
      // have passed, when the lock makes the add wait for it instead).
      if (armed && key === SYNC_STORAGE_KEY) {
        armed = false;
        let turns = 0;
        const spin = async (): Promise<void> => {
          while (turns++ < 50) await new Promise<void>((resolve) => setImmediate(resolve));
        };
        await Promise.race([added, spin()]);
      }
      return set(key, value);
    };
    const syncing = send(ports, 'cloud.sync-now', {});
    const adding = sendOk(ports, 'accounts.add', { draft: draftFor(901) }).then((view) => {
      addDone();
      return view;
    });
    const [account] = await Promise.all([adding, syncing]);
    const state = ports.local.peek(SYNC_STORAGE_KEY) as { revision: number; outbox: { revision: number } | null };
    expect(state.revision).toBeGreaterThan(revisionBefore);
    expect(state.outbox?.revision).toBe(state.revision);
    expect((await storedContents(ports, sessionMasterKey(ports))).accounts.map((a) => a.id)).toContain(account.id);
  });
});
