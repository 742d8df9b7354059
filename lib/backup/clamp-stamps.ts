import type { Stamped } from '../vault/stamps';

/**
 * How far ahead of the merging device's clock a stamp may be before it is read
 * as that limit (ms): 72 h. Clocks up to 3 days apart are never clamped; a
 * clock years ahead (a dead battery, a hostile file) can push the others at
 * most this far. docs/backup-format.md, "Stamps".
 */
export const CLOCK_TOLERANCE_MS = 72 * 60 * 60 * 1000;

/**
 * `contents` with every merge stamp above `ceiling` lowered to it (and nothing
 * else changed); the same object when nothing is above it.
 */
export function clampStamps<T extends Stamped>(contents: T, ceiling: number): T {
  const over = (t: number | undefined) => t !== undefined && t > ceiling;
  const anyOver =
    over(contents.orderModifiedAt) ||
    over(contents.settingsModifiedAt) ||
    over(contents.prunedBefore) ||
    contents.accounts.some((a) => over(a.modifiedAt)) ||
    contents.tombstones.some((t) => over(t.deletedAt));
  if (!anyOver) return contents;
  const clamp = (t: number) => Math.min(t, ceiling);
  const optional = (key: 'orderModifiedAt' | 'settingsModifiedAt' | 'prunedBefore') => {
    const value = contents[key];
    return value === undefined ? {} : { [key]: clamp(value) };
  };
  return {
    ...contents,
    accounts: contents.accounts.map((a) => (over(a.modifiedAt) ? { ...a, modifiedAt: ceiling } : a)),
    tombstones: contents.tombstones.map((t) => (over(t.deletedAt) ? { ...t, deletedAt: ceiling } : t)),
    ...optional('orderModifiedAt'),
    ...optional('settingsModifiedAt'),
    ...optional('prunedBefore'),
  };
}
