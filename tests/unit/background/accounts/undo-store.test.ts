import { describe, expect, it } from 'vitest';
import { findDeleted, forgetDeleted, rememberDeleted, UNDO_WINDOW_MS } from '../../../../lib/background/accounts/undo-store';
import type { BackgroundPorts } from '../../../../lib/background/core';
import { endSession } from '../../../../lib/background/vault';
import type { Account } from '../../../../lib/otp/account';
import { createFakePorts, T0 } from '../fake-ports';
import { testAccount } from '../../support/test-account';

function account(n: number): Account {
  return testAccount(`id-${n}`, 'JBSWY3DPEHPK3PXP', T0, { issuer: `Issuer ${n}`, accountName: `user${n}` });
}

/** Find and forget, as accounts.undo-delete does (inside its vault change). */
async function takeDeleted(ports: BackgroundPorts, id: string) {
  const found = await findDeleted(ports, id);
  if (found) await forgetDeleted(ports, id);
  return found;
}

const entry = (n: number, index = n, deletedAt = T0) => ({ account: account(n), index, deletedAt });

describe('undo store', () => {
  it('gives a remembered deletion back once', async () => {
    const ports = createFakePorts();
    await rememberDeleted(ports, entry(1, 4));
    expect(await takeDeleted(ports, 'id-1')).toEqual(entry(1, 4));
    expect(await takeDeleted(ports, 'id-1')).toBeNull();
  });

  it('keeps the others when one is taken', async () => {
    const ports = createFakePorts();
    for (const n of [1, 2, 3]) await rememberDeleted(ports, entry(n));
    expect(await takeDeleted(ports, 'id-2')).toEqual(entry(2));
    expect(await takeDeleted(ports, 'id-1')).toEqual(entry(1));
    expect(await takeDeleted(ports, 'id-3')).toEqual(entry(3));
  });

  it('answers null for an id never deleted', async () => {
    expect(await takeDeleted(createFakePorts(), 'nope')).toBeNull();
  });

  it.each([
    [UNDO_WINDOW_MS - 1, true],
    [UNDO_WINDOW_MS, false],
    [UNDO_WINDOW_MS * 10, false],
  ])('after %i ms, can be undone = %s', async (elapsed, available) => {
    const ports = createFakePorts();
    await rememberDeleted(ports, entry(1, 0, ports.now()));
    ports.advance(elapsed);
    expect((await takeDeleted(ports, 'id-1')) !== null).toBe(available);
  });

  it('keeps the 20 most recent deletions', async () => {
    const ports = createFakePorts();
    for (let n = 1; n <= 21; n++) await rememberDeleted(ports, entry(n));
    expect(await takeDeleted(ports, 'id-1')).toBeNull();
    for (let n = 2; n <= 21; n++) expect(await takeDeleted(ports, `id-${n}`)).not.toBeNull();
  });

  it('remembers only the latest deletion of one id', async () => {
    const ports = createFakePorts();
    await rememberDeleted(ports, entry(1, 0));
    await rememberDeleted(ports, entry(1, 3));
    expect(await takeDeleted(ports, 'id-1')).toEqual(entry(1, 3));
    expect(await takeDeleted(ports, 'id-1')).toBeNull();
  });

  it('forgets everything on any lock, leaving no secret in session storage', async () => {
    const ports = createFakePorts();
    await rememberDeleted(ports, entry(1));
    await endSession(ports);
    expect(JSON.stringify(ports.session.dump())).not.toContain('JBSWY3DPEHPK3PXP');
    expect(await takeDeleted(ports, 'id-1')).toBeNull();
  });

  it('stores nothing in local storage', async () => {
    const ports = createFakePorts();
    await rememberDeleted(ports, entry(1));
    expect(ports.local.writes).toBe(0);
  });

  it('a malformed store is a typed error and stays in place (a lock clears it)', async () => {
    const ports = createFakePorts();
    const malformed = [{ account: { id: 'x' }, index: -1 }];
    ports.session.load({ 'recently-deleted': malformed });
    await expect(takeDeleted(ports, 'x')).rejects.toMatchObject({ name: 'StoredValueInvalidError', key: 'recently-deleted', problem: 'unreadable' });
    expect(ports.session.peek('recently-deleted')).toEqual(malformed);
  });
});
