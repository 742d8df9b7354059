import { describe, expect, it } from 'vitest';
import { SignInRequiredError } from '../../../lib/auth/errors';
import { createBackup, openBackupWithKey, parseBackupFile } from '../../../lib/backup';
import { RETRY_AFTER_JITTER_MS, RETRY_BASE_DELAY_MS, RETRY_MAX_DELAY_MS } from '../../../lib/graph';
import { cloudStatus } from '../../../lib/sync/cloud-status';
import { syncNow, THROTTLED_MIN_DELAY_MS } from '../../../lib/sync/sync-engine';
import type { ProblemCode, SyncState } from '../../../lib/sync/sync-state';
import type { VaultContents } from '../../../lib/vault';
import { FakeDrive, graphErrors, type GraphOperation } from './fake-drive';
import { T0 } from './fake-sync-ports';
import {
  acc,
  ACCOUNT,
  addAccount,
  changeVault,
  cloudOf,
  createDevice,
  devicesInSync,
  editAccount,
  idsOf,
  queueCurrentVault,
  removeAccount,
  vaultOf,
  type Device,
} from './sync-fixtures';

const MINUTE = 60_000;
const BASE = [acc('a'), acc('b'), acc('c')];

const uploadsOf = (drive: FakeDrive) => drive.callsOf('upload').map((c) => ({ condition: c.condition, outcome: c.outcome }));
const opsOf = (drive: FakeDrive) => drive.calls.map((c) => `${c.op}:${c.outcome}`);
const retriesScheduled = (device: Device) => device.ports.scheduled.filter((at): at is number => at !== null);

/** Devices A and B in sync; A optionally with a change waiting for upload. Counters and the call log start empty. */
async function inSync(options: { pending: boolean }) {
  const setup = await devicesInSync(BASE);
  if (options.pending) await changeVault(setup.a.ports, addAccount(acc('pending', { createdAt: T0 + MINUTE, modifiedAt: T0 + MINUTE })));
  setup.a.ports.resetCounters();
  setup.drive.calls.length = 0;
  return { ...setup, before: setup.a.ports.peekState() };
}

describe('syncNow: a pending upload', () => {
  it('creates the file with If-None-Match: * when this device has seen none, then forgets the outbox', async () => {
    const drive = new FakeDrive();
    const a = await createDevice(drive, { name: 'A', accounts: BASE });
    await queueCurrentVault(a.ports);
    const queued = a.ports.peekState().outbox;
    a.ports.resetCounters();

    const state = await syncNow(a.ports);

    expect(uploadsOf(drive)).toEqual([{ condition: { ifNoneMatch: '*' }, outcome: 'ok' }]);
    expect(drive.current?.text).toBe(queued?.text);
    expect(state).toEqual(a.ports.peekState());
    expect(state).toMatchObject({ remote: { eTag: drive.current?.eTag }, outbox: null, lastSuccessAt: a.ports.now(), problem: null, retry: null });
    expect(a.ports.scheduled).toEqual([null]);
    expect(a.ports.graphRequests).toBe(1);
    expect(idsOf(await cloudOf(drive, a.masterKey))).toEqual(['a', 'b', 'c']);
  });

  it('replaces exactly the version it saw last (If-Match with the stored eTag)', async () => {
    const { drive, a, before } = await inSync({ pending: true });
    const seen = before.remote?.eTag;
    expect(seen).toBeDefined();

    const state = await syncNow(a.ports);

    expect(uploadsOf(drive)).toEqual([{ condition: { ifMatch: seen }, outcome: 'ok' }]);
    expect(state.remote?.eTag).toBe(drive.current?.eTag);
    expect(state.remote?.eTag).not.toBe(seen);
    expect(state.outbox).toBeNull();
    expect(a.ports.vaultWrites).toBe(0);
    expect(idsOf(await cloudOf(drive, a.masterKey))).toEqual(['a', 'b', 'c', 'pending']);
  });

  it('keeps a newer outbox queued during the upload, and sends it next on top of the first', async () => {
    const { drive, a, before } = await inSync({ pending: true });
    drive.duringNextUpload(() => changeVault(a.ports, addAccount(acc('late'))));

    const state = await syncNow(a.ports);

    const uploads = drive.callsOf('upload');
    expect(uploads.map((u) => u.outcome)).toEqual(['ok', 'ok']);
    expect(uploads[0]?.condition).toEqual({ ifMatch: before.remote?.eTag });
    expect(uploads[1]?.condition).toEqual({ ifMatch: uploads[0]?.eTag });
    expect(state.revision).toBe((before.outbox?.revision ?? NaN) + 1);
    expect(state.outbox).toBeNull();
    expect(idsOf(await cloudOf(drive, a.masterKey))).toEqual(['a', 'b', 'c', 'late', 'pending']);
  });

  it('does not clear that newer outbox when only the first upload succeeded', async () => {
    const { drive, a, before } = await inSync({ pending: true });
    drive.duringNextUpload(async () => {
      await changeVault(a.ports, addAccount(acc('late')));
      drive.failNext('upload', graphErrors.network);
    });

    const state = await syncNow(a.ports);

    const [first] = drive.callsOf('upload');
    expect(state.remote?.eTag).toBe(first?.eTag);
    expect(state.outbox?.revision).toBe((before.outbox?.revision ?? NaN) + 1);
    expect(state.problem?.code).toBe('offline');
    expect(idsOf(await cloudOf(drive, a.masterKey))).toEqual(['a', 'b', 'c', 'pending']);
  });
});

