import { createVault, keySlotsOf, rekeyedSlots, unlockVault, withNewPassword } from '../../vault';
import { DEFAULT_SETTINGS } from '../../vault/settings';
import type { Handler, HandlersFor } from '../core';
import type { VaultStatus } from '../../messaging/protocol';
import { AlreadyInitializedError } from './errors';
import { checkNewPassword, passwordCheckState, recordPasswordCheck } from './password-check';
import type { BackgroundPorts } from '../core';
import { currentKey, endSession, requireKey, startSession } from './unlock-session';
import { openCached, readVaultFile, requireVaultFile, writeVault } from './store';
import { codesFor, toView } from '../core';
import { cloudStatus } from '../../sync/cloud-status';
import { syncNow } from '../../sync/sync-engine';
import { syncPortsFrom } from '../cloud';
import { readSyncState, updateSyncState } from '../core';
import { settingsGet, settingsUpdate } from './settings-handlers';
import type { VAULT_REQUESTS } from '../../messaging/requests/vault';
import { popupOrder } from '../../display/order';
import { displayView, readOrdering } from '../display';
import { siteAccountsView } from '../fill/site-view';

async function status(ports: BackgroundPorts): Promise<VaultStatus> {
  const file = await readVaultFile(ports);
  if (!file) return { state: 'uninitialized' };
  const key = await currentKey(ports);
  if (key) return { state: 'unlocked', autoLockMinutes: key.autoLockMinutes, passwordCheck: await passwordCheckState(ports, file) };
  const changed = (await readSyncState(ports)).passwordChangedElsewhere;
  return changed ? { state: 'locked', passwordChangedElsewhere: changed } : { state: 'locked' };
}

export const vaultStatus: Handler<'vault.status'> = async (_payload, ports) => status(ports);

/**
 * What a page shows on opening. With `first`, only the first accounts and their
 * codes (the popup's first screen: codes are computed only for rows shown).
 * The contents come from this session's in-memory cache after the first open.
 */
export const vaultSnapshot: Handler<'vault.snapshot'> = async ({ first, ordered, tabId }, ports) => {
  const file = await readVaultFile(ports);
  if (!file) return { status: { state: 'uninitialized' }, accounts: [], codes: [], accountCount: 0, backupBehind: false };
  const backupBehind = cloudStatus(await readSyncState(ports), ports.now()).behind;
  const key = await currentKey(ports);
  if (!key) return { status: { state: 'locked' }, accounts: [], codes: [], accountCount: 0, backupBehind };
  const { accounts: inVault } = await openCached(ports, file, key.masterKey);
  // The popup's order (pinned first, then the chosen sort) before the first few are cut.
  const ordering = ordered ? await readOrdering(ports) : null;
  const accounts = ordering ? popupOrder(inVault, ordering.settings, ordering.usage) : inVault;
  const shown = first === undefined ? accounts : accounts.slice(0, first);
  // The popup's tab: its accounts come with the first screen, their codes with the others' (one computation each).
  // The first screen's answer leaves out the accounts without a site: the popup names them from the full list, which brings them.
  const view = tabId === undefined ? null : await siteAccountsView(ports, tabId, accounts, { unbound: first === undefined });
  const matching = new Set(view?.matching);
  const siteAccounts = accounts.filter((a) => matching.has(a.id));
  const shownIds = new Set(shown.map((a) => a.id));
  return {
    status: { state: 'unlocked', autoLockMinutes: key.autoLockMinutes },
    accounts: shown.map(toView),
    codes: codesFor([...shown, ...siteAccounts.filter((a) => !shownIds.has(a.id))], ports.now()),
    accountCount: accounts.length,
    backupBehind,
    ...(ordering ? { display: displayView(ordering.settings) } : {}),
    ...(view ? { site: { view, accounts: siteAccounts.map(toView) } } : {}),
  };
};

