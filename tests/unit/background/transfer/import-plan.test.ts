import { describe, expect, it } from 'vitest';
import { planImport } from '../../../../lib/background/transfer/import-plan';
import type { Account, AccountDraft } from '../../../../lib/otp/account';

const draft = (issuer: string, accountName: string, secret: string): AccountDraft => ({
  issuer, accountName, secret, type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0,
});
const account = (id: string, d: AccountDraft): Account => ({ ...d, id, createdAt: 1, modifiedAt: 1 });

const existing = [account('a', draft('GitHub', 'alice', 'AAAAAAAA')), account('b', draft('Bank', 'bob', 'BBBBBBBB'))];

describe('planImport', () => {
  it.each([
    ['new account', draft('GitLab', 'alice', 'CCCCCCCC'), null],
    ['same issuer and name, other secret', draft('github', 'ALICE', 'CCCCCCCC'), { id: 'a', reason: 'same-issuer-and-name' }],
    ['full-width issuer', draft('ＧｉｔＨｕｂ', 'alice', 'CCCCCCCC'), { id: 'a', reason: 'same-issuer-and-name' }],
    ['same secret, other names', draft('Other', 'someone', 'BBBBBBBB'), { id: 'b', reason: 'same-secret' }],
  ] as const)('%s', (_label, incoming, duplicate) => {
    const plan = planImport(existing, [incoming]);
    if (duplicate === null) {
      expect(plan).toEqual({ toAdd: [incoming], duplicates: [] });
    } else {
      const match = existing.find((e) => e.id === duplicate.id)!;
      expect(plan).toEqual({
        toAdd: [],
        duplicates: [{ draft: incoming, existing: { id: match.id, issuer: match.issuer, accountName: match.accountName }, reason: duplicate.reason, inFile: false }],
      });
    }
  });

  it('keeps the file order and compares entries of the file with each other: the first one wins', () => {
    const first = draft('New', 'one', 'DDDDDDDD');
    const again = draft('NEW', 'One', 'EEEEEEEE');
    const sameSecret = draft('Third', 'x', 'DDDDDDDD');
    const last = draft('Last', 'z', 'FFFFFFFF');
    const plan = planImport(existing, [first, again, sameSecret, last]);
    expect(plan.toAdd).toEqual([first, last]);
    expect(plan.duplicates).toEqual([
      { draft: again, existing: { issuer: 'New', accountName: 'one' }, reason: 'same-issuer-and-name', inFile: true },
      { draft: sameSecret, existing: { issuer: 'New', accountName: 'one' }, reason: 'same-secret', inFile: true },
    ]);
  });

  it('an empty vault takes everything that is not doubled', () => {
    const drafts = [draft('A', 'a', 'AAAAAAAA'), draft('B', 'b', 'BBBBBBBB')];
    expect(planImport([], drafts)).toEqual({ toAdd: drafts, duplicates: [] });
  });
});
