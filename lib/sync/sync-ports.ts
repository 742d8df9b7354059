import type { GraphClient } from '../graph';
import type { VaultFile, VaultFileV2 } from '../vault';
import type { SignedInAccount } from '../auth/signed-in-account';
import type { SyncState } from './sync-state';

/** What the sync engine needs from the background; passed in so the engine runs in Node tests. */
export interface SyncPorts {
  /** Milliseconds since the epoch. */
  now(): number;
  random(bytes: number): Uint8Array;
  device: { deviceName: string; browser: string };
  readState(): Promise<SyncState>;
  writeState(state: SyncState): Promise<void>;
  /** Writes the vault file and the sync state in ONE storage write. */
  writeVaultAndState(file: VaultFileV2, state: SyncState): Promise<void>;
  /**
   * The session key and the stored vault file; `null` when locked or not set up.
   * `previousMasterKey`: the key a re-key in this session replaced.
   */
  unlocked(): Promise<{ masterKey: Uint8Array; file: VaultFile; previousMasterKey?: Uint8Array } | null>;
  /** Runs `task` holding the vault's lock (the one every vault change holds). */
  exclusiveVault<T>(task: () => Promise<T>): Promise<T>;
  /** A Graph client acting for the account. */
  graph(account: SignedInAccount): GraphClient;
  /** (Re)schedules the automatic retry; `null` cancels it. */
  scheduleRetry(atMs: number | null): Promise<void>;
  /** A uniform random number in [0, 1), for retry jitter. */
  jitter(): number;
}
