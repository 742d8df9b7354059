import { describe, expect, it } from 'vitest';
import { shiftClock, TEST_CLOCK_KEY, testClockHandlers, withTestClock } from '../../../../lib/background/test-clock';
import { startSession } from '../../../../lib/background/vault';
import { createFakePorts, T0 } from '../fake-ports';

/* The test builds' clock (lib/background/test-clock): how an offset moves the background's time and alarms. */

const YEAR = 365 * 24 * 3600 * 1000;
const handlers = testClockHandlers();

describe('shiftClock', () => {
  it.each([
    ['ahead', 60_000],
    ['behind', -YEAR],
    ['not at all', 0],
  ])('moves now() %s and schedules alarms back on the real clock', async (_how, offset) => {
    const ports = createFakePorts();
    const shifted = shiftClock(ports, offset);
    expect(shifted.now()).toBe(T0 + offset);
    await shifted.scheduleAutoLock(T0 + offset + 15 * 60_000);
    expect(ports.scheduledLockAt).toBe(T0 + 15 * 60_000);
    await shifted.scheduleClipboardClear(T0 + offset + 30_000);
    expect(ports.scheduledClipboardClearAt).toBe(T0 + 30_000);
    await shifted.scheduleAutoLock(null);
    expect(ports.scheduledLockAt).toBeNull();
  });
});

describe('test.clock.set', () => {
  it.each([YEAR, -YEAR, 1500])('stores an offset of %s ms that every later event reads', async (offsetMs) => {
    const ports = createFakePorts();
    expect(await handlers['test.clock.set']({ offsetMs, keepUnlocked: true }, ports)).toEqual({ offsetMs });
    expect((await withTestClock(ports)).now()).toBe(T0 + offsetMs);
  });

  it('0 removes the offset', async () => {
    const ports = createFakePorts();
    await handlers['test.clock.set']({ offsetMs: YEAR, keepUnlocked: true }, ports);
    await handlers['test.clock.set']({ offsetMs: 0, keepUnlocked: true }, await withTestClock(ports));
    expect(ports.session.peek(TEST_CLOCK_KEY)).toBeUndefined();
    expect((await withTestClock(ports)).now()).toBe(T0);
  });

  it.each([
    [true, 'stays unlocked: the jump counts as activity on the new clock', T0 + YEAR],
    [false, 'keeps its last activity: the auto-lock judges the jump', T0],
  ])('keepUnlocked %s: an unlocked session %s', async (keepUnlocked, _what, lastActivityMs) => {
    const ports = createFakePorts();
    await startSession(ports, new Uint8Array(32), 15);
    await handlers['test.clock.set']({ offsetMs: YEAR, keepUnlocked }, await withTestClock(ports));
    expect(ports.session.peek('unlocked')).toMatchObject({ lastActivityMs });
  });

  it('a second jump is measured from the real clock, not the previous offset', async () => {
    const ports = createFakePorts();
    await startSession(ports, new Uint8Array(32), 15);
    await handlers['test.clock.set']({ offsetMs: YEAR, keepUnlocked: true }, await withTestClock(ports));
    await handlers['test.clock.set']({ offsetMs: 2 * YEAR, keepUnlocked: true }, await withTestClock(ports));
    expect(ports.session.peek('unlocked')).toMatchObject({ lastActivityMs: T0 + 2 * YEAR });
    expect(ports.scheduledLockAt).toBe(T0 + 15 * 60_000);
  });

  it.each([
    ['ahead: the alarm comes sooner', 57_000, T0 + 3_000],
    ['behind: the alarm comes later', -60_000, T0 + 120_000],
  ])('keepUnlocked false, %s — the deadline stays on the test clock', async (_what, offsetMs, realAlarmAt) => {
    const ports = createFakePorts();
    await startSession(ports, new Uint8Array(32), 1);
    expect(ports.scheduledLockAt).toBe(T0 + 60_000);
    await handlers['test.clock.set']({ offsetMs, keepUnlocked: false }, await withTestClock(ports));
    expect(ports.session.peek('unlocked')).toMatchObject({ lastActivityMs: T0 });
    expect(ports.scheduledLockAt).toBe(realAlarmAt);
  });

  it('keepUnlocked false while locked schedules nothing', async () => {
    const ports = createFakePorts();
    await handlers['test.clock.set']({ offsetMs: 57_000, keepUnlocked: false }, ports);
    expect(ports.scheduledLockAt ?? null).toBeNull();
  });
});
