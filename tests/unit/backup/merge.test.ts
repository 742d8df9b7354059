import { describe, expect, it } from 'vitest';
import { mergeContents, TOMBSTONE_MAX_AGE_MS, type MergeReport } from '../../../lib/backup';
import type { Account } from '../../../lib/otp/account';
import type { Settings, VaultContents } from '../../../lib/vault';
import { acc, DAY, remote, T0, vault } from './merge-helpers';

const NOW = T0 + 10 * DAY;

interface Row {
  rule: string;
  local: VaultContents;
  remote: VaultContents;
  /** The merged account ids, in order. */
  ids: string[];
  /** Fields some merged accounts must have. */
  accounts?: Record<string, Partial<Account> & { secretOf?: 'local' | 'remote' }>;
  /** Fields some merged accounts must NOT have. */
  absent?: Record<string, (keyof Account)[]>;
  settings?: Settings;
  tombstones?: { id: string; deletedAt: number }[];
  report?: Partial<MergeReport>;
  /** The remote device's clock when it wrote its backup (default T0). */
  remoteWrittenAt?: number;
}

const bound = (id: string, o: Partial<Account> = {}) => acc(id, { deviceBound: true, ...o });

const rows: Row[] = [
  // No account lost; edits kept.
  {
    rule: 'edited here, untouched there → the local edit stays and the backup is outdated',
    local: vault([acc('a', { issuer: 'Edited here', modifiedAt: T0 + 10 })]),
    remote: vault([acc('a')]),
    ids: ['a'],
    accounts: { a: { issuer: 'Edited here' } },
    report: { updated: [], localChanged: false, remoteOutdated: true },
  },
  {
    rule: 'edited there, untouched here → the remote edit is taken',
    local: vault([acc('a')]),
    remote: vault([acc('a', { accountName: 'renamed@there', modifiedAt: T0 + 10 })]),
    ids: ['a'],
    accounts: { a: { accountName: 'renamed@there' } },
    report: { updated: ['a'], localChanged: true, remoteOutdated: false },
  },
  {
    rule: 'edited on both (concurrent), the remote later → remote wins',
    local: vault([acc('a', { issuer: 'L', modifiedAt: T0 + 5 })]),
    remote: vault([acc('a', { issuer: 'R', modifiedAt: T0 + 9 })]),
    ids: ['a'],
    accounts: { a: { issuer: 'R', modifiedAt: T0 + 9 } },
    report: { updated: ['a'] },
  },
  {
    rule: 'edited on both (concurrent), the local later → local wins',
    local: vault([acc('a', { issuer: 'L', modifiedAt: T0 + 9 })]),
    remote: vault([acc('a', { issuer: 'R', modifiedAt: T0 + 5 })]),
    ids: ['a'],
    accounts: { a: { issuer: 'L' } },
    report: { updated: [], localChanged: false, remoteOutdated: true },
  },
  {
    rule: 'added here only → kept, backup outdated',
    local: vault([acc('a'), acc('b')]),
    remote: vault([acc('a')]),
    ids: ['a', 'b'],
    report: { added: [], removed: [], localChanged: false, remoteOutdated: true },
  },
  {
    rule: 'added there only → added here',
    local: vault([acc('a')]),
    remote: vault([acc('a'), acc('b')]),
    ids: ['a', 'b'],
    report: { added: ['b'], localChanged: true, remoteOutdated: false },
  },
  {
    rule: 'the same on both sides → nothing to do',
    local: vault([acc('a'), acc('b')], { tombstones: [{ id: 'x', deletedAt: T0 }] }),
    remote: vault([acc('a'), acc('b')], { tombstones: [{ id: 'x', deletedAt: T0 }] }),
    ids: ['a', 'b'],
    report: { added: [], updated: [], removed: [], reordered: false, settingsChanged: false, localChanged: false, remoteOutdated: false },
  },
  // No deleted account resurrected.
  {
    rule: 'deleted there after the last edit → removed here',
    local: vault([acc('a'), acc('b')]),
    remote: vault([acc('b')], { tombstones: [{ id: 'a', deletedAt: T0 + 5 }] }),
    ids: ['b'],
    tombstones: [{ id: 'a', deletedAt: T0 + 5 }],
    report: { removed: ['a'], localChanged: true, remoteOutdated: false },
  },
  {
    rule: 'deleted here, a stale copy there → stays deleted (not resurrected)',
    local: vault([acc('b')], { tombstones: [{ id: 'a', deletedAt: T0 + 5 }] }),
    remote: vault([acc('a'), acc('b')]),
    ids: ['b'],
    report: { added: [], localChanged: false, remoteOutdated: true },
  },
  {
    rule: 'delete vs edit: deleted there, edited here after the deletion → survives with the edit',
    local: vault([acc('a', { issuer: 'Edited later', modifiedAt: T0 + 9 })]),
    remote: vault([], { tombstones: [{ id: 'a', deletedAt: T0 + 5 }] }),
    ids: ['a'],
    accounts: { a: { issuer: 'Edited later' } },
    tombstones: [{ id: 'a', deletedAt: T0 + 5 }],
    report: { removed: [] },
  },
  {
    rule: 'delete vs edit: deleted here, edited there after the deletion → comes back edited',
    local: vault([], { tombstones: [{ id: 'a', deletedAt: T0 + 5 }] }),
    remote: vault([acc('a', { issuer: 'Edited there later', modifiedAt: T0 + 9 })]),
    ids: ['a'],
    accounts: { a: { issuer: 'Edited there later' } },
    report: { added: ['a'] },
  },
  {
    rule: 'edit vs delete: edited there before the deletion here → stays deleted',
    local: vault([], { tombstones: [{ id: 'a', deletedAt: T0 + 9 }] }),
    remote: vault([acc('a', { issuer: 'Edited earlier', modifiedAt: T0 + 5 })]),
    ids: [],
  },
  {
    rule: 'a deletion at the very time of the last edit → deleted',
    local: vault([acc('a', { modifiedAt: T0 + 5 })]),
    remote: vault([], { tombstones: [{ id: 'a', deletedAt: T0 + 5 }] }),
    ids: [],
    report: { removed: ['a'] },
  },
  {
    rule: 'tombstones of both sides are united, the later deletion kept',
    local: vault([], { tombstones: [{ id: 'x', deletedAt: T0 + 1 }, { id: 'y', deletedAt: T0 + 7 }] }),
    remote: vault([], { tombstones: [{ id: 'x', deletedAt: T0 + 3 }, { id: 'z', deletedAt: T0 + 2 }] }),
    ids: [],
    tombstones: [{ id: 'x', deletedAt: T0 + 3 }, { id: 'y', deletedAt: T0 + 7 }, { id: 'z', deletedAt: T0 + 2 }],
    report: { localChanged: true, remoteOutdated: true },
  },
  // Device-bound secrets.
  {
    rule: 'device-bound, renamed there (newer, secret-less copy) → name taken, local secret kept',
    local: vault([bound('a')]),
    remote: vault([bound('a', { accountName: 'renamed', modifiedAt: T0 + 9 })]),
    ids: ['a'],
    accounts: { a: { accountName: 'renamed', secretOf: 'local' } },
    absent: { a: ['needsVerification'] },
    report: { updated: ['a'], remoteOutdated: false },
  },
  {
    rule: 'device-bound, older secret-less copy there → local kept whole, backup not outdated',
    local: vault([bound('a', { modifiedAt: T0 + 9 })]),
    remote: vault([bound('a')]),
    ids: ['a'],
    accounts: { a: { modifiedAt: T0 + 9, secretOf: 'local' } },
    report: { updated: [], localChanged: false, remoteOutdated: true },
  },
  {
    rule: 'device-bound only in the backup → added without a secret, needing verification',
    local: vault([]),
    remote: vault([bound('a')]),
    ids: ['a'],
    accounts: { a: { secret: '', needsVerification: true, deviceBound: true } },
    report: { added: ['a'] },
  },
  {
    rule: 'made device-bound there (newer) → flag taken, secret stays here',
    local: vault([acc('a')]),
    remote: vault([acc('a', { deviceBound: true, modifiedAt: T0 + 9 })]),
    ids: ['a'],
    accounts: { a: { deviceBound: true, secretOf: 'local' } },
  },
  {
    rule: 'waiting for verification here, secret known there (not device-bound any more) → secret taken, flag cleared',
    local: vault([bound('a', { secret: '', needsVerification: true, modifiedAt: T0 + 9 })]),
    remote: vault([acc('a', { deviceBound: false, modifiedAt: T0 + 5 })]),
    ids: ['a'],
    accounts: { a: { secretOf: 'remote', deviceBound: true } },
    absent: { a: ['needsVerification'] },
  },
  {
    rule: 'device-bound HOTP: the secret and its counter stay together',
    local: vault([bound('a', { type: 'hotp', counter: 7 })]),
    remote: vault([bound('a', { type: 'hotp', counter: 40, issuer: 'Renamed', modifiedAt: T0 + 9 })]),
    ids: ['a'],
    accounts: { a: { issuer: 'Renamed', counter: 7, secretOf: 'local' } },
  },
  {
    rule: 'HOTP with the same secret: the counter never goes back',
    local: vault([acc('a', { type: 'hotp', counter: 10, issuer: 'Newer name', modifiedAt: T0 + 9 })]),
    remote: vault([acc('a', { type: 'hotp', counter: 12, modifiedAt: T0 + 5 })]),
    ids: ['a'],
    accounts: { a: { issuer: 'Newer name', counter: 12 } },
    report: { updated: ['a'], remoteOutdated: true },
  },
  // Order.
  {
    rule: 'reordered there more recently → the backup\'s order',
    local: vault([acc('a'), acc('b'), acc('c')], { orderModifiedAt: T0 }),
    remote: vault([acc('c'), acc('a'), acc('b')], { orderModifiedAt: T0 + 5 }),
    ids: ['c', 'a', 'b'],
    report: { reordered: true, remoteOutdated: false },
  },
  {
    rule: 'reordered here more recently → the local order',
    local: vault([acc('b'), acc('a'), acc('c')], { orderModifiedAt: T0 + 5 }),
    remote: vault([acc('a'), acc('b'), acc('c')], { orderModifiedAt: T0 }),
    ids: ['b', 'a', 'c'],
    report: { reordered: false, localChanged: false, remoteOutdated: true },
  },
  {
    rule: 'reorder there vs add here → the backup\'s order, the new account next to its neighbour',
    local: vault([acc('a'), acc('d'), acc('b'), acc('c')]),
    remote: vault([acc('c'), acc('b'), acc('a')], { orderModifiedAt: T0 + 5 }),
    ids: ['c', 'b', 'a', 'd'],
  },
  {
    rule: 'reorder here vs add there → the local order, the new account after its neighbour',
    local: vault([acc('c'), acc('b'), acc('a')], { orderModifiedAt: T0 + 5 }),
    remote: vault([acc('a'), acc('b'), acc('e'), acc('c')]),
    ids: ['c', 'b', 'e', 'a'],
    report: { added: ['e'], reordered: false },
  },
  {
    rule: 'added at the very top here → placed before its following neighbour',
    local: vault([acc('x'), acc('a'), acc('b')]),
    remote: vault([acc('b'), acc('a')], { orderModifiedAt: T0 + 5 }),
    ids: ['b', 'x', 'a'],
  },
  {
    rule: 'both added at the end, never reordered → the backup\'s order first, then the local addition after its neighbour',
    local: vault([acc('a'), acc('b'), acc('l')]),
    remote: vault([acc('a'), acc('b'), acc('r')]),
    ids: ['a', 'b', 'l', 'r'],
  },
  {
    rule: 'an added run keeps its inner order',
    local: vault([acc('a'), acc('n1'), acc('n2'), acc('n3'), acc('b')]),
    remote: vault([acc('b'), acc('a')], { orderModifiedAt: T0 + 5 }),
    ids: ['b', 'a', 'n1', 'n2', 'n3'],
  },
  // Settings.
  {
    rule: 'settings changed there more recently → taken',
    local: vault([], { settings: { autoLockMinutes: 5, theme: 'light' }, settingsModifiedAt: T0 }),
    remote: vault([], { settings: { autoLockMinutes: 60, theme: 'dark' }, settingsModifiedAt: T0 + 5 }),
    ids: [],
    settings: { autoLockMinutes: 60, theme: 'dark' },
    report: { settingsChanged: true, localChanged: true, remoteOutdated: false },
  },
  {
    rule: 'settings changed here more recently → kept',
    local: vault([], { settings: { autoLockMinutes: 5, theme: 'light' }, settingsModifiedAt: T0 + 5 }),
    remote: vault([], { settings: { autoLockMinutes: 60, theme: 'dark' }, settingsModifiedAt: T0 }),
    ids: [],
    settings: { autoLockMinutes: 5, theme: 'light' },
    report: { settingsChanged: false, localChanged: false, remoteOutdated: true },
  },
  {
    rule: 'settings never changed on either side → the backup\'s (all devices converge)',
    local: vault([], { settings: { autoLockMinutes: 5, theme: 'light' } }),
    remote: vault([], { settings: { autoLockMinutes: 60, theme: 'dark' } }),
    ids: [],
    settings: { autoLockMinutes: 60, theme: 'dark' },
    report: { settingsChanged: true, remoteOutdated: false },
  },
  // Pruning.
  {
    rule: 'tombstones older than the maximum age are pruned, younger ones kept',
    remoteWrittenAt: NOW,
    local: vault([], { tombstones: [{ id: 'old', deletedAt: NOW - TOMBSTONE_MAX_AGE_MS - 1 }, { id: 'young', deletedAt: NOW - TOMBSTONE_MAX_AGE_MS + 1 }] }),
    remote: vault([], { tombstones: [{ id: 'old2', deletedAt: NOW - 2 * TOMBSTONE_MAX_AGE_MS }] }),
    ids: [],
    tombstones: [{ id: 'young', deletedAt: NOW - TOMBSTONE_MAX_AGE_MS + 1 }],
    report: { tombstonesPruned: 2, localChanged: true, remoteOutdated: true },
  },
];

