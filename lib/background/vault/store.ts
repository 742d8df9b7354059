import { openVault, parseVaultFile, sealVault, type VaultContents, type VaultFile } from '../../vault';
import { NotInitializedError } from './errors';
import type { BackgroundPorts } from '../core';
import { queueBackup } from '../../sync/outbox';
import { readSyncState, SYNC_STORAGE_KEY } from '../core';
import { requireKey } from './unlock-session';

/** The storage.local key holding the encrypted vault: the whole vault is this one value. */
export const VAULT_STORAGE_KEY = 'vault';

/** The stored vault file, checked for structure and version; `null` before first run. */
export async function readVaultFile(ports: BackgroundPorts): Promise<VaultFile | null> {
  const raw = await ports.local.get(VAULT_STORAGE_KEY);
  return raw === undefined || raw === null ? null : parseVaultFile(raw);
}

export async function requireVaultFile(ports: BackgroundPorts): Promise<VaultFile> {
  const file = await readVaultFile(ports);
  if (!file) throw new NotInitializedError();
  return file;
}

/** Decrypts the vault with the unlocked key (no KDF: the fast path of every request). */
export async function readContents(ports: BackgroundPorts): Promise<VaultContents> {
  const file = await requireVaultFile(ports);
  const { masterKey } = await requireKey(ports);
  return openVault(file, masterKey);
}

/**
 * Applies a change to the vault: decrypt, compute the complete new contents,
 * encrypt, and write it as ONE storage write — a worker killed at any point
 * leaves either the old vault or the new one. Changes run one at a time.
 * Returns whatever `change` returns alongside the new contents.
 */
export async function changeContents<T>(
  ports: BackgroundPorts,
  change: (contents: VaultContents) => { contents: VaultContents; result: T } | Promise<{ contents: VaultContents; result: T }>,
  /** Runs after the write, still holding the lock (bookkeeping that must not interleave with another change). */
  afterWrite?: (result: T) => Promise<void>,
): Promise<T> {
  return ports.exclusive(async () => {
    const file = await requireVaultFile(ports);
    const { masterKey } = await requireKey(ports);
    const before = await openVault(file, masterKey);
    const { contents, result } = await change(before);
    const sealed = await sealVault(file, masterKey, contents, { random: ports.random });
    const sync = await readSyncState(ports);
    if (sync.enabled) {
      // The change and its pending upload land in one write: a worker killed right
      // after can't leave a change the cloud will never hear of.
      const queued = await queueBackup(sync, { contents, masterKey, vaultFile: sealed }, { now: ports.now(), random: ports.random, device: ports.device });
      await ports.local.setMany({ [VAULT_STORAGE_KEY]: sealed, [SYNC_STORAGE_KEY]: queued });
      ports.requestSync();
    } else {
      await ports.local.set(VAULT_STORAGE_KEY, sealed);
    }
    await afterWrite?.(result);
    return result;
  });
}
