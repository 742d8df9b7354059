import { describe, expect, it } from 'vitest';
import { LockedError } from '../../../../lib/background/vault/errors';
import { currentKey, endSession, lockIfIdle, requireKey, startSession, touchSession } from '../../../../lib/background/vault/unlock-session';
import { createFakePorts, T0 } from '../fake-ports';

const MINUTE = 60_000;
const KEY = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff);

async function unlocked(minutes = 15) {
  const ports = createFakePorts();
  await startSession(ports, KEY, minutes);
  return ports;
}

describe('unlock session', () => {
  it('keeps the key in session storage only and arms the alarm', async () => {
    const ports = await unlocked(10);
    expect(ports.local.dump()).toEqual({});
    expect(await currentKey(ports)).toEqual({ masterKey: KEY, autoLockMinutes: 10 });
    expect(ports.scheduledLockAt).toBe(T0 + 10 * MINUTE);
  });

  it.each([
    [0, true],
    [15 * MINUTE - 1, true],
    [15 * MINUTE, false],
    [48 * 60 * MINUTE, false],
  ])('after %i ms without activity, unlocked = %s', async (idleMs, open) => {
    const ports = await unlocked();
    ports.advance(idleMs);
    expect((await currentKey(ports)) !== null).toBe(open);
    if (!open) {
      // Ending the session on read: the key is gone from storage, the alarm cancelled.
      expect(ports.session.peek('unlocked')).toBeUndefined();
      expect(ports.scheduledLockAt).toBeNull();
    }
  });

  it('requireKey throws LockedError when locked', async () => {
    const ports = createFakePorts();
    await expect(requireKey(ports)).rejects.toBeInstanceOf(LockedError);
    const open = await unlocked();
    await expect(requireKey(open)).resolves.toEqual({ masterKey: KEY, autoLockMinutes: 15 });
  });

  it('touchSession pushes the deadline and can change the minutes', async () => {
    const ports = await unlocked();
    ports.advance(10 * MINUTE);
    await touchSession(ports);
    expect(ports.scheduledLockAt).toBe(ports.now() + 15 * MINUTE);
    ports.advance(14 * MINUTE);
    expect(await currentKey(ports)).not.toBeNull();
    await touchSession(ports, 1);
    expect(ports.scheduledLockAt).toBe(ports.now() + MINUTE);
    ports.advance(MINUTE);
    expect(await currentKey(ports)).toBeNull();
  });

  it('touchSession does nothing while locked', async () => {
    const ports = createFakePorts();
    await touchSession(ports);
    expect(ports.session.writes).toBe(0);
    expect(ports.scheduledLockAt).toBeUndefined();
  });

  it('endSession forgets the key and cancels the alarm', async () => {
    const ports = await unlocked();
    await endSession(ports);
    expect(await currentKey(ports)).toBeNull();
    expect(ports.scheduledLockAt).toBeNull();
  });

  it.each([
    ['text', 'unlocked'],
    ['a key that is not text', { masterKey: 5, lastActivityMs: T0, autoLockMinutes: 15 }],
    ['no activity time', { masterKey: 'AAAA', autoLockMinutes: 15 }],
    ['zero minutes', { masterKey: 'AAAA', lastActivityMs: T0, autoLockMinutes: 0 }],
  ])('treats a malformed session record (%s) as locked', async (_label, record) => {
    const ports = createFakePorts();
    ports.session.load({ unlocked: record });
    expect(await currentKey(ports)).toBeNull();
  });

  describe('lockIfIdle', () => {
    it('re-arms the alarm at the current deadline when there was activity', async () => {
      const ports = await unlocked();
      ports.advance(5 * MINUTE);
      await touchSession(ports);
      ports.advance(10 * MINUTE);
      await lockIfIdle(ports);
      expect(ports.scheduledLockAt).toBe(T0 + 20 * MINUTE);
      expect(await currentKey(ports)).not.toBeNull();
    });

    it('ends an idle session', async () => {
      const ports = await unlocked();
      ports.advance(15 * MINUTE);
      await lockIfIdle(ports);
      expect(ports.session.peek('unlocked')).toBeUndefined();
      expect(ports.scheduledLockAt).toBeNull();
    });

    it('leaves a locked session alone', async () => {
      const ports = createFakePorts();
      await lockIfIdle(ports);
      expect(ports.session.writes).toBe(0);
      expect(ports.scheduledLockAt).toBeUndefined();
    });
  });
});
