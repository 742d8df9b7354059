import type { NudgeSnooze } from './popup-settings';

/** "Not now" holds the backup suggestion back this long (docs/popup-display.md). */
export const NUDGE_SNOOZE_MS = 7 * 24 * 60 * 60 * 1000;
/** …or until the vault holds this many accounts more than when it was put off. */
export const NUDGE_ACCOUNTS_MORE = 3;

/**
 * Whether the backup suggestion is still put off: "Not now" was pressed less than
 * a week ago, fewer than 3 accounts were added since, and the vault was not empty then
 * unless it still is.
 */
export function nudgeSnoozed(snooze: NudgeSnooze | null, nowMs: number, accountCount: number): boolean {
  if (!snooze) return false;
  if (nowMs - snooze.snoozedAt >= NUDGE_SNOOZE_MS || nowMs < snooze.snoozedAt) return false;
  if (snooze.accountCount === 0 && accountCount > 0) return false;
  return accountCount < snooze.accountCount + NUDGE_ACCOUNTS_MORE;
}
