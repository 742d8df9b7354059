import { describe, expect, it } from 'vitest';
import { accountsFromDrafts, deleteAccount, reorderAccounts, updateSettings } from '../../../lib/vault';
import { account, contents } from './helpers';

/** A wall clock later than every stamp the helpers' contents hold. */
const LATER = 1_900_000_000_000;

describe('contents edits keep what the merge needs', () => {
  it('deleteAccount removes the account and leaves one tombstone with the time', () => {
    const [a, b] = [account(), account()];
    const before = contents({ accounts: [a, b], tombstones: [{ id: a.id, deletedAt: 1 }] });
    const after = deleteAccount(before, a.id, LATER);
    expect(after.accounts).toEqual([b]);
    expect(after.tombstones).toEqual([{ id: a.id, deletedAt: LATER }]);
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
    const after = reorderAccounts(before, order, LATER);
    expect(after.accounts.map((a) => a.id)).toEqual(expected);
    expect(after.orderModifiedAt).toBe(LATER);
  });

  it('updateSettings merges the patch and stamps it', () => {
    const after = updateSettings(contents(), { theme: 'dark' }, LATER);
    expect(after.settings).toEqual({ autoLockMinutes: 15, theme: 'dark' });
    expect(after.settingsModifiedAt).toBe(LATER);
  });

  // A wall clock behind the contents' clock (another device's stamps, a clock set back):
  // every edit is still stamped above everything the contents hold.
  it.each([
    { edit: 'deleteAccount', stampOf: (c: ReturnType<typeof contents>) => deleteAccount(c, c.accounts[0]!.id, 500).tombstones.at(-1)!.deletedAt },
    { edit: 'reorderAccounts', stampOf: (c: ReturnType<typeof contents>) => reorderAccounts(c, [], 500).orderModifiedAt },
    { edit: 'updateSettings', stampOf: (c: ReturnType<typeof contents>) => updateSettings(c, { theme: 'dark' }, 500).settingsModifiedAt },
  ])('$edit with a clock behind the contents stamps highest held + 1', ({ stampOf }) => {
    const held = contents({ accounts: [account({ modifiedAt: 7000 })], tombstones: [{ id: 'gone', deletedAt: 9000 }], settingsModifiedAt: 8000 });
    expect(stampOf(held)).toBe(9001);
  });
});

describe('accountsFromDrafts (adding by hand, by QR scan, by import)', () => {
  it('gives each draft a fresh id, the creation time, and one stamp above the contents\' clock', () => {
    const base = contents();
    const ahead = { ...base, accounts: base.accounts.map((a, i) => (i === 0 ? { ...a, modifiedAt: 2_000_000_000_000 } : a)) };
    const { id: _1, createdAt: _2, modifiedAt: _3, ...draftA } = account();
    const { id: _4, createdAt: _5, modifiedAt: _6, ...draftB } = account();
    const ids = ['new-1', 'new-2'];
    const made = accountsFromDrafts(ahead, [draftA, draftB], { now: 1_800_000_000_000, newId: () => ids.shift()! });
    expect(made.map((a) => a.id)).toEqual(['new-1', 'new-2']);
    expect(made.every((a) => a.createdAt === 1_800_000_000_000)).toBe(true);
    // The wall clock is behind a stamp the contents hold: the new accounts still come after it.
    expect(made.every((a) => a.modifiedAt === 2_000_000_000_001)).toBe(true);
    expect(made[0]).toMatchObject(draftA);
    expect(accountsFromDrafts(base, [], { now: 1, newId: () => 'x' })).toEqual([]);
  });
});