interface MergeRow {
  name: string;
  /** B's change (uploaded first), at B's clock. */
  onB: (c: VaultContents, now: number) => VaultContents;
  bAt: number;
  /** A's change (pending when A syncs), at A's clock. */
  onA: (c: VaultContents, now: number) => VaultContents;
  aAt: number;
  ids: string[];
  /** Ids that must be gone (deleted somewhere, never resurrected). */
  deleted?: string[];
  issuers?: Record<string, string>;
  /** Tombstones on both sides: B's pull re-uploads (tombstone order ping-pong, see sync-engine.bug.test.ts). */
  reuploads?: true;
}

const added = (id: string, at: number) => addAccount(acc(id, { createdAt: at, modifiedAt: at }));

const MERGE_ROWS: MergeRow[] = [
  { name: 'B added an account, A edited another', onB: added('x', T0 + 1 * MINUTE), bAt: T0 + 1 * MINUTE, onA: editAccount('a', { issuer: 'Edited on A' }), aAt: T0 + 2 * MINUTE, ids: ['a', 'b', 'c', 'x'], issuers: { a: 'Edited on A' } },
  { name: 'B deleted an account, A added one', onB: removeAccount('b'), bAt: T0 + 1 * MINUTE, onA: added('y', T0 + 2 * MINUTE), aAt: T0 + 2 * MINUTE, ids: ['a', 'c', 'y'], deleted: ['b'] },
  { name: 'B edited an account, A deleted another', onB: editAccount('c', { issuer: 'Edited on B' }), bAt: T0 + 1 * MINUTE, onA: removeAccount('a'), aAt: T0 + 2 * MINUTE, ids: ['b', 'c'], deleted: ['a'], issuers: { c: 'Edited on B' } },
  { name: "A deleted an account B still has (untouched): B's copy does not bring it back", onB: editAccount('a', { issuer: 'Edited on B' }), bAt: T0 + 1 * MINUTE, onA: removeAccount('b'), aAt: T0 + 2 * MINUTE, ids: ['a', 'c'], deleted: ['b'], issuers: { a: 'Edited on B' } },
  { name: 'both deleted a different account', onB: removeAccount('c'), bAt: T0 + 1 * MINUTE, onA: removeAccount('a'), aAt: T0 + 2 * MINUTE, ids: ['b'], deleted: ['a', 'c'], reuploads: true },
  { name: 'both added an account', onB: added('x', T0 + 1 * MINUTE), bAt: T0 + 1 * MINUTE, onA: added('y', T0 + 2 * MINUTE), aAt: T0 + 2 * MINUTE, ids: ['a', 'b', 'c', 'x', 'y'] },
  { name: "both edited one account: A's later edit wins", onB: editAccount('a', { issuer: 'B' }), bAt: T0 + 1 * MINUTE, onA: editAccount('a', { issuer: 'A' }), aAt: T0 + 2 * MINUTE, ids: ['a', 'b', 'c'], issuers: { a: 'A' } },
  { name: "both edited one account: B's later edit wins", onB: editAccount('a', { issuer: 'B' }), bAt: T0 + 3 * MINUTE, onA: editAccount('a', { issuer: 'A' }), aAt: T0 + 2 * MINUTE, ids: ['a', 'b', 'c'], issuers: { a: 'B' } },
  { name: 'B deleted an account after A edited it: the deletion stands', onB: removeAccount('a'), bAt: T0 + 3 * MINUTE, onA: editAccount('a', { issuer: 'A' }), aAt: T0 + 2 * MINUTE, ids: ['b', 'c'], deleted: ['a'] },
  { name: 'A edited an account after B deleted it: the edit keeps it', onB: removeAccount('a'), bAt: T0 + 1 * MINUTE, onA: editAccount('a', { issuer: 'A' }), aAt: T0 + 2 * MINUTE, ids: ['a', 'b', 'c'], issuers: { a: 'A' } },
];

