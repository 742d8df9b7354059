import { describe, expect, it } from 'vitest';
import { accountLabel, resolveAccount } from '../../../testing/account-ref';
import type { AccountRef, KitAccount } from '../../../testing/types';

/* How the kit finds the one account a test names (testing/account-ref.ts). */

const account = (id: string, issuer: string, accountName: string): KitAccount => ({
  id,
  issuer,
  accountName,
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  sites: [],
});

const ACCOUNTS = [
  account('a1', 'SPDX', 'James'),
  account('a2', 'Issuu', 'James'),
  account('a3', 'Deno', 'Mason'),
  account('a4', 'WWE', 'Mason'),
  account('a5', '', 'bare-name'),
  // An issuer that is another account's id: the id wins.
  account('a6', 'a1', 'x'),
];

describe('resolveAccount', () => {
  it.each<[string, AccountRef, string]>([
    ['an id', 'a3', 'a3'],
    ['an id before an issuer of the same text', 'a1', 'a1'],
    ['"Issuer:accountName"', 'Issuu:James', 'a2'],
    ['an issuer', 'Deno', 'a3'],
    ['an account name held once', 'bare-name', 'a5'],
    ['an object with the issuer', { issuer: 'SPDX' }, 'a1'],
    ['an object with both fields', { issuer: 'WWE', accountName: 'Mason' }, 'a4'],
    ['an object with the id', { id: 'a2' }, 'a2'],
  ])('finds an account by %s', (_how, ref, id) => {
    expect(resolveAccount(ACCOUNTS, ref).id).toBe(id);
  });

  it.each<[string, AccountRef, string, RegExp]>([
    ['a shared account name', 'James', 'ambiguous-account', /2 accounts match "James": SPDX:James, Issuu:James/],
    ['an object matching two', { accountName: 'Mason' }, 'ambiguous-account', /Deno:Mason, WWE:Mason/],
    ['an unknown name', 'GitHub', 'account-not-found', /No account matches "GitHub". Accounts: SPDX:James/],
    ['the wrong case', 'deno', 'account-not-found', /No account matches/],
    ['an object with a field that does not match', { issuer: 'Deno', accountName: 'James' }, 'account-not-found', /No account matches/],
  ])('refuses %s, naming the candidates', (_what, ref, code, message) => {
    expect(() => resolveAccount(ACCOUNTS, ref)).toThrow(expect.objectContaining({ name: 'HikaeKitError', code, message: expect.stringMatching(message) as string }));
  });

  it('says there are none in an empty vault', () => {
    expect(() => resolveAccount([], 'Deno')).toThrow('Accounts: none.');
  });
});

describe('accountLabel', () => {
  it.each([
    ['GitHub', 'alice', 'GitHub:alice'],
    ['', 'alice', 'alice'],
    ['GitHub', '', 'GitHub'],
  ])('%s + %s → %s', (issuer, accountName, label) => {
    expect(accountLabel({ issuer, accountName })).toBe(label);
  });
});
