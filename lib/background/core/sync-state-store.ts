import { readItem, SYNC_STATE_ITEM, writeItem } from '../../storage';
import { INITIAL_SYNC_STATE, type SyncState } from '../../sync/sync-state';
import type { BackgroundPorts } from './ports';

/** The storage.local key of the cloud backup state (declared in lib/storage/items.ts). */
export const SYNC_STORAGE_KEY = SYNC_STATE_ITEM.key;

/**
 * The stored sync state; the initial state before backup was ever set up. A
 * stored state that does not parse is a StoredValueInvalidError and stays as it
 * is: never a silent "backup off, account forgotten, pending upload dropped".
 */
export async function readSyncState(ports: Pick<BackgroundPorts, 'local'>): Promise<SyncState> {
  return (await readItem(ports.local, SYNC_STATE_ITEM)) ?? { ...INITIAL_SYNC_STATE };
}

export async function writeSyncState(ports: Pick<BackgroundPorts, 'local'>, state: SyncState): Promise<void> {
  await writeItem(ports.local, SYNC_STATE_ITEM, state);
}

/**
 * Read-modify-write of the sync state under the vault lock. Every vault change
 * queues its upload under that lock, so a state write made outside it could
 * land between a change's read and write and drop its pending upload (seen:
 * cloud.sync-now interleaved with accounts.add left the account with no
 * pending upload and the revision back to 0). Network calls stay outside.
 */
export function updateSyncState(ports: Pick<BackgroundPorts, 'local' | 'exclusive'>, change: (state: SyncState) => SyncState): Promise<SyncState> {
  return ports.exclusive(async () => {
    const next = change(await readSyncState(ports));
    await writeSyncState(ports, next);
    return next;
  });
}