function expectIssuers(contents: { accounts: { id: string; issuer: string }[] }, issuers: Record<string, string> = {}) {
  for (const [id, issuer] of Object.entries(issuers)) expect(contents.accounts.find((x) => x.id === id)?.issuer, id).toBe(issuer);
}

describe('syncNow: 412, another device uploaded meanwhile', () => {
  it.each(MERGE_ROWS)('$name → downloads, merges, writes the vault once, re-uploads with If-Match of the download', async (row) => {
    const { drive, a, b } = await devicesInSync(BASE);
    const seenByA = a.ports.peekState().remote?.eTag;
    b.ports.setNow(row.bAt);
    await changeVault(b.ports, row.onB);
    await syncNow(b.ports);
    const byB = drive.current?.eTag;
    a.ports.setNow(row.aAt);
    await changeVault(a.ports, row.onA);
    a.ports.resetCounters();
    drive.calls.length = 0;

    const state = await syncNow(a.ports);

    expect(opsOf(drive)).toEqual(['upload:GraphPreconditionFailedError', 'download:ok', 'upload:ok']);
    expect(uploadsOf(drive).map((u) => u.condition)).toEqual([{ ifMatch: seenByA }, { ifMatch: byB }]);
    expect(a.ports.vaultWrites).toBe(1);
    expect(state).toMatchObject({ remote: { eTag: drive.current?.eTag }, outbox: null, problem: null, retry: null, pendingMerge: false });

    const vault = await vaultOf(a);
    const cloud = await cloudOf(drive, a.masterKey);
    expect(idsOf(vault)).toEqual(row.ids);
    expect(idsOf(cloud)).toEqual(row.ids);
    expectIssuers(vault, row.issuers);
    expectIssuers(cloud, row.issuers);
    for (const id of row.deleted ?? []) expect(cloud.tombstones.map((t) => t.id)).toContain(id);

    // B pulls the merged version and converges on the same accounts, without uploading.
    drive.calls.length = 0;
    const stateB = await syncNow(b.ports);
    expect(idsOf(await vaultOf(b))).toEqual(row.ids);
    expectIssuers(await vaultOf(b), row.issuers);
    if (!row.reuploads) expect(drive.callsOf('upload')).toEqual([]);
    expect(stateB.remote?.eTag).toBe(drive.current?.eTag);
  });

  it('merges a backup the user rolled back to an older copy, and re-uploads what the cloud lacks (nothing pending)', async () => {
    const { drive, a } = await devicesInSync(BASE);
    const older = drive.current?.text ?? '';
    await changeVault(a.ports, addAccount(acc('newer')));
    await syncNow(a.ports);
    const rolledBack = drive.writeElsewhere(older);
    drive.calls.length = 0;
    a.ports.resetCounters();

    const state = await syncNow(a.ports);

    expect(opsOf(drive)).toEqual(['download:ok', 'upload:ok']);
    expect(uploadsOf(drive)[0]?.condition).toEqual({ ifMatch: rolledBack.eTag });
    expect(idsOf(await cloudOf(drive, a.masterKey))).toEqual(['a', 'b', 'c', 'newer']);
    expect(state).toMatchObject({ outbox: null, problem: null, remote: { eTag: drive.current?.eTag } });
  });

  it('pulls a newer cloud version when nothing is pending: merged into the vault, nothing uploaded', async () => {
    const { drive, a, b } = await devicesInSync(BASE);
    await changeVault(b.ports, addAccount(acc('x')));
    await syncNow(b.ports);
    drive.calls.length = 0;

    const state = await syncNow(a.ports);

    expect(idsOf(await vaultOf(a))).toEqual(['a', 'b', 'c', 'x']);
    expect(drive.callsOf('upload')).toEqual([]);
    expect(a.ports.vaultWrites).toBe(1);
    expect(state).toMatchObject({ remote: { eTag: drive.current?.eTag }, outbox: null, lastSuccessAt: a.ports.now(), problem: null });
  });
});

