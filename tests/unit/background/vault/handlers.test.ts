import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH } from '../../../../lib/vault/password-rules';
import { VAULT_STORAGE_KEY } from '../../../../lib/background/vault/store';
import { DEFAULT_SETTINGS } from '../../../../lib/vault';
import { countWrites, createFakePorts, T0 } from '../fake-ports';
import { addAccounts, draftFor, expectFailure, PASSWORD, rememberSecret, secretFor, send, sendOk, sessionMasterKey, storedContents, useSharedVault } from '../harness';

const NEW_PASSWORD = 'a different passphrase 42';
rememberSecret(NEW_PASSWORD);

describe('first run', () => {
  it('goes from uninitialized to unlocked with vault.create, in one write to local', async () => {
    const ports = createFakePorts();
    expect(await sendOk(ports, 'vault.status', {})).toEqual({ state: 'uninitialized' });
    expect(await sendOk(ports, 'vault.snapshot', {})).toEqual({ status: { state: 'uninitialized' }, accounts: [], codes: [], accountCount: 0, backupBehind: false });

    const { result, local } = await countWrites(ports, () => send(ports, 'vault.create', { password: PASSWORD }));
    expect(result).toEqual({ ok: true, value: { state: 'unlocked', autoLockMinutes: DEFAULT_SETTINGS.autoLockMinutes, passwordCheck: 'unchecked' } });
    expect(local).toBe(1);
    expect(ports.scheduledLockAt).toBe(T0 + DEFAULT_SETTINGS.autoLockMinutes * 60_000);

    expect(await sendOk(ports, 'vault.status', {})).toEqual({ state: 'unlocked', autoLockMinutes: DEFAULT_SETTINGS.autoLockMinutes, passwordCheck: 'unchecked' });
    const stored = await storedContents(ports, sessionMasterKey(ports));
    expect(stored).toEqual({ accounts: [], settings: DEFAULT_SETTINGS, tombstones: [] });
    // The stored file holds no plaintext password.
    expect(JSON.stringify(ports.local.peek(VAULT_STORAGE_KEY))).not.toContain(PASSWORD);
  });

  it.each([
    ['7 characters', 'a'.repeat(MIN_PASSWORD_LENGTH - 1)],
    ['7 emoji (14 UTF-16 units, 7 characters)', '🔑'.repeat(MIN_PASSWORD_LENGTH - 1)],
    ['1 character', 'x'],
  ])('refuses a short password (%s) with weak-password and stores nothing', async (_label, password) => {
    const ports = createFakePorts();
    const { result, local, session } = await countWrites(ports, () => send(ports, 'vault.create', { password }));
    expect(expectFailure(result, 'weak-password').field).toBe('password');
    expect({ local, session }).toEqual({ local: 0, session: 0 });
    expect(ports.local.dump()).toEqual({});
    expect(await sendOk(ports, 'vault.status', {})).toEqual({ state: 'uninitialized' });
  });

  it('refuses an empty password as a malformed request', async () => {
    const ports = createFakePorts();
    expectFailure(await send(ports, 'vault.create', { password: '' }), 'bad-request');
    expect(ports.local.dump()).toEqual({});
  });

  it.each([
    ['vault.unlock', { password: PASSWORD }],
    ['vault.change-password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }],
  ] as const)('answers %s before first run without creating anything', async (type, payload) => {
    const ports = createFakePorts();
    const answer = await send(ports, type, payload);
    expect(answer.ok).toBe(false);
    expect(ports.local.dump()).toEqual({});
  });

  it('answers vault.unlock with not-initialized before first run', async () => {
    const ports = createFakePorts();
    expectFailure(await send(ports, 'vault.unlock', { password: PASSWORD }), 'not-initialized');
  });

  it('lets only one of two simultaneous vault.create requests create the vault', async () => {
    const ports = createFakePorts();
    const { result, local } = await countWrites(ports, () =>
      Promise.all([send(ports, 'vault.create', { password: PASSWORD }), send(ports, 'vault.create', { password: NEW_PASSWORD })]),
    );
    const [first, second] = result;
    expect(first.ok).toBe(true);
    expectFailure(second, 'already-initialized');
    expect(local).toBe(1);
  });
});

describe('with a vault', () => {
  const vault = useSharedVault(async (ports) => {
    const ids = await addAccounts(ports, [1, 2]);
    // A non-default auto-lock time, to see unlock take it from the vault's settings.
    await sendOk(ports, 'settings.update', { autoLockMinutes: 20 });
    return ids;
  });

  it('refuses a second vault.create and leaves the stored vault untouched', async () => {
    const { ports } = vault;
    const before = ports.local.dump();
    const { result, local } = await countWrites(ports, () => send(ports, 'vault.create', { password: NEW_PASSWORD }));
    expectFailure(result, 'already-initialized');
    expect(local).toBe(0);
    expect(ports.local.dump()).toEqual(before);
  });

  it('refuses a second vault.create even while locked', async () => {
    const { ports } = vault;
    await sendOk(ports, 'vault.lock', {});
    expectFailure(await send(ports, 'vault.create', { password: NEW_PASSWORD }), 'already-initialized');
  });

  it('locks: state locked, key forgotten, alarm cancelled, vault requests refused', async () => {
    const { ports } = vault;
    const before = ports.local.dump();
    expect(await sendOk(ports, 'vault.lock', {})).toEqual({ state: 'locked' });
    expect(ports.session.peek('unlocked')).toBeUndefined();
    expect(ports.scheduledLockAt).toBeNull();
    expect(await sendOk(ports, 'vault.status', {})).toEqual({ state: 'locked' });
    expectFailure(await send(ports, 'codes.get', {}), 'locked');
    expectFailure(await send(ports, 'accounts.add', { draft: draftFor(30) }), 'locked');
    expectFailure(await send(ports, 'settings.get', {}), 'locked');
    expect(ports.local.dump()).toEqual(before);
  });

  it('refuses a wrong password: wrong-password, still locked, nothing written', async () => {
    const { ports } = vault;
    await sendOk(ports, 'vault.lock', {});
    const wrong = 'correct horse battery stapler';
    rememberSecret(wrong);
    const { result, local, session } = await countWrites(ports, () => send(ports, 'vault.unlock', { password: wrong }));
    const failure = expectFailure(result, 'wrong-password');
    expect(failure.message).not.toContain(wrong);
    expect({ local, session }).toEqual({ local: 0, session: 0 });
    expect(await sendOk(ports, 'vault.status', {})).toEqual({ state: 'locked' });
  });

  it('unlocks with the right password, with the auto-lock time from the settings', async () => {
    const { ports } = vault;
    await sendOk(ports, 'vault.lock', {});
    ports.advance(60_000);
    const { result, local } = await countWrites(ports, () => send(ports, 'vault.unlock', { password: PASSWORD }));
    expect(result).toEqual({ ok: true, value: { state: 'unlocked', autoLockMinutes: 20, passwordCheck: 'unchecked' } });
    expect(local).toBe(0);
    expect(ports.scheduledLockAt).toBe(ports.now() + 20 * 60_000);
    expect(sessionMasterKey(ports)).toBe(vault.masterKey);
    const snapshot = await sendOk(ports, 'vault.snapshot', {});
    expect(snapshot.accounts.map((a) => a.id)).toEqual(vault.ids);
  });

  it.each(['locked', 'unlocked'] as const)('gives a snapshot while %s with no secret in it', async (state) => {
    const { ports } = vault;
    if (state === 'locked') await sendOk(ports, 'vault.lock', {});
    const answer = await send(ports, 'vault.snapshot', {});
    const text = JSON.stringify(answer);
    for (const secret of [PASSWORD, secretFor(1), secretFor(2), vault.masterKey]) expect(text).not.toContain(secret);
    if (!answer.ok) expect.fail(JSON.stringify(answer.error));
    if (state === 'locked') {
      expect(answer.value).toEqual({ status: { state: 'locked' }, accounts: [], codes: [], accountCount: 0, backupBehind: false });
    } else {
      expect(answer.value.status).toEqual({ state: 'unlocked', autoLockMinutes: 20 });
      expect(answer.value.accounts.map((a) => a.id)).toEqual(vault.ids);
      expect(answer.value.codes.map((c) => c.id)).toEqual(vault.ids);
      for (const account of answer.value.accounts) expect(account).not.toHaveProperty('secret');
    }
  });

  describe('change password', () => {
    it('refuses a wrong current password and keeps the stored vault', async () => {
      const { ports } = vault;
      const before = ports.local.dump();
      const { result, local } = await countWrites(ports, () =>
        send(ports, 'vault.change-password', { currentPassword: 'not the password', newPassword: NEW_PASSWORD }),
      );
      expectFailure(result, 'wrong-password');
      expect(local).toBe(0);
      expect(ports.local.dump()).toEqual(before);
    });

    it('refuses a short new password with weak-password', async () => {
      const { ports } = vault;
      const { result, local } = await countWrites(ports, () =>
        send(ports, 'vault.change-password', { currentPassword: PASSWORD, newPassword: 'short' }),
      );
      expectFailure(result, 'weak-password');
      expect(local).toBe(0);
    });

    it('refuses while locked', async () => {
      const { ports } = vault;
      await sendOk(ports, 'vault.lock', {});
      expectFailure(await send(ports, 'vault.change-password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }), 'locked');
    });

    it('changes it in one write: the session stays open, the old password stops working, the new one works', async () => {
      const { ports } = vault;
      const contentsBefore = await storedContents(ports, vault.masterKey);
      const { result, local } = await countWrites(ports, () =>
        send(ports, 'vault.change-password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
      );
      expect(result).toEqual({ ok: true, value: null });
      expect(local).toBe(1);
      // Same master key: the session and the contents are unaffected.
      expect(await sendOk(ports, 'vault.status', {})).toEqual({ state: 'unlocked', autoLockMinutes: 20, passwordCheck: 'unchecked' });
      expect(await storedContents(ports, vault.masterKey)).toEqual(contentsBefore);

      await sendOk(ports, 'vault.lock', {});
      expectFailure(await send(ports, 'vault.unlock', { password: PASSWORD }), 'wrong-password');
      expect(await sendOk(ports, 'vault.unlock', { password: NEW_PASSWORD })).toEqual({ state: 'unlocked', autoLockMinutes: 20, passwordCheck: 'unchecked' });
      expect((await sendOk(ports, 'vault.snapshot', {})).accounts.map((a) => a.id)).toEqual(vault.ids);
    });
  });
});
