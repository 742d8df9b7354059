import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../../lib/i18n/relative-time';

const NOW = Date.UTC(2026, 11, 5, 7, 49, 0);

describe('relativeTime', () => {
  it.each([
    [NOW + 45_000, 'en', 'in 45 seconds'],
    [NOW + 60_000, 'en', 'in 1 minute'],
    [NOW + 90_000, 'en', 'in 2 minutes'],
    [NOW + 59 * 60_000, 'en', 'in 59 minutes'],
    [NOW - 5 * 60_000, 'en', '5 minutes ago'],
    [NOW + 60_000, 'ja', '1 分後'],
    [NOW + 30_000, 'ja', '30 秒後'],
  ] as const)('%d in %s → %s', (at, locale, text) => {
    expect(relativeTime(at, NOW, locale)).toBe(text);
  });

  it.each([NOW + 61 * 60_000, NOW - 2 * 60 * 60_000])('%d is too far: null (a date reads better)', (at) => {
    expect(relativeTime(at, NOW, 'en')).toBeNull();
  });
});
