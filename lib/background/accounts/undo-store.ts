import { z } from 'zod';
import { Account } from '../../otp/account';
import type { BackgroundPorts } from '../core';
import { UNDO_SESSION_KEY } from '../core';

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

const Entry = z.object({ account: Account, index: z.number().int().nonnegative(), deletedAt: z.number() });
type Entry = z.infer<typeof Entry>;

async function readEntries(ports: BackgroundPorts): Promise<Entry[]> {
  const parsed = z.array(Entry).safeParse(await ports.session.get(UNDO_SESSION_KEY));
  if (!parsed.success) return [];
  const now = ports.now();
  return parsed.data.filter((entry) => now - entry.deletedAt < UNDO_WINDOW_MS);
}

export async function rememberDeleted(ports: BackgroundPorts, entry: Entry): Promise<void> {
  const entries = (await readEntries(ports)).filter((e) => e.account.id !== entry.account.id);
  await ports.session.set(UNDO_SESSION_KEY, [...entries, entry].slice(-MAX_ENTRIES));
}

/** The deleted account with this id, if it can still be restored. */
export async function findDeleted(ports: BackgroundPorts, id: string): Promise<Entry | null> {
  return (await readEntries(ports)).find((e) => e.account.id === id) ?? null;
}

/** Forgets a deleted account (it was restored). */
export async function forgetDeleted(ports: BackgroundPorts, id: string): Promise<void> {
  await ports.session.set(UNDO_SESSION_KEY, (await readEntries(ports)).filter((e) => e.account.id !== id));
}

