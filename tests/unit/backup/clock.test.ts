import { describe, expect, it } from 'vitest';
import { applyRestore, CLOCK_TOLERANCE_MS, mergeContents, TOMBSTONE_MAX_AGE_MS } from '../../../lib/backup';
import type { Account } from '../../../lib/otp/account';
import { clockOf, deleteAccount, nextStamp, type VaultContents } from '../../../lib/vault';
import { acc, DAY, remote, T0, vault } from './merge-helpers';

/*
 * The clock cases of issue 9 (docs/backup-format.md, "Stamps" and "Pruning
 * horizon"): devices whose clocks are wrong edit, delete, restore and merge in a
 * known real-time order; the outcome must follow that order, not the clocks.
 */

const HOUR = 3_600_000;

/** A device: its vault contents and how far its clock is off real time (ms). */
interface Device {
  contents: VaultContents;
  skew: number;
}

/** The cloud copy: contents and the writer's clock when it wrote them. */
interface Cloud {
  contents: VaultContents;
  writtenAt: number;
}

const clock = (device: Device, real: number) => real + device.skew;

/** `device` merges the cloud copy at real time `real`; uploads when the cloud lacks something. Returns whether it uploaded. */
function sync(device: Device, cloud: Cloud, real: number): boolean {
  const now = clock(device, real);
  const { merged, changes } = mergeContents(device.contents, remote(cloud.contents, cloud.writtenAt), { now });
  device.contents = merged;
  if (!changes.remoteOutdated) return false;
  cloud.contents = merged;
  cloud.writtenAt = now;
  return true;
}

/** An edit as the background makes it: stamped by the contents' clock. */
function rename(device: Device, id: string, issuer: string, real: number): void {
  const stamp = nextStamp(device.contents, clock(device, real));
  device.contents = { ...device.contents, accounts: device.contents.accounts.map((a) => (a.id === id ? { ...a, issuer, modifiedAt: stamp } : a)) };
}

const ids = (contents: VaultContents) => contents.accounts.map((a) => a.id).sort();

describe('nextStamp: a hybrid logical clock', () => {
  const held = vault([acc('a', { modifiedAt: 5000 })], { tombstones: [{ id: 'x', deletedAt: 9000 }], orderModifiedAt: 7000, prunedBefore: 100 });
  it.each([
    { case: 'wall clock ahead of everything held → the wall clock', now: 20_000, stamp: 20_000 },
    { case: 'wall clock behind the highest stamp → highest + 1', now: 1000, stamp: 9001 },
    { case: 'wall clock equal to the highest stamp → highest + 1', now: 9000, stamp: 9001 },
    { case: 'fractional wall clock → whole ms', now: 20_000.7, stamp: 20_000 },
  ])('$case', ({ now, stamp }) => {
    expect(nextStamp(held, now)).toBe(stamp);
  });

  it.each([
    { case: 'empty contents', contents: vault([]), clock: 0 },
    { case: 'an account', contents: vault([acc('a', { modifiedAt: 42 })]), clock: 42 },
    { case: 'a tombstone', contents: vault([], { tombstones: [{ id: 'a', deletedAt: 43 }] }), clock: 43 },
    { case: 'the order stamp', contents: vault([], { orderModifiedAt: 44 }), clock: 44 },
    { case: 'the settings stamp', contents: vault([], { settingsModifiedAt: 45 }), clock: 45 },
    { case: 'the pruning horizon', contents: vault([], { prunedBefore: 46 }), clock: 46 },
  ])('clockOf counts $case', ({ contents, clock: expected }) => {
    expect(clockOf(contents)).toBe(expected);
  });
});