describe('syncNow: devices racing on every upload', () => {
  it('gives up after a few rounds, the outbox kept for the next pass', async () => {
    const { drive, a } = await inSync({ pending: true });
    const cloudText = drive.current?.text ?? '';
    // Another device re-uploads during each of A's uploads: every If-Match fails.
    const race = async (): Promise<void> => {
      drive.writeElsewhere(cloudText);
      drive.duringNextUpload(race);
    };
    drive.duringNextUpload(race);

    const state = await syncNow(a.ports);

    const uploads = drive.callsOf('upload');
    expect(uploads.length).toBeGreaterThan(1);
    expect(uploads.length).toBeLessThanOrEqual(8);
    expect(uploads.every((u) => u.outcome === 'GraphPreconditionFailedError')).toBe(true);
    expect(state.outbox).not.toBeNull();
    expect(idsOf(await openBackupWithKey(state.outbox?.text ?? '', a.masterKey))).toEqual(['a', 'b', 'c', 'pending']);
  });
});

describe('syncNow: the vault is locked when a merge is needed', () => {
  it('remembers the merge, reports needs-unlock (behind: an upload is pending), and completes after unlock', async () => {
    const { drive, a, b } = await devicesInSync(BASE);
    await changeVault(b.ports, addAccount(acc('x')));
    await syncNow(b.ports);
    await changeVault(a.ports, addAccount(acc('y')));
    const pending = a.ports.peekState().outbox;
    a.ports.lock();
    a.ports.resetCounters();

    const locked = await syncNow(a.ports);

    expect(locked.pendingMerge).toBe(true);
    expect(locked.problem?.code).toBe('needs-unlock');
    expect(locked.outbox).toEqual(pending);
    expect(a.ports.vaultWrites).toBe(0);
    expect(cloudStatus(locked, a.ports.now())).toEqual({ behind: true, reason: 'needs-unlock' });
    expect(idsOf(await cloudOf(drive, a.masterKey))).toEqual(['a', 'b', 'c', 'x']);

    a.ports.unlock(a.masterKey);
    a.ports.resetCounters();
    const unlocked = await syncNow(a.ports);

    expect(unlocked).toMatchObject({ pendingMerge: false, problem: null, outbox: null, remote: { eTag: drive.current?.eTag } });
    expect(a.ports.vaultWrites).toBe(1);
    expect(idsOf(await vaultOf(a))).toEqual(['a', 'b', 'c', 'x', 'y']);
    expect(idsOf(await cloudOf(drive, a.masterKey))).toEqual(['a', 'b', 'c', 'x', 'y']);
    expect(cloudStatus(unlocked, a.ports.now())).toEqual({ behind: false, reason: null });
  });

  it('with nothing pending: remembers the merge without a problem (the cloud is not behind), merges after unlock', async () => {
    const { drive, a, b } = await devicesInSync(BASE);
    await changeVault(b.ports, removeAccount('b'));
    await syncNow(b.ports);
    a.ports.lock();

    const locked = await syncNow(a.ports);

    expect(locked).toMatchObject({ pendingMerge: true, problem: null, outbox: null });
    expect(cloudStatus(locked, a.ports.now() + 10 * MINUTE)).toEqual({ behind: false, reason: null });

    a.ports.unlock(a.masterKey);
    const unlocked = await syncNow(a.ports);

    expect(unlocked).toMatchObject({ pendingMerge: false, problem: null, remote: { eTag: drive.current?.eTag } });
    expect(idsOf(await vaultOf(a))).toEqual(['a', 'c']);
  });
});

