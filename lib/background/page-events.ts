import type { PageTopic } from '../messaging/events';
import { SYNC_STATE_ITEM, UNLOCKED_ITEM, VAULT_ITEM } from '../storage';

/** One key's change, as storage.onChanged reports it. */
export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

/** A side of a change that holds nothing: browsers leave it out; some report it as null (WXT's fake browser does). */
const isAbsent = (value: unknown) => value === undefined || value === null;

/**
 * What open pages must re-read after a storage change (storage.onChanged):
 * - the vault file (created, edited, merged, replaced): the accounts and the lock state;
 * - the unlocked key appearing or disappearing (unlock, lock, auto-lock) — not its
 *   activity clock, which moves with every request;
 * - the cloud backup state: the cloud status and the "backup behind" alert.
 */
export function topicsForStorageChange(area: string, changes: Readonly<Record<string, StorageChange>>): PageTopic[] {
  const topics = new Set<PageTopic>();
  const changed = (item: { key: string; area: string }) => item.area === area && Object.prototype.hasOwnProperty.call(changes, item.key);
  if (changed(VAULT_ITEM)) {
    topics.add('vault');
    topics.add('accounts');
  }
  const unlocked = changes[UNLOCKED_ITEM.key];
  if (changed(UNLOCKED_ITEM) && unlocked && isAbsent(unlocked.oldValue) !== isAbsent(unlocked.newValue)) {
    topics.add('vault');
    topics.add('accounts');
  }
  if (changed(SYNC_STATE_ITEM)) topics.add('cloud');
  return [...topics];
}
