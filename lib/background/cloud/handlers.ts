import { openBackup } from '../../backup';
import { joinWrite } from '../../sync/join';
import { syncNow } from '../../sync/sync-engine';
import { INITIAL_SYNC_STATE, type SyncState } from '../../sync/sync-state';
import { keySlotsOf, openVault } from '../../vault';
import { CloudSignedOutError } from './errors';
import { toCloudStatusView } from './status-view';
import type { Handler, HandlersFor } from '../core';
import type { BackgroundPorts } from '../core';
import { syncPortsFrom } from './sync-ports-from';
import { readSyncState, updateSyncState } from '../core';
import { requireKey, requirePasswordNotWeak, startSession } from '../vault';
import { readVaultFile, requireVaultFile, writeVault } from '../vault';
import type { CLOUD_REQUESTS } from '../../messaging/requests/cloud';

async function view(ports: BackgroundPorts, state?: SyncState) {
  return toCloudStatusView(state ?? (await readSyncState(ports)), ports.cloud.configured, ports.now());
}

async function requireAccount(ports: BackgroundPorts): Promise<SyncState & { account: NonNullable<SyncState['account']> }> {
  const state = await readSyncState(ports);
  if (!state.account) throw new CloudSignedOutError();
  return state as SyncState & { account: NonNullable<SyncState['account']> };
}

/** Queues a backup of the current vault: the vault written again through the one write path, with `patch`. */
async function queueCurrentVault(ports: BackgroundPorts, patch: Partial<SyncState>): Promise<void> {
  await ports.exclusive(async () => {
    const file = await requireVaultFile(ports);
    const { masterKey } = await requireKey(ports);
    const contents = await openVault(file, masterKey);
    await writeVault(ports, { parts: { masterKey, keySlots: keySlotsOf(file), contents }, cloud: { kind: 'behind' }, patch });
  });
}

/**
 * Changing where the backup goes, or deleting it, is for the person who can
 * unlock the vault: someone at a locked browser must not be able to delete the
 * backup, sign it out or point it at their own account. Before first run there
 * is no vault to protect (the recovery screen signs in before any vault exists).
 */
async function requireUnlockedIfVault(ports: BackgroundPorts): Promise<void> {
  if (await readVaultFile(ports)) await requireKey(ports);
}

export const cloudStatusHandler: Handler<'cloud.status'> = async (_payload, ports) => view(ports);

/** Remembers the account the options page signed in with; a different account starts from scratch. */
export const cloudConnect: Handler<'cloud.connect'> = async ({ account }, ports) => {
  await requireUnlockedIfVault(ports);
  let same = false;
  const next = await updateSyncState(ports, (state) => {
    same = state.account?.homeAccountId === account.homeAccountId;
    return same
      ? { ...state, account, problem: state.problem?.code === 'sign-in-required' ? null : state.problem }
      : { ...INITIAL_SYNC_STATE, enabled: state.enabled, revision: state.revision, account };
  });
  if (same && next.enabled) ports.requestSync();
  return view(ports, next);
};

/** The "Cloud backup" switch, on: back up now (merging with a backup already there). */
export const cloudEnable: Handler<'cloud.enable'> = async (_payload, ports) => {
  await requireAccount(ports);
  // The backup can be attacked offline by anyone who gets the file: not under a password known to be weak.
  await requirePasswordNotWeak(ports);
  await queueCurrentVault(ports, { enabled: true, problem: null, retry: null });
  return view(ports, await syncNow(syncPortsFrom(ports), { force: true }));
};

/**
 * This device meets a backup sealed with another key (made on another device):
 * with that backup's password, merge both and continue with the backup's key and
 * password, so every device can read every other's uploads.
 */
export const cloudJoin: Handler<'cloud.join'> = async ({ password }, ports) => {
  const state = await requireAccount(ports);
  const download = await ports.cloud.graph(state.account).download();
  const { contents: remote, masterKey } = await openBackup(download.text, password);
  await ports.exclusive(async () => {
    const file = await requireVaultFile(ports);
    const { masterKey: localKey, autoLockMinutes } = await requireKey(ports);
    const local = await openVault(file, localKey);
    // The backup's key and slots (authenticated by openBackup: the slots digest is in its AAD).
    await writeVault(ports, await joinWrite(local, { text: download.text, eTag: download.file.eTag, contents: remote, masterKey }, { now: ports.now() }));
    await startSession(ports, masterKey, autoLockMinutes);
  });
  return view(ports, await syncNow(syncPortsFrom(ports), { force: true }));
};

/** "Back up now" / "Retry": one pass, waited for. */
export const cloudSyncNow: Handler<'cloud.sync-now'> = async (_payload, ports) => {
  await requireAccount(ports);
  await updateSyncState(ports, (state) => ({ ...state, retry: null }));
  return view(ports, await syncNow(syncPortsFrom(ports), { force: true }));
};

/**
 * The user's explicit "back up again" / "replace the cloud copy": the backup was
 * deleted, or the one there is damaged. This device's accounts go up as the new
 * backup — over whatever is there now (its current eTag), never blindly.
 */
export const cloudRecreate: Handler<'cloud.recreate'> = async (_payload, ports) => {
  const state = await requireAccount(ports);
  const current = await ports.cloud.graph(state.account).getMetadata();
  await queueCurrentVault(ports, { remote: current ? { eTag: current.eTag } : null, problem: null, retry: null, pendingMerge: false });
  return view(ports, await syncNow(syncPortsFrom(ports), { force: true }));
};

/** The switch, off; optionally deleting the cloud copy. Only with the vault unlocked (the switch exists only with a vault). */
export const cloudDisable: Handler<'cloud.disable'> = async ({ deleteRemote }, ports) => {
  await requireVaultFile(ports);
  await requireKey(ports);
  const state = await readSyncState(ports);
  if (deleteRemote && state.account) await ports.cloud.graph(state.account).remove();
  const next = await updateSyncState(ports, (fresh) => ({ ...fresh, enabled: false, outbox: null, remote: null, problem: null, retry: null, pendingMerge: false }));
  await ports.cloud.scheduleRetry(null);
  return view(ports, next);
};

export const cloudSignOut: Handler<'cloud.sign-out'> = async (_payload, ports) => {
  await requireUnlockedIfVault(ports);
  const state = await readSyncState(ports);
  if (state.account) await ports.cloud.signOut(state.account);
  const next = await updateSyncState(ports, (fresh): SyncState => ({ ...INITIAL_SYNC_STATE, revision: fresh.revision }));
  await ports.cloud.scheduleRetry(null);
  return view(ports, next);
};

/** The handler of each cloud request (lib/messaging/requests/cloud.ts). */
export const CLOUD_HANDLERS: HandlersFor<typeof CLOUD_REQUESTS> = {
  'cloud.status': cloudStatusHandler,
  'cloud.connect': cloudConnect,
  'cloud.enable': cloudEnable,
  'cloud.join': cloudJoin,
  'cloud.sync-now': cloudSyncNow,
  'cloud.recreate': cloudRecreate,
  'cloud.disable': cloudDisable,
  'cloud.sign-out': cloudSignOut,
};
