import { describe, expect, it } from 'vitest';
import { AccountUsage, DEFAULT_POPUP_SETTINGS, MAX_USE_COUNT, PopupSettings, withPin, withUse } from '../../../lib/display/popup-settings';

const EXISTING = new Set(['a', 'b', 'c']);

describe('withPin', () => {
  it.each<[string, string[], string, boolean, string[]]>([
    ['pins at the end', ['a'], 'c', true, ['a', 'c']],
    ['pinning twice keeps one', ['a', 'c'], 'a', true, ['c', 'a']],
    ['unpins', ['a', 'c'], 'a', false, ['c']],
    ['unpinning what is not pinned changes nothing', ['a'], 'b', false, ['a']],
    ['drops ids no longer in the vault', ['gone', 'a'], 'b', true, ['a', 'b']],
  ])('%s', (_name, pinned, id, pin, expected) => {
    expect(withPin({ ...DEFAULT_POPUP_SETTINGS, pinned }, id, pin, EXISTING).pinned).toEqual(expected);
  });
});

describe('withUse', () => {
  it.each<[string, AccountUsage['uses'], string, AccountUsage['uses']]>([
    ['the first use', {}, 'a', { a: { count: 1, lastMs: 50 } }],
    ['one more', { a: { count: 4, lastMs: 1 } }, 'a', { a: { count: 5, lastMs: 50 } }],
    ['stops at the cap', { a: { count: MAX_USE_COUNT, lastMs: 1 } }, 'a', { a: { count: MAX_USE_COUNT, lastMs: 50 } }],
    ['drops deleted accounts', { gone: { count: 3, lastMs: 1 }, b: { count: 1, lastMs: 2 } }, 'a', { a: { count: 1, lastMs: 50 }, b: { count: 1, lastMs: 2 } }],
  ])('%s', (_name, uses, id, expected) => {
    expect(withUse({ uses }, id, 50, EXISTING).uses).toEqual(expected);
  });
});

describe('the stored shapes refuse what they should not hold', () => {
  it.each<[string, unknown]>([
    ['an unknown order', { hideCodes: false, sort: 'random', pinned: [] }],
    ['an empty id', { hideCodes: false, sort: 'manual', pinned: [''] }],
    ['a too long id', { hideCodes: false, sort: 'manual', pinned: ['x'.repeat(101)] }],
    ['too many pins', { hideCodes: false, sort: 'manual', pinned: Array.from({ length: 10_001 }, (_, i) => `id${i}`) }],
    ['hideCodes not a boolean', { hideCodes: 'yes', sort: 'manual', pinned: [] }],
  ])('popup settings: %s', (_name, value) => {
    expect(PopupSettings.safeParse(value).success).toBe(false);
  });

  it.each<[string, unknown]>([
    ['a negative count', { uses: { a: { count: -1, lastMs: 0 } } }],
    ['a count over the cap', { uses: { a: { count: MAX_USE_COUNT + 1, lastMs: 0 } } }],
    ['too many accounts', { uses: Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`id${i}`, { count: 1, lastMs: 0 }])) }],
  ])('usage: %s', (_name, value) => {
    expect(AccountUsage.safeParse(value).success).toBe(false);
  });
});