export const vaultCreate: Handler<'vault.create'> = async ({ password, score }, ports) =>
  ports.exclusive(async () => {
    if (await readVaultFile(ports)) throw new AlreadyInitializedError();
    checkNewPassword(password, score);
    const contents = { accounts: [], settings: { ...DEFAULT_SETTINGS }, tombstones: [] };
    const { file, masterKey } = await createVault(password, contents, { random: ports.random });
    const written = await writeVault(ports, { parts: { masterKey, keySlots: keySlotsOf(file), contents }, cloud: { kind: 'behind' } });
    await recordPasswordCheck(ports, written, password, score);
    await startSession(ports, masterKey, DEFAULT_SETTINGS.autoLockMinutes);
    return status(ports);
  });

export const vaultUnlock: Handler<'vault.unlock'> = async ({ password }, ports) => {
  const { masterKey, contents } = await unlockVault(await requireVaultFile(ports), password);
  await startSession(ports, masterKey, contents.settings.autoLockMinutes);
  // Unlocked with the password changed elsewhere: the notice has done its work.
  if ((await readSyncState(ports)).passwordChangedElsewhere) await updateSyncState(ports, (state) => ({ ...state, passwordChangedElsewhere: null }));
  return status(ports);
};

export const vaultLock: Handler<'vault.lock'> = async (_payload, ports) => {
  await endSession(ports);
  return status(ports);
};

export const vaultChangePassword: Handler<'vault.change-password'> = async ({ currentPassword, newPassword, score }, ports) =>
  ports.exclusive(async () => {
    await requireKey(ports);
    checkNewPassword(newPassword, score);
    // The current password is checked for real (not just "is the vault unlocked"):
    // someone at an unlocked, unattended browser must not be able to take it over.
    const { masterKey, contents, file } = await unlockVault(await requireVaultFile(ports), currentPassword);
    const keySlots = await withNewPassword(keySlotsOf(file), masterKey, newPassword, { random: ports.random });
    // Through the one write path: with backup on, the new slot's upload is queued in the
    // same write (before, the cloud kept the old password and refused the new one).
    const written = await writeVault(ports, { parts: { masterKey, keySlots, contents }, cloud: { kind: 'behind' } });
    await recordPasswordCheck(ports, written, newPassword, score);
    return null;
  });

/**
 * "Change password and re-key": what an old copy (an export, an older cloud
 * version, an old profile) opens with stops opening anything written from now
 * on. Through the one write path, so the backup is replaced in the same write.
 */
export const vaultRekey: Handler<'vault.rekey'> = async ({ currentPassword, newPassword, score }, ports) => {
  // Bring in what other devices uploaded first. One uploaded after this (before it
  // sees the re-key) is still merged: the session keeps the replaced key until lock.
  if ((await readSyncState(ports)).enabled) await syncNow(syncPortsFrom(ports), { force: true });
  return ports.exclusive(async () => {
    const { autoLockMinutes } = await requireKey(ports);
    checkNewPassword(newPassword, score);
    const { contents, file, masterKey: replaced } = await unlockVault(await requireVaultFile(ports), currentPassword);
    const { masterKey, keySlots } = await rekeyedSlots(keySlotsOf(file), newPassword, { random: ports.random });
    const written = await writeVault(ports, { parts: { masterKey, keySlots, contents }, cloud: { kind: 'behind' } });
    // The open session holds the old key, which opens nothing any more.
    await startSession(ports, masterKey, autoLockMinutes, replaced);
    await recordPasswordCheck(ports, written, newPassword, score);
    return null;
  });
};

export const vaultCheckPassword: Handler<'vault.check-password'> = async ({ password, score }, ports) =>
  ports.exclusive(async () => {
    await requireKey(ports);
    // Verified, so a page can't file a verdict for a password that is not the vault's.
    const file = await requireVaultFile(ports);
    await unlockVault(file, password);
    await recordPasswordCheck(ports, file, password, score);
    return status(ports);
  });

/** The handler of each vault request (lib/messaging/requests/vault.ts). */
export const VAULT_HANDLERS: HandlersFor<typeof VAULT_REQUESTS> = {
  'vault.status': vaultStatus,
  'vault.snapshot': vaultSnapshot,
  'vault.create': vaultCreate,
  'vault.unlock': vaultUnlock,
  'vault.lock': vaultLock,
  'vault.change-password': vaultChangePassword,
  'vault.rekey': vaultRekey,
  'vault.check-password': vaultCheckPassword,
  'settings.get': settingsGet,
  'settings.update': settingsUpdate,
};