describe('syncNow: the backup was deleted from the cloud', () => {
  it.each([
    { name: 'pending upload, If-Match finds the file gone (404)', pending: true, answer: 404 as const, ops: ['upload:GraphNotFoundError'] },
    { name: "pending upload, the client's 412 stands (its metadata check failed)", pending: true, answer: 412 as const, ops: ['upload:GraphPreconditionFailedError', 'download:GraphNotFoundError'] },
    { name: 'nothing pending, the download finds no file', pending: false, answer: 404 as const, ops: ['download:GraphNotFoundError'] },
  ])('$name → backup-missing, outbox kept, never re-created automatically', async ({ pending, answer, ops }) => {
    const { drive, a, before } = await inSync({ pending });
    drive.deleteElsewhere();
    drive.deletedIfMatchAnswer = answer;

    const state = await syncNow(a.ports);

    expect(opsOf(drive)).toEqual(ops);
    expect(state.problem?.code).toBe('backup-missing');
    expect(state.outbox).toEqual(before.outbox);
    expect(state.retry).toBeNull();
    expect(retriesScheduled(a)).toEqual([]);
    expect(cloudStatus(state, a.ports.now())).toEqual({ behind: true, reason: 'backup-missing' });

    // A second pass (the periodic check) does not re-create it either.
    await syncNow(a.ports);
    expect(drive.current).toBeNull();
    expect(uploadsOf(drive).filter((u) => 'ifNoneMatch' in (u.condition ?? {}))).toEqual([]);
  });

  it('a device that never uploaded, with nothing pending and no file, sees no problem', async () => {
    const drive = new FakeDrive();
    const a = await createDevice(drive, { name: 'A', accounts: BASE });

    const state = await syncNow(a.ports);

    expect(opsOf(drive)).toEqual(['download:GraphNotFoundError']);
    expect(state).toMatchObject({ remote: null, problem: null, outbox: null });
  });

  it('a device that never uploaded meets a file another device created: If-None-Match fails, it merges into it', async () => {
    const drive = new FakeDrive();
    const a = await createDevice(drive, { name: 'A', accounts: BASE });
    await queueCurrentVault(a.ports);
    // Another device sharing A's key created the file first (A's If-None-Match: * must fail).
    const vaultFile = a.ports.peekVault();
    if (!vaultFile) throw new Error('no vault');
    const other = await createBackup(
      { contents: { accounts: [acc('o')], settings: { autoLockMinutes: 15, theme: 'system' }, tombstones: [] }, masterKey: a.masterKey, vaultFile, device: { deviceName: 'O', browser: 'Other 1' }, now: T0 },
      { random: (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)) },
    );
    const created = drive.writeElsewhere(JSON.stringify(other));

    const state = await syncNow(a.ports);

    expect(uploadsOf(drive)).toEqual([
      { condition: { ifNoneMatch: '*' }, outcome: 'GraphPreconditionFailedError' },
      { condition: { ifMatch: created.eTag }, outcome: 'ok' },
    ]);
    expect(idsOf(await cloudOf(drive, a.masterKey))).toEqual(['a', 'b', 'c', 'o']);
    expect(state).toMatchObject({ outbox: null, problem: null });
  });
});

