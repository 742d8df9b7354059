import { describe, expect, it } from 'vitest';
import { findDuplicate, sameIssuerAndName } from '../../../lib/otp/duplicates';

const existing = [
  { id: 'a', issuer: 'GitHub', accountName: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' },
  { id: 'b', issuer: 'ＴＥＳＴ', accountName: '太郎', secret: 'GEZDGNBVGY3TQOJQ' },
];

describe('findDuplicate', () => {
  it.each([
    { candidate: { issuer: 'github', accountName: 'ALICE@example.com ', secret: 'KRUGS4ZANFZSAYJA' }, id: 'a', reason: 'same-issuer-and-name' },
    { candidate: { issuer: 'Other', accountName: 'other', secret: 'JBSWY3DPEHPK3PXP' }, id: 'a', reason: 'same-secret' },
    // Full-width and half-width forms are the same name (NFKC).
    { candidate: { issuer: 'test', accountName: '太郎', secret: 'KRUGS4ZANFZSAYJA' }, id: 'b', reason: 'same-issuer-and-name' },
    // The name of one, the secret of another: a true duplicate of the other, wherever it is listed.
    { candidate: { issuer: 'GitHub', accountName: 'alice@example.com', secret: 'GEZDGNBVGY3TQOJQ' }, id: 'b', reason: 'same-secret' },
  ])('$candidate.issuer/$candidate.accountName → $reason', ({ candidate, id, reason }) => {
    expect(findDuplicate(existing, candidate)).toEqual({ existing: existing.find((e) => e.id === id), reason });
  });

  it.each([
    { issuer: 'GitHub', accountName: 'bob@example.com', secret: 'KRUGS4ZANFZSAYJA' },
    { issuer: 'GitLab', accountName: 'alice@example.com', secret: 'KRUGS4ZANFZSAYJA' },
    // An account still waiting for its secret never matches on the empty secret.
    { issuer: 'New', accountName: 'n', secret: '' },
  ])('no duplicate for $issuer/$accountName', (candidate) => {
    expect(findDuplicate([...existing, { id: 'c', issuer: 'X', accountName: 'y', secret: '' }], candidate)).toBeNull();
  });
});

describe('findDuplicate with the same name allowed (the user chose to keep both)', () => {
  it.each([
    { candidate: { issuer: 'github', accountName: 'alice@example.com', secret: 'KRUGS4ZANFZSAYJA' }, expected: null },
    // The same secret is still the same account, even behind another account's name match.
    { candidate: { issuer: 'GitHub', accountName: 'alice@example.com', secret: 'GEZDGNBVGY3TQOJQ' }, expected: { id: 'b', reason: 'same-secret' } },
    { candidate: { issuer: 'GitHub', accountName: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' }, expected: { id: 'a', reason: 'same-secret' } },
  ])('$candidate.issuer/$candidate.secret → $expected', ({ candidate, expected }) => {
    const found = findDuplicate(existing, candidate, { sameNameAllowed: true });
    expect(found && { id: found.existing.id, reason: found.reason }).toEqual(expected);
  });
});

describe('sameIssuerAndName', () => {
  it.each([
    { a: ['GitHub', 'alice'], b: ['github', ' ALICE '], same: true },
    { a: ['ＴＥＳＴ', '太郎'], b: ['test', '太郎'], same: true },
    { a: ['GitHub', 'alice'], b: ['GitLab', 'alice'], same: false },
    { a: ['GitHub', 'alice'], b: ['GitHub', 'bob'], same: false },
    { a: ['', 'alice'], b: ['GitHub', 'alice'], same: false },
  ])('$a vs $b → $same', ({ a, b, same }) => {
    expect(sameIssuerAndName({ issuer: a[0]!, accountName: a[1]! }, { issuer: b[0]!, accountName: b[1]! })).toBe(same);
  });
});
