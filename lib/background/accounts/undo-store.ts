import { readItem, RECENTLY_DELETED_ITEM, writeItem, type DeletedEntry } from '../../storage';
import type { BackgroundPorts } from '../core';

/*
 * Callers run these inside ports.exclusive (with the vault change they belong to),
 * so concurrent deletions can't overwrite each other's entries.
 *
 * Recently deleted accounts, kept so "Undo" can put one back exactly where it was.
 * They live in storage.session — trusted contexts only, in memory, gone when the
 * browser closes, like the unlocked key itself — and are dropped on lock and
 * after UNDO_WINDOW_MS.
 */

/** How long a deletion can be undone, in milliseconds. */
export const UNDO_WINDOW_MS = 10 * 60_000;
const MAX_ENTRIES = 20;

type Entry = DeletedEntry;

async function readEntries(ports: BackgroundPorts): Promise<Entry[]> {
  // Unreadable → StoredValueInvalidError, left in place (locking clears it).
  const entries = (await readItem(ports.session, RECENTLY_DELETED_ITEM)) ?? [];
  const now = ports.now();
  return entries.filter((entry) => now - entry.deletedAt < UNDO_WINDOW_MS);
}

export async function rememberDeleted(ports: BackgroundPorts, entry: Entry): Promise<void> {
  const entries = (await readEntries(ports)).filter((e) => e.account.id !== entry.account.id);
  await writeItem(ports.session, RECENTLY_DELETED_ITEM, [...entries, entry].slice(-MAX_ENTRIES));
}

/** The deleted account with this id, if it can still be restored. */
export async function findDeleted(ports: BackgroundPorts, id: string): Promise<Entry | null> {
  return (await readEntries(ports)).find((e) => e.account.id === id) ?? null;
}

/** Forgets a deleted account (it was restored). */
export async function forgetDeleted(ports: BackgroundPorts, id: string): Promise<void> {
  await writeItem(ports.session, RECENTLY_DELETED_ITEM, (await readEntries(ports)).filter((e) => e.account.id !== id));
}

