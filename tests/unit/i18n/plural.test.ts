import { describe, expect, it } from 'vitest';
import { pluralForm, pluralKey } from '../../../lib/i18n/plural';

describe('pluralForm', () => {
  it.each([
    ['en', 0, 'other'],
    ['en', 1, 'one'],
    ['en', 2, 'other'],
    ['en', 21, 'other'],
    ['en-GB', 1, 'one'],
    ['ja', 0, 'other'],
    ['ja', 1, 'other'],
    ['ja', 2, 'other'],
  ] as const)('%s %d → %s', (locale, count, form) => {
    expect(pluralForm(count, locale)).toBe(form);
  });
});

describe('pluralKey', () => {
  it.each([
    ['restoredCount', 1, 'en', 'restoredCount_one'],
    ['restoredCount', 3, 'en', 'restoredCount_other'],
    ['restoredCount', 1, 'ja', 'restoredCount_other'],
  ] as const)('%s × %d in %s → %s', (base, count, locale, key) => {
    expect(pluralKey(base, count, locale)).toBe(key);
  });
});
