import { describe, expect, it } from 'vitest';
import { NUDGE_SNOOZE_MS, nudgeSnoozed } from '../../../lib/display/nudge';

const AT = Date.UTC(2026, 11, 5, 12);
const DAY = 24 * 60 * 60 * 1000;

describe('nudgeSnoozed: "Not now" holds the backup suggestion back', () => {
  it.each<[string, { snoozedAt: number; accountCount: number } | null, number, number, boolean]>([
    ['never put off', null, AT, 2, false],
    ['just now', { snoozedAt: AT, accountCount: 2 }, AT, 2, true],
    ['6 days later', { snoozedAt: AT, accountCount: 2 }, AT + 6 * DAY, 2, true],
    ['a week later', { snoozedAt: AT, accountCount: 2 }, AT + NUDGE_SNOOZE_MS, 2, false],
    ['two more accounts', { snoozedAt: AT, accountCount: 2 }, AT + DAY, 4, true],
    ['three more accounts', { snoozedAt: AT, accountCount: 2 }, AT + DAY, 5, false],
    ['fewer accounts (some deleted)', { snoozedAt: AT, accountCount: 5 }, AT + DAY, 1, true],
    ['put off while empty, still empty', { snoozedAt: AT, accountCount: 0 }, AT + DAY, 0, true],
    ['put off while empty, first account added', { snoozedAt: AT, accountCount: 0 }, AT + DAY, 1, false],
    ['the clock went back before the snooze', { snoozedAt: AT, accountCount: 2 }, AT - DAY, 2, false],
  ])('%s → %s', (_name, snooze, now, count, snoozed) => {
    expect(nudgeSnoozed(snooze, now, count)).toBe(snoozed);
  });
});
