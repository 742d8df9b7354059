import { parseSyncState, type SyncState } from '../../sync/sync-state';
import type { BackgroundPorts } from './ports';

/** The storage.local key of the cloud backup state (lib/sync/sync-state.ts). */
export const SYNC_STORAGE_KEY = 'cloud-backup';

export async function readSyncState(ports: Pick<BackgroundPorts, 'local'>): Promise<SyncState> {
  return parseSyncState(await ports.local.get(SYNC_STORAGE_KEY));
}

export async function writeSyncState(ports: Pick<BackgroundPorts, 'local'>, state: SyncState): Promise<void> {
  await ports.local.set(SYNC_STORAGE_KEY, state);
}
