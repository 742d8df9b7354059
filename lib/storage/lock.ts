import { STORED_ITEMS } from './items';
import type { ItemDeclaration, StorageArea } from './stored-item';

/** Whether `key` is `item`'s key (or one of its family). */
const belongsTo = (item: ItemDeclaration, key: string) => (item.family ? key.startsWith(item.key) : key === item.key);

/**
 * The keys a lock removes from an area: every key of every item whose lifetime
 * is `until-lock` — the unlocked key, Undo's deleted accounts, scan records with
 * their otpauth:// texts. Kept as a rule of the registry, not a hand-made list.
 */
export function keysClearedOnLock(area: 'local' | 'session', storedKeys: readonly string[]): string[] {
  const items = STORED_ITEMS.filter((item) => item.area === area && item.lifetime === 'until-lock');
  return storedKeys.filter((key) => items.some((item) => belongsTo(item, key)));
}

/** Removes every `until-lock` item from both areas, one storage call per area. */
export async function clearOnLock(areas: { local: StorageArea; session: StorageArea }): Promise<void> {
  for (const name of ['session', 'local'] as const) {
    const keys = keysClearedOnLock(name, await areas[name].keys());
    if (keys.length > 0) await areas[name].removeMany(keys);
  }
}
