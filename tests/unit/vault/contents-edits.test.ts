import { describe, expect, it } from 'vitest';
import { deleteAccount, reorderAccounts, updateSettings } from '../../../lib/vault';
import { account, contents } from './helpers';

describe('contents edits keep what the merge needs', () => {
  it('deleteAccount removes the account and leaves one tombstone with the time', () => {
    const [a, b] = [account(), account()];
    const before = contents({ accounts: [a, b], tombstones: [{ id: a.id, deletedAt: 1 }] });
    const after = deleteAccount(before, a.id, 500);
    expect(after.accounts).toEqual([b]);
    expect(after.tombstones).toEqual([{ id: a.id, deletedAt: 500 }]);
    expect(before.accounts).toHaveLength(2); // pure
  });

  it('deleteAccount of an unknown id changes nothing', () => {
    const before = contents();
    expect(deleteAccount(before, 'nope', 500)).toBe(before);
  });

  it.each([
    { order: ['c', 'a', 'b'], expected: ['c', 'a', 'b'] },
    { order: ['c'], expected: ['c', 'a', 'b'] },
    { order: ['b', 'zzz', 'b', 'a'], expected: ['b', 'a', 'c'] },
    { order: [], expected: ['a', 'b', 'c'] },
  ])('reorderAccounts($order) → $expected, stamped', ({ order, expected }) => {
    const before = contents({ accounts: ['a', 'b', 'c'].map((id) => account({ id })) });
    const after = reorderAccounts(before, order, 900);
    expect(after.accounts.map((a) => a.id)).toEqual(expected);
    expect(after.orderModifiedAt).toBe(900);
  });

  it('updateSettings merges the patch and stamps it', () => {
    const after = updateSettings(contents(), { theme: 'dark' }, 1234);
    expect(after.settings).toEqual({ autoLockMinutes: 15, theme: 'dark' });
    expect(after.settingsModifiedAt).toBe(1234);
  });
});
