import { describe, expect, it } from 'vitest';
import { accountsFromBackup, applyRestore, contentsFromBackup, planRestore } from '../../../lib/backup';
import { acc, remote, T0, vault } from './merge-helpers';

describe('planRestore (recovery prevention)', () => {
  it.each([
    { label: 'same issuer and name', existing: acc('e', { issuer: 'GitHub', accountName: 'octo' }), incoming: acc('i', { issuer: 'GitHub', accountName: 'octo' }), reason: 'same-issuer-and-name' },
    { label: 'same issuer and name, other case', existing: acc('e', { issuer: 'GitHub', accountName: 'Octo@Example.com' }), incoming: acc('i', { issuer: 'GITHUB', accountName: 'octo@example.COM' }), reason: 'same-issuer-and-name' },
    { label: 'same issuer and name, full-width', existing: acc('e', { issuer: 'Google', accountName: 'taro' }), incoming: acc('i', { issuer: 'Ｇｏｏｇｌｅ', accountName: 'ｔａｒｏ' }), reason: 'same-issuer-and-name' },
    { label: 'same secret, renamed', existing: acc('e', { issuer: 'Old name', secret: 'JBSWY3DPEHPK3PXP' }), incoming: acc('i', { issuer: 'New name', secret: 'JBSWY3DPEHPK3PXP' }), reason: 'same-secret' },
    { label: 'same id, renamed and re-keyed', existing: acc('same', { issuer: 'A' }), incoming: acc('same', { issuer: 'B', secret: 'MFRGGZDFMZTWQ2LK' }), reason: 'same-id' },
  ])('skips an account with the $label, naming the existing one', ({ existing, incoming, reason }) => {
    const plan = planRestore([acc('other'), existing], [incoming]);
    expect(plan.toAdd).toEqual([]);
    expect(plan.skipped).toEqual([{ incoming, existing, reason }]);
  });

  it.each([
    { label: 'same issuer, other name', incoming: acc('i', { issuer: 'GitHub', accountName: 'someone else' }) },
    { label: 'same name, other issuer', incoming: acc('i', { issuer: 'GitLab', accountName: 'octo' }) },
    { label: 'a device-bound account without a secret (never matches on the empty secret)', incoming: acc('i', { issuer: 'Work', secret: '', deviceBound: true, needsVerification: true }) },
  ])('adds an account with $label', ({ incoming }) => {
    const local = [acc('e', { issuer: 'GitHub', accountName: 'octo' }), acc('p', { issuer: 'Pending', secret: '', deviceBound: true, needsVerification: true })];
    expect(planRestore(local, [incoming])).toEqual({ toAdd: [incoming], skipped: [] });
  });

  it('an account with the name of one and the secret of another is a true duplicate of the other', () => {
    const named = acc('n', { issuer: 'GitHub', accountName: 'octo', secret: 'MFRGGZDFMZTWQ2LK' });
    const keyed = acc('k', { issuer: 'Renamed', accountName: 'me', secret: 'JBSWY3DPEHPK3PXP' });
    const incoming = acc('i', { issuer: 'GitHub', accountName: 'octo', secret: 'JBSWY3DPEHPK3PXP' });
    expect(planRestore([named, keyed], [incoming]).skipped).toEqual([{ incoming, existing: keyed, reason: 'same-secret' }]);
  });

  it('keeps the backup order in toAdd and does not compare incoming accounts with each other', () => {
    const twins = [acc('t1', { issuer: 'X', accountName: 'same' }), acc('t2', { issuer: 'X', accountName: 'same' })];
    const incoming = [acc('z'), ...twins, acc('y'), acc('dup', { issuer: 'Here', accountName: 'me' })];
    const plan = planRestore([acc('h', { issuer: 'Here', accountName: 'me' })], incoming);
    expect(plan.toAdd.map((a) => a.id)).toEqual(['z', 't1', 't2', 'y']);
    expect(plan.skipped.map((s) => s.incoming.id)).toEqual(['dup']);
  });

  it('everything is added into an empty vault', () => {
    const incoming = [acc('a'), acc('b')];
    expect(planRestore([], incoming)).toEqual({ toAdd: incoming, skipped: [] });
  });
});

describe('applyRestore', () => {
  const NOW = T0 + 1_000;
  let next = 0;
  const newId = () => `fresh-${++next}`;

  it('appends in backup order, stamps modifiedAt, and clears local tombstones of the restored ids', () => {
    const local = vault([acc('h')], { tombstones: [{ id: 'b', deletedAt: T0 + 500 }, { id: 'other', deletedAt: T0 }] });
    const result = applyRestore(local, [acc('b'), acc('a')], { now: NOW, newId });
    expect(result.accounts.map((a) => a.id)).toEqual(['h', 'b', 'a']);
    expect(result.accounts.slice(1).every((a) => a.modifiedAt === NOW && a.createdAt === T0)).toBe(true);
    expect(result.tombstones).toEqual([{ id: 'other', deletedAt: T0 }]);
    expect(local.accounts).toHaveLength(1); // pure
  });

  it('gives "keep both" copies a fresh id instead of a duplicate', () => {
    const local = vault([acc('same')]);
    const result = applyRestore(local, [acc('same', { issuer: 'Backup copy' }), acc('same', { issuer: 'Another' })], { now: NOW, newId });
    const ids = result.accounts.map((a) => a.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toBe('same');
    expect(result.accounts[1]?.issuer).toBe('Backup copy');
  });
});

describe('from backup contents', () => {
  it('accountsFromBackup: device-bound accounts come back secret-less, needing verification', () => {
    const contents = remote(vault([acc('a'), acc('b', { deviceBound: true })]));
    const [a, b] = accountsFromBackup(contents);
    expect(a).toEqual(acc('a'));
    expect(b).toMatchObject({ id: 'b', deviceBound: true, secret: '', needsVerification: true });
  });

  it('contentsFromBackup: an empty device gets everything, in the same order', () => {
    const original = vault([acc('c'), acc('a'), acc('b')], {
      settings: { autoLockMinutes: 3, theme: 'light' },
      tombstones: [{ id: 'd', deletedAt: T0 }],
      orderModifiedAt: T0 + 1,
      settingsModifiedAt: T0 + 2,
    });
    expect(contentsFromBackup(remote(original))).toEqual(original);
  });
});
