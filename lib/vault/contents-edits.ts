import type { Account, AccountDraft } from '../otp/account';
import type { VaultContents } from './contents';
import type { Settings } from './settings';
import { nextStamp } from './stamps';

/*
 * Edits that keep the bookkeeping the backup merge relies on (docs/backup-format.md,
 * "Merge rules"): a deletion leaves a tombstone, a reorder and a settings change
 * record when they happened — each with a stamp of the contents' hybrid logical
 * clock (lib/vault/stamps.ts), never the bare wall clock. Pure: each returns new
 * contents. `now` is the wall clock, ms since the epoch.
 */

/** Removes the account and remembers the deletion. Unknown ids leave the contents as they are. */
export function deleteAccount(contents: VaultContents, id: string, now: number): VaultContents {
  if (!contents.accounts.some((a) => a.id === id)) return contents;
  return {
    ...contents,
    accounts: contents.accounts.filter((a) => a.id !== id),
    tombstones: [...contents.tombstones.filter((t) => t.id !== id), { id, deletedAt: nextStamp(contents, now) }],
  };
}

/**
 * Puts the accounts in the order of `orderedIds` and records the reorder.
 * Accounts missing from `orderedIds` keep their relative order after the listed ones;
 * ids that are not accounts are ignored.
 */
export function reorderAccounts(contents: VaultContents, orderedIds: readonly string[], now: number): VaultContents {
  const byId = new Map(contents.accounts.map((a) => [a.id, a] as const));
  const listed = [...new Set(orderedIds)].flatMap((id) => {
    const account = byId.get(id);
    return account ? [account] : [];
  });
  const placed = new Set(listed.map((a) => a.id));
  const accounts: Account[] = [...listed, ...contents.accounts.filter((a) => !placed.has(a.id))];
  return { ...contents, accounts, orderModifiedAt: nextStamp(contents, now) };
}

/** Changes settings and records when. */
export function updateSettings(contents: VaultContents, patch: Partial<Settings>, now: number): VaultContents {
  return { ...contents, settings: { ...contents.settings, ...patch }, settingsModifiedAt: nextStamp(contents, now) };
}

/**
 * THE construction of new accounts from drafts (adding by hand or link, a QR
 * scan, an import): a fresh id each (`newId`), created at `now`, stamped with the
 * contents' clock so the merge sees them as the newest edits. Pure; the caller
 * appends them (after its own duplicate checks) in one vault write.
 */
export function accountsFromDrafts(contents: VaultContents, drafts: readonly AccountDraft[], clock: { now: number; newId: () => string }): Account[] {
  const stamp = nextStamp(contents, clock.now);
  return drafts.map((draft) => ({ ...draft, id: clock.newId(), createdAt: clock.now, modifiedAt: stamp }));
}
