import type { Account } from '../otp/account';
import { findDuplicate } from '../otp/duplicates';
import type { VaultContents } from '../vault/contents';
import { nextStamp } from '../vault/stamps';
import { accountFromBackup } from './backup-account';
import type { BackupContents } from './contents';

/** Why an incoming account was not restored. */
export type SkipReason = 'same-issuer-and-name' | 'same-secret' | 'same-id';

/** The backup's accounts as accounts, in backup order (no secret → `secret: ""`, `needsVerification: true`). */
export function accountsFromBackup(contents: BackupContents): Account[] {
  return contents.accounts.map(accountFromBackup);
}

/**
 * Recovery prevention: splits `incoming` into accounts to add and accounts
 * skipped because one like it already exists here — same secret (a true
 * duplicate), same issuer and account name (ignoring case and width: maybe the
 * same login set up again, maybe another shown alike), or same id — with the
 * existing one and the reason. Nothing is added or replaced for a skipped account
 * without the user's choice (docs/backup-sync.md, "Restoring next to accounts").
 * Incoming accounts are not compared with each other.
 */
export function planRestore(
  local: Account[],
  incoming: Account[],
): { toAdd: Account[]; skipped: { incoming: Account; existing: Account; reason: SkipReason }[] } {
  const toAdd: Account[] = [];
  const skipped: { incoming: Account; existing: Account; reason: SkipReason }[] = [];
  const byId = new Map(local.map((a) => [a.id, a] as const));
  for (const account of incoming) {
    const duplicate = findDuplicate(local, account);
    const sameId = byId.get(account.id);
    if (duplicate) skipped.push({ incoming: account, existing: duplicate.existing, reason: duplicate.reason });
    else if (sameId) skipped.push({ incoming: account, existing: sameId, reason: 'same-id' });
    else toAdd.push(account);
  }
  return { toAdd, skipped };
}

/**
 * Adds restored accounts to the local contents as ONE new state (write it in one
 * storage write: all or nothing). Appends in the given (backup) order; an
 * account whose id already exists here (the user chose "keep both") gets
 * `newId()`; every restored account is stamped `nextStamp(local, now)` — above
 * every tombstone held here, its own included (an explicit restore beats the
 * deletions this device has seen, whatever its clock says) — and loses any
 * local tombstone.
 */
export function applyRestore(local: VaultContents, accounts: readonly Account[], opts: { now: number; newId: () => string }): VaultContents {
  const taken = new Set(local.accounts.map((a) => a.id));
  const stamp = nextStamp(local, opts.now);
  const restored = accounts.map((account) => {
    let id = account.id;
    while (taken.has(id)) id = opts.newId();
    taken.add(id);
    return { ...account, id, modifiedAt: stamp };
  });
  const restoredIds = new Set(restored.map((a) => a.id));
  return {
    ...local,
    accounts: [...local.accounts, ...restored],
    tombstones: local.tombstones.filter((t) => !restoredIds.has(t.id)),
  };
}

/** The whole restore for a device with no accounts yet: the backup's accounts in order, settings, tombstones and timestamps. */
export function contentsFromBackup(contents: BackupContents): VaultContents {
  return {
    accounts: accountsFromBackup(contents),
    settings: { ...contents.settings },
    tombstones: contents.tombstones.map((t) => ({ ...t })),
    ...(contents.orderModifiedAt === undefined ? {} : { orderModifiedAt: contents.orderModifiedAt }),
    ...(contents.settingsModifiedAt === undefined ? {} : { settingsModifiedAt: contents.settingsModifiedAt }),
    ...(contents.prunedBefore === undefined ? {} : { prunedBefore: contents.prunedBefore }),
  };
}
