import { createBackup } from '../backup';
import type { VaultContents, VaultFile } from '../vault';
import type { SyncState } from './sync-state';

/**
 * The state with a fresh encrypted backup of `contents` queued for upload.
 * Called inside every vault change while backup is on, and written in the same
 * storage write as the vault: the change and its pending upload land together.
 * Cheap: no KDF (the session key seals it).
 */
export async function queueBackup(
  state: SyncState,
  input: { contents: VaultContents; masterKey: Uint8Array; vaultFile: VaultFile },
  deps: { now: number; random(bytes: number): Uint8Array; device: { deviceName: string; browser: string } },
): Promise<SyncState> {
  if (!state.enabled) return state;
  const file = await createBackup({ ...input, device: deps.device, now: deps.now }, { random: deps.random });
  const revision = state.revision + 1;
  return { ...state, revision, outbox: { text: JSON.stringify(file), revision, preparedAt: deps.now } };
}
