import { entryOf, readItem, SYNC_STATE_ITEM, VAULT_ITEM } from '../../storage';
import { commitVault, type VaultWrite, type VaultWritePorts } from '../../sync/vault-write';
import { keySlotsOf, openVault, type VaultContents, type VaultFile, type VaultFileV2 } from '../../vault';
import type { SyncState } from '../../sync/sync-state';
import { NotInitializedError } from './errors';
import type { BackgroundPorts } from '../core';
import { readSyncState } from '../core';
import { requireKey } from './unlock-session';

/** The storage.local key holding the encrypted vault (declared in lib/storage/items.ts). */
export const VAULT_STORAGE_KEY = VAULT_ITEM.key;

/** The stored vault file, checked for structure and version; `null` before first run. */
export async function readVaultFile(ports: BackgroundPorts): Promise<VaultFile | null> {
  return readItem(ports.local, VAULT_ITEM);
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
  return openCached(ports, file, masterKey);
}

/**
 * The contents of `file`: from this session's in-memory cache when it holds
 * exactly this file under this key, else decrypted once and remembered. The
 * result is frozen: changes build new contents.
 */
export async function openCached(ports: Pick<BackgroundPorts, 'vaultCache'>, file: VaultFile, masterKey: Uint8Array): Promise<VaultContents> {
  return ports.vaultCache.get(file, masterKey) ?? ports.vaultCache.remember(file, masterKey, await openVault(file, masterKey));
}

/** The vault and the sync state in ONE storage.local write. */
export function storeVaultAndState(ports: Pick<BackgroundPorts, 'local'>, file: VaultFileV2, state: SyncState): Promise<void> {
  return ports.local.setMany({ ...entryOf(VAULT_ITEM, file), ...entryOf(SYNC_STATE_ITEM, state) });
}

/** The write path's view of the background. */
export function vaultWritePorts(ports: BackgroundPorts): VaultWritePorts {
  return {
    now: ports.now,
    random: ports.random,
    device: ports.device,
    readState: () => readSyncState(ports),
    writeVaultAndState: (file, state) => storeVaultAndState(ports, file, state),
  };
}

/**
 * THE way the background writes the vault file (lib/sync/vault-write.ts): the
 * new vault and its pending upload in one storage write, then a backup pass
 * soon. Callers hold `ports.exclusive`.
 */
export async function writeVault(ports: BackgroundPorts, write: VaultWrite): Promise<VaultFileV2> {
  const { vault, uploadQueued } = await commitVault(vaultWritePorts(ports), write);
  if (uploadQueued) ports.requestSync();
  return vault;
}

/**
 * Applies a change to the vault's contents: decrypt, compute the complete new
 * contents, and write them through {@link writeVault} — a worker killed at any
 * point leaves either the old vault or the new one. Changes run one at a time.
 * Returns whatever `change` returns.
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
    const { contents, result } = await change(await openCached(ports, file, masterKey));
    await writeVault(ports, { parts: { masterKey, keySlots: keySlotsOf(file), contents }, cloud: { kind: 'behind' } });
    await afterWrite?.(result);
    return result;
  });
}
