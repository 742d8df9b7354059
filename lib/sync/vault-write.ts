import { sealVaultParts, type VaultFileV2, type VaultParts } from '../vault';
import { queueBackup } from './outbox';
import type { SyncState } from './sync-state';

/*
 * THE write path of the vault file (docs/backup-sync.md, "One write path").
 * Every change of the vault — its contents, its settings, its key slots (a
 * password change, a re-key), a merge, a join, a restore — is sealed here and
 * stored together with the sync state it implies, in ONE storage write: a change
 * the cloud lacks carries its pending upload, so a worker killed right after can
 * never leave a change the cloud will not hear of. Callers hold the vault lock.
 */

/** Where the cloud stands once the vault is written. */
export type CloudAfterWrite =
  /** The cloud lacks this vault (any local change, a slot the cloud does not have): queue its backup. */
  | { kind: 'behind' }
  /** The vault was just made from the cloud's version `eTag` and nothing else: nothing to upload. */
  | { kind: 'current'; eTag: string };

export interface VaultWrite {
  /** What the vault becomes: key, key slots and contents (a new key is a re-key). */
  parts: VaultParts;
  cloud: CloudAfterWrite;
  /** Changes of the sync state that belong to the same write (e.g. turning backup on). */
  patch?: Partial<SyncState>;
}

/** What the write path needs: the stored sync state, the clock, randomness, and the one storage write. */
export interface VaultWritePorts {
  now(): number;
  random(bytes: number): Uint8Array;
  device: { deviceName: string; browser: string };
  readState(): Promise<SyncState>;
  /** Writes the vault file and the sync state in ONE storage write. */
  writeVaultAndState(file: VaultFileV2, state: SyncState): Promise<void>;
}

/**
 * The vault file and sync state a write produces (pure but for the injected
 * clock and randomness): the vault sealed as version 2 (a version-1 vault is
 * migrated here), and — when the cloud is behind and backup is on — a fresh
 * encrypted backup of it as the outbox.
 */
export async function planVaultWrite(
  state: SyncState,
  write: VaultWrite,
  deps: { now: number; random(bytes: number): Uint8Array; device: { deviceName: string; browser: string } },
): Promise<{ vault: VaultFileV2; state: SyncState }> {
  const vault = await sealVaultParts(write.parts, { random: deps.random });
  const patched: SyncState = { ...state, ...write.patch };
  if (write.cloud.kind === 'current') {
    return { vault, state: { ...patched, remote: { eTag: write.cloud.eTag }, outbox: null, lastSuccessAt: deps.now, pendingMerge: false } };
  }
  const queued = await queueBackup(patched, { contents: write.parts.contents, masterKey: write.parts.masterKey, vaultFile: vault }, deps);
  return { vault, state: queued };
}

/**
 * Seals and stores a vault write with its sync state in one storage write.
 * Returns the stored file and state; `uploadQueued` tells the caller to ask
 * for a backup pass soon.
 */
export async function commitVault(ports: VaultWritePorts, write: VaultWrite): Promise<{ vault: VaultFileV2; state: SyncState; uploadQueued: boolean }> {
  const before = await ports.readState();
  const { vault, state } = await planVaultWrite(before, write, { now: ports.now(), random: ports.random, device: ports.device });
  await ports.writeVaultAndState(vault, state);
  return { vault, state, uploadQueued: state.outbox !== null && state.outbox !== before.outbox };
}
