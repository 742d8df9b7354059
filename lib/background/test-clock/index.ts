import { TEST_HOOKS } from '../../build-flags';
import type { TestClockRequests } from '../../messaging/requests/test-clock';
import type { BackgroundPorts, HandlersFor } from '../core';
import { rescheduleAutoLock, touchSession } from '../vault';

/*
 * Test builds only (lib/build-flags.ts): the testing kit's clock offset. It lives
 * in storage.session — nothing secret, gone when the browser closes, and read
 * afresh for every event, so a restarted worker keeps the test's time.
 */

/** storage.session key of the offset (test builds only; not in the production registry). */
export const TEST_CLOCK_KEY = 'test-clock-offset';

async function storedOffset(ports: BackgroundPorts): Promise<number> {
  const offset = await ports.session.get(TEST_CLOCK_KEY);
  return typeof offset === 'number' ? offset : 0;
}

/**
 * The ports on a clock `offsetMs` ahead of `ports`' own: `now()` moved, and the
 * alarms scheduled back on the browser's real clock (an auto-lock due at 12:15
 * test time fires 15 minutes from now, not years away or at once).
 */
export function shiftClock(ports: BackgroundPorts, offsetMs: number): BackgroundPorts {
  if (offsetMs === 0) return ports;
  const real = (atMs: number | null) => (atMs === null ? null : atMs - offsetMs);
  return {
    ...ports,
    now: () => ports.now() + offsetMs,
    scheduleAutoLock: (atMs) => ports.scheduleAutoLock(real(atMs)),
    scheduleClipboardClear: (atMs) => ports.scheduleClipboardClear(real(atMs)),
  };
}

/** The ports on the stored test clock: every code, expiry and lock deadline follows it. */
export async function withTestClock(ports: BackgroundPorts): Promise<BackgroundPorts> {
  return shiftClock(ports, await storedOffset(ports));
}

/** The handlers of the test clock's requests; a function, so production builds keep none of it. */
export const testClockHandlers = (): HandlersFor<TestClockRequests> => ({
  // `ports` arrive on the old clock; the session is touched on the new one, so a jump
  // of years does not count as years of idleness (unless the test asks it to). Without
  // the touch, the auto-lock keeps its deadline on the test clock, so its alarm moves
  // in real time as a fake timer would: a jump to within seconds of the deadline locks
  // seconds later, through the real alarm.
  'test.clock.set': async ({ offsetMs, keepUnlocked }, ports) => {
    const realPorts = shiftClock(ports, -(await storedOffset(ports)));
    if (offsetMs === 0) await ports.session.remove(TEST_CLOCK_KEY);
    else await ports.session.set(TEST_CLOCK_KEY, offsetMs);
    const moved = shiftClock(realPorts, offsetMs);
    if (keepUnlocked) await touchSession(moved);
    else await rescheduleAutoLock(moved);
    return { offsetMs };
  },
});

/** The ports every event runs with: on the test clock in test builds, as they are in production (where this is the identity). */
export function clockedPorts(ports: BackgroundPorts): Promise<BackgroundPorts> {
  return TEST_HOOKS ? withTestClock(ports) : Promise.resolve(ports);
}