describe('mergeContents', () => {
  it.each(rows)('$rule', (row) => {
    const { merged, changes } = mergeContents(row.local, remote(row.remote, row.remoteWrittenAt), { now: NOW });
    expect(merged.accounts.map((a) => a.id)).toEqual(row.ids);
    for (const [id, { secretOf, ...fields }] of Object.entries(row.accounts ?? {})) {
      const account = merged.accounts.find((a) => a.id === id);
      expect(account, id).toMatchObject(fields);
      if (secretOf) {
        const side = secretOf === 'local' ? row.local : row.remote;
        expect(account?.secret).toBe(side.accounts.find((a) => a.id === id)?.secret);
        expect(account?.secret).not.toBe('');
      }
    }
    for (const [id, keys] of Object.entries(row.absent ?? {})) {
      for (const key of keys) expect(merged.accounts.find((a) => a.id === id), `${id}.${key}`).not.toHaveProperty(key);
    }
    if (row.settings) expect(merged.settings).toEqual(row.settings);
    if (row.tombstones) expect([...merged.tombstones].sort((a, b) => a.id.localeCompare(b.id))).toEqual(row.tombstones);
    if (row.report) expect(changes).toMatchObject(row.report);
  });

  it('never loses a secret to the secret-less copy of the backup, whatever the timestamps', () => {
    for (const remoteTime of [T0 - 1, T0, T0 + 1]) {
      const local = vault([bound('a')]);
      const { merged } = mergeContents(local, remote(vault([bound('a', { modifiedAt: remoteTime, issuer: `t${remoteTime}` })])), { now: NOW });
      expect(merged.accounts[0]?.secret).toBe(local.accounts[0]?.secret);
    }
  });

  it('decides equal timestamps the same way on both devices (no ping-pong)', () => {
    const here = acc('a', { issuer: 'Alpha', modifiedAt: T0 + 5 });
    const there = acc('a', { issuer: 'Zulu', modifiedAt: T0 + 5 });
    const onA = mergeContents(vault([here]), remote(vault([there])), { now: NOW }).merged;
    const onB = mergeContents(vault([there]), remote(vault([here])), { now: NOW }).merged;
    expect(onA.accounts[0]?.issuer).toBe(onB.accounts[0]?.issuer);
  });

  it('converges: merging the uploaded result again changes nothing on either side', () => {
    const deviceA = vault([acc('a', { issuer: 'A edit', modifiedAt: T0 + 3 }), acc('b'), acc('n')], { tombstones: [{ id: 'c', deletedAt: T0 + 4 }] });
    const deviceB = vault([acc('c'), acc('b'), acc('a')], { orderModifiedAt: T0 + 2, settings: { autoLockMinutes: 9, theme: 'dark' }, settingsModifiedAt: T0 + 1 });
    const first = mergeContents(deviceA, remote(deviceB), { now: NOW });
    const onB = mergeContents(deviceB, remote(first.merged), { now: NOW });
    expect(onB.merged).toEqual(first.merged);
    expect(onB.changes.remoteOutdated).toBe(false);
    const again = mergeContents(first.merged, remote(onB.merged), { now: NOW });
    expect(again.changes).toMatchObject({ localChanged: false, remoteOutdated: false });
  });

  it('returns contents the vault accepts (valid schema), without changing its inputs', async () => {
    const { VaultContents } = await import('../../../lib/vault');
    const local = vault([acc('a'), bound('b')], { tombstones: [{ id: 'z', deletedAt: T0 }] });
    const theirs = remote(vault([bound('c'), acc('a', { modifiedAt: T0 + 1 })]));
    const before = structuredClone({ local, theirs });
    const { merged } = mergeContents(local, theirs, { now: NOW });
    expect(VaultContents.safeParse(merged).success).toBe(true);
    expect({ local, theirs }).toEqual(before);
  });
});
