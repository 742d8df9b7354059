import { describe, expect, it } from 'vitest';
import { currentKey, lockIfIdle } from '../../../../lib/background/vault/unlock-session';
import type { Payload, RequestType } from '../../../../lib/messaging/protocol';
import { addAccounts, expectFailure, secretFor, send, sendOk, useSharedVault } from '../harness';

/*
 * The automatic lock, driven through route() with the injected clock: the
 * session ends after autoLockMinutes without activity, whether or not the
 * alarm fired (a suspended machine misses alarms).
 */

const MINUTE = 60_000;
const vault = useSharedVault(async (ports) => addAccounts(ports, [1]));
/** The default: 15 minutes, counted from the creation in beforeAll (clock at T0). */
const LOCK_AFTER = 15 * MINUTE;

describe('auto-lock', () => {
  it('is still unlocked 1 ms before the deadline', async () => {
    const { ports } = vault;
    ports.advance(LOCK_AFTER - 1);
    expect(await sendOk(ports, 'vault.status', {})).toMatchObject({ state: 'unlocked' });
  });

  it('locks at the deadline even without the alarm: currentKey is null and requests answer locked', async () => {
    const { ports } = vault;
    ports.advance(LOCK_AFTER);
    expect(await currentKey(ports)).toBeNull();
    expect(ports.session.peek('unlocked')).toBeUndefined();
    expect(ports.scheduledLockAt).toBeNull();
    expectFailure(await send(ports, 'codes.get', {}), 'locked');
    expectFailure(await send(ports, 'accounts.add', { draft: { issuer: 'x', secret: secretFor(9) } }), 'locked');
    expect(await sendOk(ports, 'vault.status', {})).toEqual({ state: 'locked' });
    expect((await sendOk(ports, 'vault.snapshot', {})).status).toEqual({ state: 'locked' });
  });

  it('answers the first request after a missed deadline with locked (the request itself does not revive the session)', async () => {
    const { ports } = vault;
    ports.advance(LOCK_AFTER + 3 * MINUTE);
    expectFailure(await send(ports, 'settings.get', {}), 'locked');
    expect(await sendOk(ports, 'vault.status', {})).toEqual({ state: 'locked' });
  });

  const activities: [RequestType, (ids: readonly string[]) => Payload<RequestType>][] = [
    ['accounts.update', (ids) => ({ id: ids[0] as string, edit: { issuer: 'Moved on' } })],
    ['accounts.reorder', () => ({ ids: [] })],
  ];
  it.each(activities)('counts %s as activity: it pushes the deadline', async (type, payload) => {
    const { ports } = vault;
    ports.advance(10 * MINUTE);
    const answer = await send(ports, type, payload(vault.ids));
    expect(answer.ok).toBe(true);
    expect(ports.scheduledLockAt).toBe(ports.now() + LOCK_AFTER);
    ports.advance(LOCK_AFTER - 1);
    expect(await sendOk(ports, 'vault.status', {})).toMatchObject({ state: 'unlocked' });
    ports.advance(1);
    expect(await sendOk(ports, 'vault.status', {})).toEqual({ state: 'locked' });
  });

  // A popup left open refreshing codes is not a person; nor is a page re-reading state after a change
  // event (an options tab left on Backup & recovery used to keep the vault unlocked for hours).
  it.each(['vault.status', 'codes.get', 'vault.snapshot', 'settings.get', 'cloud.status'] as const)('does not count %s as activity', async (type) => {
    const { ports } = vault;
    for (let i = 0; i < 14; i++) {
      ports.advance(MINUTE);
      expect((await send(ports, type, {})).ok).toBe(true);
    }
    // These ports never had an alarm scheduled: status did not re-arm it.
    expect(ports.scheduledLockAt).toBeUndefined();
    ports.advance(MINUTE);
    expect(await sendOk(ports, 'vault.status', {})).toEqual({ state: 'locked' });
  });

  it('does not count a refused request as activity', async () => {
    const { ports } = vault;
    ports.advance(10 * MINUTE);
    expectFailure(await send(ports, 'accounts.delete', { id: 'no-such-id' }), 'not-found');
    ports.advance(5 * MINUTE);
    expect(await sendOk(ports, 'vault.status', {})).toEqual({ state: 'locked' });
  });

  it('uses a new autoLockMinutes from the moment it is saved', async () => {
    const { ports } = vault;
    await sendOk(ports, 'settings.update', { autoLockMinutes: 2 });
    ports.advance(2 * MINUTE - 1);
    expect(await sendOk(ports, 'vault.status', {})).toEqual({ state: 'unlocked', autoLockMinutes: 2, passwordCheck: 'unchecked' });
    ports.advance(1);
    expect(await sendOk(ports, 'vault.status', {})).toEqual({ state: 'locked' });
  });

  describe('lockIfIdle (the alarm)', () => {
    it('keeps a session that was active since and re-arms the alarm at the new deadline', async () => {
      const { ports } = vault;
      ports.advance(10 * MINUTE);
      await sendOk(ports, 'accounts.reorder', { ids: [] });
      const deadline = ports.now() + LOCK_AFTER;
      ports.advance(5 * MINUTE); // the alarm set at creation fires now
      await lockIfIdle(ports);
      expect(ports.scheduledLockAt).toBe(deadline);
      expect(await sendOk(ports, 'vault.status', {})).toMatchObject({ state: 'unlocked' });
    });

    it('locks an idle session', async () => {
      const { ports } = vault;
      ports.advance(LOCK_AFTER);
      await lockIfIdle(ports);
      expect(ports.session.peek('unlocked')).toBeUndefined();
      expect(ports.scheduledLockAt).toBeNull();
      expect(await sendOk(ports, 'vault.status', {})).toEqual({ state: 'locked' });
    });

    it('does nothing when already locked', async () => {
      const { ports } = vault;
      await sendOk(ports, 'vault.lock', {});
      const writes = ports.session.writes;
      await lockIfIdle(ports);
      expect(ports.session.writes).toBe(writes);
      expect(await sendOk(ports, 'vault.status', {})).toEqual({ state: 'locked' });
    });
  });
});