describe('the issue 9 clock cases', () => {
  it('a rename stamped a day ahead does not resurrect an account deleted later in real time', () => {
    const cloud: Cloud = { contents: vault([acc('x'), acc('y')]), writtenAt: T0 };
    const ahead: Device = { contents: cloud.contents, skew: +24 * HOUR };
    const correct: Device = { contents: cloud.contents, skew: 0 };
    rename(ahead, 'x', 'Renamed ahead', T0 + HOUR);
    expect(sync(ahead, cloud, T0 + HOUR)).toBe(true);
    expect(sync(correct, cloud, T0 + 2 * HOUR)).toBe(false);
    expect(correct.contents.accounts.find((a) => a.id === 'x')?.issuer).toBe('Renamed ahead');
    // Later in real time, but a day "before" the rename by the wall clocks:
    correct.contents = deleteAccount(correct.contents, 'x', clock(correct, T0 + 3 * HOUR));
    expect(sync(correct, cloud, T0 + 3 * HOUR)).toBe(true);
    sync(ahead, cloud, T0 + 4 * HOUR);
    expect(ids(ahead.contents)).toEqual(['y']);
    expect(ids(cloud.contents)).toEqual(['y']);
    expect(sync(correct, cloud, T0 + 5 * HOUR)).toBe(false);
    expect(ids(correct.contents)).toEqual(['y']);
  });

  it('a tombstone stamped a day ahead does not delete an account restored later in real time', () => {
    const x = acc('x');
    const cloud: Cloud = { contents: vault([x, acc('y')]), writtenAt: T0 };
    const ahead: Device = { contents: cloud.contents, skew: +24 * HOUR };
    const behind: Device = { contents: cloud.contents, skew: -24 * HOUR };
    ahead.contents = deleteAccount(ahead.contents, 'x', clock(ahead, T0 + HOUR));
    sync(ahead, cloud, T0 + HOUR);
    sync(behind, cloud, T0 + 2 * HOUR);
    expect(ids(behind.contents)).toEqual(['y']);
    // The user restores it on the device whose clock is two days behind the tombstone.
    behind.contents = applyRestore(behind.contents, [x], { now: clock(behind, T0 + 3 * HOUR), newId: () => 'unused' });
    const restored = behind.contents.accounts.find((a) => a.id === 'x') as Account;
    expect(restored.modifiedAt).toBeGreaterThan(clock(ahead, T0 + HOUR));
    expect(sync(behind, cloud, T0 + 3 * HOUR)).toBe(true);
    sync(ahead, cloud, T0 + 4 * HOUR);
    expect(ids(ahead.contents)).toEqual(['x', 'y']);
    expect(ids(cloud.contents)).toEqual(['x', 'y']);
  });

  it('an undo on a device whose clock is behind its own tombstone wins over the tombstone', () => {
    const device: Device = { contents: vault([acc('x')]), skew: 0 };
    device.contents = deleteAccount(device.contents, 'x', T0 + DAY);
    // The clock was corrected back a day; the undo is stamped above the deletion anyway.
    const stamp = nextStamp(device.contents, T0);
    expect(stamp).toBe(T0 + DAY + 1);
  });

  it('a tombstone stamped ten years ahead is clamped, then pruned a year later', () => {
    const cloud: Cloud = { contents: vault([acc('x'), acc('y')]), writtenAt: T0 };
    const broken: Device = { contents: cloud.contents, skew: 3650 * DAY };
    const a: Device = { contents: cloud.contents, skew: 0 };
    const b: Device = { contents: cloud.contents, skew: 0 };
    broken.contents = deleteAccount(broken.contents, 'x', clock(broken, T0 + HOUR));
    sync(broken, cloud, T0 + HOUR);
    sync(a, cloud, T0 + 2 * HOUR);
    expect(ids(a.contents)).toEqual(['y']);
    expect(a.contents.tombstones).toEqual([{ id: 'x', deletedAt: T0 + 2 * HOUR + CLOCK_TOLERANCE_MS }]);
    expect(clockOf(a.contents)).toBeLessThanOrEqual(T0 + 2 * HOUR + CLOCK_TOLERANCE_MS);
    sync(b, cloud, T0 + 3 * HOUR);
    // A year and a bit later both correct clocks agree the deletion is old enough.
    const later = T0 + 2 * HOUR + CLOCK_TOLERANCE_MS + TOMBSTONE_MAX_AGE_MS + 2 * DAY;
    rename(b, 'y', 'touched', later);
    sync(b, cloud, later);
    sync(a, cloud, later + HOUR);
    expect(a.contents.tombstones).toEqual([]);
    expect(cloud.contents.tombstones).toEqual([]);
  });

  it('no upload ping-pong near the horizon: two clocks an hour apart prune the same tombstones, once', () => {
    const start: VaultContents = vault([acc('a', { modifiedAt: T0 - DAY })], { tombstones: [{ id: 'gone', deletedAt: T0 }, { id: 'later', deletedAt: T0 + 2 * DAY }] });
    const cloud: Cloud = { contents: start, writtenAt: T0 };
    const devices: Device[] = [
      { contents: start, skew: +HOUR },
      { contents: start, skew: -HOUR },
    ];
    let extraUploads = 0;
    // Every 5 minutes one device or the other checks the cloud, for the 8 hours around the horizon;
    // every half hour the one checking has renamed an account first (that upload is expected).
    let step = 0;
    for (let real = T0 + TOMBSTONE_MAX_AGE_MS - 4 * HOUR; real < T0 + TOMBSTONE_MAX_AGE_MS + 4 * HOUR; real += 5 * 60_000, step++) {
      const device = devices[step % 2] as Device;
      const edited = step % 6 === 0;
      if (edited) rename(device, 'a', `edit ${step}`, real);
      if (sync(device, cloud, real) && !edited) extraUploads++;
    }
    expect(extraUploads).toBeLessThanOrEqual(1);
    for (const device of [...devices, { contents: cloud.contents, skew: 0 }]) {
      expect(device.contents.tombstones).toEqual([{ id: 'later', deletedAt: T0 + 2 * DAY }]);
    }
    expect(devices[0]?.contents.prunedBefore).toBe(devices[1]?.contents.prunedBefore);
  });

  it('a device two years ahead does not prune early: a stale copy does not bring the deleted account back', () => {
    const x = acc('x', { modifiedAt: T0 });
    const stale: Device = { contents: vault([x, acc('y')]), skew: 0 };
    const cloud: Cloud = { contents: stale.contents, writtenAt: T0 };
    const correct: Device = { contents: stale.contents, skew: 0 };
    correct.contents = deleteAccount(correct.contents, 'x', T0 + 30 * DAY);
    sync(correct, cloud, T0 + 30 * DAY);
    const ahead: Device = { contents: vault([acc('y')]), skew: 730 * DAY };
    rename(ahead, 'y', 'edited far ahead', T0 + 31 * DAY);
    sync(ahead, cloud, T0 + 31 * DAY);
    expect(ahead.contents.tombstones.map((t) => t.id)).toEqual(['x']);
    expect(cloud.contents.tombstones.map((t) => t.id)).toEqual(['x']);
    sync(stale, cloud, T0 + 32 * DAY);
    expect(ids(stale.contents)).toEqual(['y']);
  });

  it('stamps beyond now + the tolerance are clamped on both sides and written back', () => {
    const now = T0;
    const far = now + 10 * 365 * DAY;
    const local = vault([acc('a', { modifiedAt: far })], { orderModifiedAt: far });
    const theirs = vault([acc('b', { modifiedAt: far })], { tombstones: [{ id: 'c', deletedAt: far }], settingsModifiedAt: far, prunedBefore: far });
    const { merged, changes } = mergeContents(local, remote(theirs), { now });
    const ceiling = now + CLOCK_TOLERANCE_MS;
    expect(merged.accounts.map((a) => a.modifiedAt)).toEqual([ceiling, ceiling]);
    expect(merged.tombstones).toEqual([{ id: 'c', deletedAt: ceiling }]);
    expect(merged.orderModifiedAt).toBe(ceiling);
    expect(merged.settingsModifiedAt).toBe(ceiling);
    expect(merged.prunedBefore).toBeLessThanOrEqual(ceiling - TOMBSTONE_MAX_AGE_MS);
    expect(changes).toMatchObject({ localChanged: true, remoteOutdated: true });
  });

  it.each([
    { case: '71 h ahead', offset: 71 * HOUR, clamped: false },
    { case: '72 h ahead', offset: 72 * HOUR, clamped: false },
    { case: '72 h + 1 ms ahead', offset: 72 * HOUR + 1, clamped: true },
  ])('a remote stamp $case is clamped: $clamped', ({ offset, clamped }) => {
    const { merged } = mergeContents(vault([]), remote(vault([acc('a', { modifiedAt: T0 + offset })])), { now: T0 });
    expect(merged.accounts[0]?.modifiedAt).toBe(clamped ? T0 + CLOCK_TOLERANCE_MS : T0 + offset);
  });
});
