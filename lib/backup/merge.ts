import type { Account } from '../otp/account';
import type { Tombstone, VaultContents } from '../vault/contents';
import { accountFromBackup, toBackupAccount } from './backup-account';
import { canonicalJson } from './canonical';
import { clampStamps, CLOCK_TOLERANCE_MS } from './clamp-stamps';
import type { BackupContents } from './contents';
import { mergeOrder } from './order';

/**
 * How long a deletion is remembered (ms): 365 days, counted on the earlier of
 * two devices' clocks (docs/backup-format.md, "Pruning horizon").
 */
export const TOMBSTONE_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;

/** What a merge did, for the UI and for the sync's next step. */
export interface MergeReport {
  /** Ids that came from the backup and are new here. */
  added: string[];
  /** Ids present here whose account changed (the backup's copy was newer, a secret or counter was taken over). */
  updated: string[];
  /** Ids removed here by a deletion made elsewhere. */
  removed: string[];
  /** The order of the accounts that stayed changed. */
  reordered: boolean;
  /** The settings changed. */
  settingsChanged: boolean;
  /** Tombstones dropped below the pruning horizon. */
  tombstonesPruned: number;
  /** The merged contents differ from the local ones: write the vault. */
  localChanged: boolean;
  /** The merged contents differ from the backup's: upload a new backup. */
  remoteOutdated: boolean;
}

const stamp = (t: number | undefined) => t ?? 0;

/** The fields that decide a tie: everything but what differs per device by design. */
const tieKey = (account: Account) => {
  const { secret: _s, needsVerification: _n, ...rest } = account;
  return canonicalJson(rest);
};

/** Rule 2: the later `modifiedAt` wins; a tie goes to the larger canonical form, so both devices agree. */
function pickWinner(local: Account, remote: Account): { winner: Account; loser: Account } {
  if (local.modifiedAt !== remote.modifiedAt) {
    return local.modifiedAt > remote.modifiedAt ? { winner: local, loser: remote } : { winner: remote, loser: local };
  }
  return tieKey(remote) > tieKey(local) ? { winner: remote, loser: local } : { winner: local, loser: remote };
}

/** Rules 4 and 5: a secret is never lost to a secret-less copy, an HOTP counter never goes back. */
function combine(winner: Account, loser: Account): Account {
  const { needsVerification: _flag, ...merged } = winner;
  if (merged.secret === '' && loser.secret !== '') {
    merged.secret = loser.secret;
    if (merged.type === 'hotp') merged.counter = loser.counter;
  } else if (merged.type === 'hotp' && loser.type === 'hotp' && merged.secret !== '' && merged.secret === loser.secret) {
    merged.counter = Math.max(merged.counter, loser.counter);
  }
  return merged.secret === '' ? { ...merged, needsVerification: true } : merged;
}

function mergeTombstones(local: readonly Tombstone[], remote: readonly Tombstone[]): Map<string, number> {
  const latest = new Map<string, number>();
  for (const { id, deletedAt } of [...local, ...remote]) latest.set(id, Math.max(deletedAt, latest.get(id) ?? -Infinity));
  return latest;
}

/** What the backup would hold of some contents (device-bound secrets stripped, source ignored). */
const byId = (tombstones: readonly Tombstone[]) => [...tombstones].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const backupView = (c: Pick<VaultContents, 'settings' | 'tombstones' | 'orderModifiedAt' | 'settingsModifiedAt' | 'prunedBefore'> & { accounts: unknown[] }) =>
  canonicalJson({
    accounts: c.accounts,
    settings: c.settings,
    tombstones: byId(c.tombstones),
    orderModifiedAt: c.orderModifiedAt,
    settingsModifiedAt: c.settingsModifiedAt,
    prunedBefore: c.prunedBefore,
  });

const maxOf = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));

/**
 * Rule 8, the pruning horizon: the higher of both sides' (the remote one never
 * beyond what this clock allows), moved to "a year before the earlier of the two
 * clocks" only when that forgets at least one deletion — so one clock far ahead
 * can't prune early and the horizon doesn't creep (and cause an upload) every pass.
 */
function pruningHorizon(localHorizon: number | undefined, remote: BackupContents, tombstones: ReadonlyMap<string, number>, now: number): number | undefined {
  const limit = now + CLOCK_TOLERANCE_MS - TOMBSTONE_MAX_AGE_MS;
  const current = maxOf(localHorizon, remote.prunedBefore === undefined ? undefined : Math.min(remote.prunedBefore, limit));
  const agreed = Math.min(now, remote.source.createdAt) - TOMBSTONE_MAX_AGE_MS;
  if (current !== undefined && agreed <= current) return current;
  for (const deletedAt of tombstones.values()) {
    if (deletedAt < agreed && (current === undefined || deletedAt >= current)) return agreed;
  }
  return current;
}