interface RetryableRow {
  name: string;
  fault: () => Error;
  code: ProblemCode;
  /** Bounds of the first delay (ms): [min, max). */
  min: number;
  max: number;
}

const RETRYABLE: RetryableRow[] = [
  { name: '429 with Retry-After: 120', fault: () => graphErrors.throttled(120), code: 'throttled', min: 120_000, max: 120_000 + RETRY_AFTER_JITTER_MS },
  { name: '503 with Retry-After: 30', fault: () => graphErrors.unavailable(30), code: 'server-error', min: 30_000, max: 30_000 + RETRY_AFTER_JITTER_MS },
  // No readable Retry-After on a 429/503: at least THROTTLED_MIN_DELAY_MS, whatever the backoff says.
  { name: '503 without Retry-After', fault: () => graphErrors.unavailable(), code: 'server-error', min: THROTTLED_MIN_DELAY_MS, max: THROTTLED_MIN_DELAY_MS + 1 },
  { name: '500', fault: graphErrors.server, code: 'server-error', min: RETRY_BASE_DELAY_MS / 2, max: RETRY_BASE_DELAY_MS },
  { name: 'no network', fault: graphErrors.network, code: 'offline', min: RETRY_BASE_DELAY_MS / 2, max: RETRY_BASE_DELAY_MS },
];

const PENDING = [
  { pending: true, op: 'upload' as GraphOperation },
  { pending: false, op: 'download' as GraphOperation },
];

