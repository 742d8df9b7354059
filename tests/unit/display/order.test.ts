import { describe, expect, it } from 'vitest';
import { popupOrder } from '../../../lib/display/order';
import type { AccountUsage, SortOrder } from '../../../lib/display/popup-settings';

// The manual (vault) order: a, b, c, d, e.
const ACCOUNTS = [
  { id: 'a', issuer: 'github', accountName: 'zoe' },
  { id: 'b', issuer: 'Amazon', accountName: 'bob' },
  { id: 'c', issuer: '', accountName: 'Carol' },
  { id: 'd', issuer: 'Amazon', accountName: 'alice' },
  { id: 'e', issuer: 'Account 10', accountName: 'x' },
];
const USAGE: AccountUsage = { uses: { c: { count: 5, lastMs: 10 }, e: { count: 5, lastMs: 20 }, a: { count: 1, lastMs: 99 } } };

describe('popupOrder', () => {
  it.each<[string, SortOrder, string[], string[]]>([
    ['manual: the vault order', 'manual', [], ['a', 'b', 'c', 'd', 'e']],
    ['manual, pinned first in the vault order', 'manual', ['d', 'b'], ['b', 'd', 'a', 'c', 'e']],
    // Issuer, else the name; case-insensitive; the same issuer by account name.
    ['alphabetical', 'alphabetical', [], ['e', 'd', 'b', 'c', 'a']],
    ['alphabetical, pins sorted too', 'alphabetical', ['a', 'b'], ['b', 'a', 'e', 'd', 'c']],
    // More uses first; equal counts by the latest use; never used keep the manual order.
    ['most used', 'most-used', [], ['e', 'c', 'a', 'b', 'd']],
    ['most used with a pin', 'most-used', ['d'], ['d', 'e', 'c', 'a', 'b']],
    ['a pinned id no longer in the vault changes nothing', 'manual', ['gone'], ['a', 'b', 'c', 'd', 'e']],
  ])('%s', (_name, sort, pinned, expected) => {
    expect(popupOrder(ACCOUNTS, { sort, pinned }, USAGE, 'en').map((a) => a.id)).toEqual(expected);
  });

  it('sorts numbers in names as numbers ("Account 9" before "Account 10")', () => {
    const accounts = [{ id: '10', issuer: 'Account 10', accountName: '' }, { id: '9', issuer: 'Account 9', accountName: '' }];
    expect(popupOrder(accounts, { sort: 'alphabetical', pinned: [] }, { uses: {} }, 'en').map((a) => a.id)).toEqual(['9', '10']);
  });

  it('leaves the given list as it was', () => {
    const accounts = [...ACCOUNTS];
    popupOrder(accounts, { sort: 'alphabetical', pinned: ['c'] }, USAGE, 'en');
    expect(accounts).toEqual(ACCOUNTS);
  });
});
