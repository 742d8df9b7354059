
/*
 * The contents' hybrid logical clock (docs/backup-format.md, "Stamps"). Every
 * time the merge compares is a stamp issued here, so an edit made after seeing
 * another device's change is stamped above it even when this device's clock is
 * behind: `max(now, highest stamp held + 1)`.
 */

/** What a clock is read from: the stamped parts of vault or backup contents. */
export interface Stamped {
  accounts: readonly { modifiedAt: number }[];
  tombstones: readonly { deletedAt: number }[];
  orderModifiedAt?: number | undefined;
  settingsModifiedAt?: number | undefined;
  prunedBefore?: number | undefined;
}

/** The highest stamp the contents hold (0 for empty contents). */
export function clockOf(contents: Stamped): number {
  let clock = Math.max(0, contents.orderModifiedAt ?? 0, contents.settingsModifiedAt ?? 0, contents.prunedBefore ?? 0);
  for (const account of contents.accounts) if (account.modifiedAt > clock) clock = account.modifiedAt;
  for (const tombstone of contents.tombstones) if (tombstone.deletedAt > clock) clock = tombstone.deletedAt;
  return clock;
}

/**
 * The stamp for a change of `contents` made at wall time `now` (ms since the
 * epoch): above every stamp the contents hold, and never behind the clock.
 */
export function nextStamp(contents: Stamped, now: number): number {
  return Math.max(Math.floor(now), clockOf(contents) + 1);
}