describe('syncNow: failures retrying can fix', () => {
  const table = RETRYABLE.flatMap((row) => PENDING.map((p) => ({ ...row, ...p })));
  it.each(table)('$name on $op → $code, retry at now + delay in [$min, $max), outbox kept', async ({ fault, code, min, max, pending, op }) => {
    const { drive, a, before } = await inSync({ pending });
    drive.failNext(op, fault);
    const now = a.ports.now();

    const state = await syncNow(a.ports);

    expect(state.problem).toMatchObject({ code, since: now });
    expect(state.retry?.attempt).toBe(0);
    const delay = (state.retry?.at ?? NaN) - now;
    expect(delay).toBeGreaterThanOrEqual(min);
    expect(delay).toBeLessThan(max);
    expect(a.ports.scheduled.at(-1)).toBe(state.retry?.at);
    expect(state.outbox).toEqual(before.outbox);
    expect(state.remote).toEqual(before.remote);
    expect(a.ports.vaultWrites).toBe(0);
    expect(cloudStatus(state, now)).toEqual({ behind: true, reason: code });
  });

  it.each([0, 0.999])('Retry-After is honoured whatever the jitter (%s) and attempt', async (jitter) => {
    const { drive, a } = await inSync({ pending: true });
    a.ports.setJitter(jitter);
    a.ports.setState({ ...a.ports.peekState(), retry: { attempt: 6, at: a.ports.now() } });
    drive.failNext('upload', graphErrors.throttled(10));

    const state = await syncNow(a.ports);

    const delay = (state.retry?.at ?? NaN) - a.ports.now();
    expect(delay).toBeGreaterThanOrEqual(10_000);
    expect(delay).toBeLessThan(10_000 + RETRY_AFTER_JITTER_MS);
  });

  it('backs off exponentially while the network stays down, then clears everything on success', async () => {
    const { drive, a } = await inSync({ pending: true });
    drive.failAlways('upload', graphErrors.network);
    const firstFailure = a.ports.now();
    const delays: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const state = await syncNow(a.ports);
      expect(state.retry?.attempt).toBe(attempt);
      expect(state.problem).toMatchObject({ code: 'offline', since: firstFailure });
      const delay = (state.retry?.at ?? NaN) - a.ports.now();
      const ceiling = RETRY_BASE_DELAY_MS * 2 ** attempt;
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThan(ceiling);
      delays.push(delay);
      a.ports.setNow(state.retry?.at ?? NaN);
    }
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1] ?? Infinity);
    expect(a.ports.scheduled).toHaveLength(6);

    drive.heal();
    const state = await syncNow(a.ports);
    expect(state).toMatchObject({ problem: null, retry: null, outbox: null });
    expect(a.ports.scheduled.at(-1)).toBeNull();
  });

  it('caps the backoff at RETRY_MAX_DELAY_MS after many attempts', async () => {
    const { drive, a } = await inSync({ pending: true });
    a.ports.setState({ ...a.ports.peekState(), retry: { attempt: 29, at: a.ports.now() } });
    a.ports.setJitter(0.999);
    drive.failNext('upload', graphErrors.network);

    const state = await syncNow(a.ports);

    expect(state.retry?.attempt).toBe(30);
    const delay = (state.retry?.at ?? NaN) - a.ports.now();
    expect(delay).toBeGreaterThanOrEqual(RETRY_MAX_DELAY_MS / 2);
    expect(delay).toBeLessThanOrEqual(RETRY_MAX_DELAY_MS);
  });
});

describe('syncNow: failures that wait for the user (no retry scheduled)', () => {
  const rows: { name: string; fault: () => Error; code: ProblemCode }[] = [
    { name: 'SignInRequiredError from the token source', fault: () => new SignInRequiredError('Sign in again (login_required).'), code: 'sign-in-required' },
    { name: '401 after a forced refresh', fault: graphErrors.unauthorized, code: 'sign-in-required' },
    { name: '403 (no app folder for this account)', fault: graphErrors.forbidden, code: 'forbidden' },
    { name: '400 (Graph refused the request)', fault: graphErrors.rejected, code: 'server-error' },
    { name: 'an error that is no Graph error', fault: () => new TypeError('unexpected'), code: 'server-error' },
  ];
  const table = rows.flatMap((row) => PENDING.map((p) => ({ ...row, ...p })));
  it.each(table)('$name on $op → $code', async ({ fault, code, pending, op }) => {
    const { drive, a, before } = await inSync({ pending });
    const error = fault();
    drive.failNext(op, error);

    const state = await syncNow(a.ports);

    expect(state.problem).toEqual({ code, message: error.message, since: a.ports.now() });
    expect(state.retry).toBeNull();
    expect(a.ports.scheduled).toEqual([null]);
    expect(state.outbox).toEqual(before.outbox);
    expect(cloudStatus(state, a.ports.now())).toEqual({ behind: true, reason: code });
  });

  it('keeps the time a problem started while it lasts', async () => {
    const { drive, a } = await inSync({ pending: true });
    drive.failAlways('upload', () => new SignInRequiredError('expired'));
    const first = await syncNow(a.ports);
    a.ports.advance(5 * MINUTE);
    const second = await syncNow(a.ports);
    expect(second.problem?.since).toBe(first.problem?.since);
  });
});

