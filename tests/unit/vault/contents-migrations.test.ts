import { describe, expect, it } from 'vitest';
import { sitesFromSite } from '../../../lib/vault/contents-migrations';

describe('contents 1 → 2: site → sites', () => {
  it.each([
    [{ id: 'a', site: 'github.com' }, { id: 'a', sites: ['github.com'] }],
    [{ id: 'b', site: '' }, { id: 'b' }],
    [{ id: 'c' }, { id: 'c' }],
  ])('%j → %j', (account, expected) => {
    const input = { contentsVersion: 1, accounts: [account], settings: {}, tombstones: [] };
    expect(sitesFromSite(input)).toEqual({ ...input, accounts: [expected] });
    expect(input.accounts[0]).toBe(account); // pure: the input is untouched
  });

  it('leaves contents without an account list to the schema to refuse', () => {
    expect(sitesFromSite({ contentsVersion: 1 })).toEqual({ contentsVersion: 1 });
  });
});
