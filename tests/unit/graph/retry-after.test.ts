import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../lib/graph';

const NOW = Date.UTC(2026, 9, 21, 7, 27, 30); // Wed, 21 Oct 2026 07:27:30 GMT

describe('parseRetryAfter', () => {
  it.each([
    ['absent', null, undefined],
    ['zero seconds', '0', 0],
    ['seconds', '120', 120],
    ['seconds with spaces', ' 5 ', 5],
    ['an IMF-fixdate 30 s ahead', 'Wed, 21 Oct 2026 07:28:00 GMT', 30],
    ['an IMF-fixdate 0.5 s ahead (rounded up: never earlier than asked)', 'Wed, 21 Oct 2026 07:27:31 GMT', 1],
    ['an RFC 850 date 90 s ahead', 'Wednesday, 21-Oct-26 07:29:00 GMT', 90],
    ['a date in the past', 'Wed, 21 Oct 2026 07:00:00 GMT', 0],
    ['empty', '', undefined],
    ['negative seconds', '-1', undefined],
    ['fractional seconds (Date.parse would read it as a calendar date)', '1.5', undefined],
    ['a bare number Date.parse would accept', '7 2026', undefined],
    ['words', 'soon', undefined],
    ['a date without GMT', 'Wed, 21 Oct 2026 07:28:00', undefined],
    ['an impossible date', 'Wed, 99 Foo 2026 07:28:00 GMT', undefined],
    // Capped at 1 h: a huge hint must not stop automatic backup for years.
    ['exactly 1 h', '3600', 3600],
    ['1 h + 1 s → 1 h', '3601', 3600],
    ['ten digits (317 years) → 1 h', '9999999999', 3600],
    ['thirty digits → 1 h', '9'.repeat(30), 3600],
    ['a date a year ahead → 1 h', 'Thu, 21 Oct 2027 07:27:30 GMT', 3600],
  ])('%s', (_label, value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it('a date is measured from the injected clock', () => {
    const header = 'Wed, 21 Oct 2026 07:28:00 GMT';
    expect(parseRetryAfter(header, NOW - 60_000)).toBe(90);
    expect(parseRetryAfter(header, NOW + 60_000)).toBe(0);
  });
});