describe('syncNow: a cloud file this device cannot use', () => {
  /** Replaces the cloud file with one this device cannot read; returns its text. */
  const BAD_FILES: { name: string; code: ProblemCode; make: (a: Device, drive: FakeDrive) => Promise<string> }[] = [
    {
      name: 'made with another master key (another vault)',
      code: 'needs-password',
      async make(_a, drive) {
        const stranger = await createDevice(drive, { name: 'S', accounts: [acc('s')], seed: 9 });
        await queueCurrentVault(stranger.ports);
        return stranger.ports.peekState().outbox?.text ?? '';
      },
    },
    {
      name: 'written by a newer version (format version 3)',
      code: 'remote-newer-version',
      async make(_a, drive) {
        return JSON.stringify({ ...(JSON.parse(drive.current?.text ?? '{}') as object), version: 3 });
      },
    },
    {
      name: 'planted, asking for 4 GiB × 20 passes of Argon2id (refused before any derivation)',
      code: 'remote-damaged',
      async make(_a, drive) {
        const file = JSON.parse(drive.current?.text ?? '{}') as { slots: { kdf: object }[] };
        for (const slot of file.slots) Object.assign(slot.kdf, { memoryKiB: 4 * 1_048_576, iterations: 20 });
        return JSON.stringify(file);
      },
    },
    {
      name: 'planted, larger than any backup (5 MiB: never downloaded)',
      code: 'remote-damaged',
      async make() {
        return 'x'.repeat(5 * 1024 * 1024);
      },
    },
    {
      name: 'damaged (a ciphertext byte changed)',
      code: 'remote-damaged',
      async make(_a, drive) {
        const file = parseBackupFile(drive.current?.text);
        const bytes = Buffer.from(file.payload.ciphertext, 'base64');
        bytes[3] = (bytes[3] ?? 0) ^ 1;
        return JSON.stringify({ ...file, payload: { ...file.payload, ciphertext: bytes.toString('base64') } });
      },
    },
  ];
  const table = BAD_FILES.flatMap((row) => PENDING.map((p) => ({ ...row, pending: p.pending })));
  it.each(table)('$name (pending: $pending) → $code; vault and outbox untouched, nothing uploaded', async ({ make, code, pending }) => {
    const { drive, a, before } = await inSync({ pending });
    const bad = await make(a, drive);
    drive.writeElsewhere(bad);
    const vaultBefore = a.ports.peekVault();
    a.ports.resetCounters();

    const state = await syncNow(a.ports);

    expect(state.problem?.code).toBe(code);
    expect(state.retry).toBeNull();
    expect(state.outbox).toEqual(before.outbox);
    expect(state.remote).toEqual(before.remote);
    expect(a.ports.vaultWrites).toBe(0);
    expect(a.ports.peekVault()).toEqual(vaultBefore);
    expect(drive.current?.text).toBe(bad);
    expect(retriesScheduled(a)).toEqual([]);
  });
});

describe('syncNow: passes with nothing to do', () => {
  it('nothing pending and the cloud unchanged → no upload and no storage write', async () => {
    const { drive, a, before } = await inSync({ pending: false });

    const state = await syncNow(a.ports);

    expect(drive.callsOf('upload')).toEqual([]);
    expect(a.ports.writes).toBe(0);
    expect(state).toEqual(before);
  });

  const OFF: { name: string; state: Partial<SyncState> }[] = [
    { name: 'backup off (with an outbox left over)', state: { enabled: false, account: ACCOUNT } },
    { name: 'backup on but no account', state: { enabled: true, account: null } },
    { name: 'backup off and no account', state: { enabled: false, account: null } },
  ];
  it.each(OFF)('$name → nothing happens', async ({ state }) => {
    const { drive, a } = await inSync({ pending: true });
    const stored = { ...a.ports.peekState(), ...state };
    a.ports.setState(stored);

    const result = await syncNow(a.ports);

    expect(result).toEqual(stored);
    expect(a.ports.peekState()).toEqual(stored);
    expect(a.ports.graphRequests).toBe(0);
    expect(drive.calls).toEqual([]);
    expect(a.ports.writes).toBe(0);
    expect(a.ports.scheduled).toEqual([]);
  });
});