/**
 * Merges the backup's contents into the local vault's (rules in
 * docs/backup-format.md, "Merge rules"): no account lost, no deleted account
 * resurrected, device-bound secrets kept, the newest order and settings.
 * Pure and deterministic. `now` (this device's clock, ms since the epoch) only
 * bounds the stamps (none beyond now + {@link CLOCK_TOLERANCE_MS}) and the pruning.
 */
export function mergeContents(original: VaultContents, originalRemote: BackupContents, opts: { now: number }): { merged: VaultContents; changes: MergeReport } {
  const ceiling = opts.now + CLOCK_TOLERANCE_MS;
  const local = clampStamps(original, ceiling);
  const remote = clampStamps(originalRemote, ceiling);
  const localById = new Map(local.accounts.map((a) => [a.id, a] as const));
  const remoteAccounts = remote.accounts.map(accountFromBackup);
  const remoteById = new Map(remoteAccounts.map((a) => [a.id, a] as const));
  const tombstones = mergeTombstones(local.tombstones, remote.tombstones);

  // Rules 2–5: one surviving copy per id.
  const survivors = new Map<string, Account>();
  for (const id of new Set([...localById.keys(), ...remoteById.keys()])) {
    const mine = localById.get(id);
    const theirs = remoteById.get(id);
    let account: Account;
    if (mine && theirs) {
      const { winner, loser } = pickWinner(mine, theirs);
      account = combine(winner, loser);
    } else {
      account = (mine ?? theirs) as Account;
    }
    const deletedAt = tombstones.get(id);
    if (deletedAt !== undefined && deletedAt >= account.modifiedAt) continue;
    survivors.set(id, account);
  }

  // Rule 6: the most recently reordered side gives the order (a tie: the backup's).
  const remoteOrderWins = stamp(remote.orderModifiedAt) >= stamp(local.orderModifiedAt);
  const localIds = local.accounts.map((a) => a.id);
  const remoteIds = remoteAccounts.map((a) => a.id);
  const keep = new Set(survivors.keys());
  const order = remoteOrderWins ? mergeOrder(remoteIds, localIds, keep) : mergeOrder(localIds, remoteIds, keep);

  // Rule 7: the most recently changed settings (a tie: the backup's).
  const settings = stamp(remote.settingsModifiedAt) >= stamp(local.settingsModifiedAt) ? remote.settings : local.settings;

  // Rule 8: prune after applying, below the horizon both devices agree on.
  // Sorted by id: two devices holding the same deletions must hold them in the same
  // order, or each would see the other as different and upload forever.
  const prunedBefore = pruningHorizon(local.prunedBefore, remote, tombstones, opts.now);
  const kept = [...tombstones]
    .filter(([, deletedAt]) => prunedBefore === undefined || deletedAt >= prunedBefore)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const maxStamp = (a: number | undefined, b: number | undefined) => (a === undefined && b === undefined ? undefined : Math.max(stamp(a), stamp(b)));
  const orderModifiedAt = maxStamp(local.orderModifiedAt, remote.orderModifiedAt);
  const settingsModifiedAt = maxStamp(local.settingsModifiedAt, remote.settingsModifiedAt);

  const merged: VaultContents = {
    accounts: order.map((id) => survivors.get(id) as Account),
    settings: { ...settings },
    tombstones: kept.map(([id, deletedAt]) => ({ id, deletedAt })),
    ...(orderModifiedAt === undefined ? {} : { orderModifiedAt }),
    ...(settingsModifiedAt === undefined ? {} : { settingsModifiedAt }),
    ...(prunedBefore === undefined ? {} : { prunedBefore }),
  };

  const mergedIds = new Set(order);
  const stayed = order.filter((id) => localById.has(id));
  const changes: MergeReport = {
    added: order.filter((id) => !localById.has(id)),
    updated: stayed.filter((id) => canonicalJson(localById.get(id)) !== canonicalJson(survivors.get(id))),
    removed: localIds.filter((id) => !mergedIds.has(id)),
    reordered: canonicalJson(stayed) !== canonicalJson(localIds.filter((id) => mergedIds.has(id))),
    settingsChanged: canonicalJson(merged.settings) !== canonicalJson(local.settings),
    tombstonesPruned: tombstones.size - kept.length,
    // Against what each side holds before clamping: a clamped stamp is a change to write back.
    localChanged: canonicalJson({ ...merged, tombstones: byId(merged.tombstones) }) !== canonicalJson({ ...original, tombstones: byId(original.tombstones) }),
    remoteOutdated:
      backupView({ ...merged, accounts: merged.accounts.map(toBackupAccount) }) !== backupView(originalRemote),
  };
  return { merged, changes };
}
