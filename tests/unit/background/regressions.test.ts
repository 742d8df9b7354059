import { describe, expect, it } from 'vitest';
import { startSession, lockIfIdle } from '../../../lib/background/vault';
import { VAULT_STORAGE_KEY } from '../../../lib/background/vault';
import type { Account } from '../../../lib/otp/account';
import { createVault, DEFAULT_SETTINGS, type KdfParams, type VaultContents } from '../../../lib/vault';
import { createFakePorts, T0, type FakePorts } from './fake-ports';
import { addAccounts, draftFor, expectFailure, secretFor, send, sendOk, storedContents, useSharedVault } from './harness';

/*
 * Failing tests for bugs found in lib/background (see the report). Each
 * describes what should happen; they fail until the code is fixed.
 */

const MINUTE = 60_000;

describe('with a vault of three accounts', () => {
  const vault = useSharedVault(async (ports) => addAccounts(ports, [1, 2, 3]));

  it('drops recently deleted accounts (and their secrets) from session storage on an automatic lock, as on vault.lock', async () => {
    const { ports } = vault;
    await sendOk(ports, 'accounts.delete', { id: vault.ids[1] as string });
    ports.advance(15 * MINUTE);
    await lockIfIdle(ports); // the auto-lock alarm
    expect(await sendOk(ports, 'vault.status', {})).toEqual({ state: 'locked' });
    expect(JSON.stringify(ports.session.dump())).not.toContain(secretFor(2));
  });

  it('drops recently deleted accounts when a request finds the session expired (missed alarm)', async () => {
    const { ports } = vault;
    await sendOk(ports, 'accounts.delete', { id: vault.ids[0] as string });
    ports.advance(15 * MINUTE);
    expect(await sendOk(ports, 'vault.status', {})).toEqual({ state: 'locked' });
    expect(JSON.stringify(ports.session.dump())).not.toContain(secretFor(1));
  });

  it('answers accounts.undo-delete on a locked vault with locked, like every other vault request', async () => {
    const { ports } = vault;
    await sendOk(ports, 'accounts.delete', { id: vault.ids[0] as string });
    await sendOk(ports, 'vault.lock', {});
    expectFailure(await send(ports, 'accounts.undo-delete', { id: vault.ids[0] as string }), 'locked');
  });

  it('keeps every undo entry when several deletions run at once (session writes taking 50 ms)', async () => {
    const { ports } = vault;
    // rememberDeleted reads and rewrites the undo list outside ports.exclusive: with a slow
    // storage.session write, the next deletion reads the list before the previous write lands.
    const write = ports.session.set.bind(ports.session);
    ports.session.set = async (key, value) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return write(key, value);
    };
    const answers = await Promise.all(vault.ids.map((id) => send(ports, 'accounts.delete', { id })));
    expect(answers.every((a) => a.ok)).toBe(true);
    const undone = [];
    for (const id of [...vault.ids].reverse()) undone.push(await send(ports, 'accounts.undo-delete', { id }));
    expect(undone.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['ok', 'ok', 'ok']);
    expect((await storedContents(ports, vault.masterKey)).accounts.map((a) => a.id)).toEqual(vault.ids);
  });
});

describe('before first run', () => {
  it.each([
    ['codes.get', {}],
    ['settings.get', {}],
    ['accounts.add', { draft: draftFor(1) }],
  ] as const)('answers %s with not-initialized (not locked)', async (type, payload) => {
    expectFailure(await send(createFakePorts(), type, payload as never), 'not-initialized');
  });
});

describe('accounts restored without their secret (needsVerification)', () => {
  const TINY_KDF: KdfParams = { memoryKiB: 64, iterations: 1, parallelism: 1, testOnlyAllowWeak: true };
  const pending: Account = {
    id: 'pending-1',
    issuer: 'Bank',
    accountName: 'me',
    secret: '',
    type: 'hotp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 4,
    createdAt: T0,
    modifiedAt: T0,
    deviceBound: true,
    needsVerification: true,
  };

  async function portsWithPendingAccount(): Promise<FakePorts> {
    const ports = createFakePorts();
    const contents: VaultContents = { accounts: [pending], settings: { ...DEFAULT_SETTINGS }, tombstones: [] };
    const { file, masterKey } = await createVault('irrelevant password', contents, ports, TINY_KDF);
    ports.local.load({ [VAULT_STORAGE_KEY]: file });
    await startSession(ports, masterKey, 15);
    return ports;
  }

  it('can be renamed', async () => {
    const ports = await portsWithPendingAccount();
    const answer = await send(ports, 'accounts.update', { id: pending.id, edit: { issuer: 'My bank' } });
    // Today: { code: 'invalid-account', field: 'secret', reason: 'required' } — validateDraft sees the empty secret.
    expect(answer.ok ? null : answer.error).toBeNull();
    expect(answer).toMatchObject({ ok: true, value: { id: pending.id, issuer: 'My bank', needsVerification: true } });
  });

  it('has no next HOTP code (no key to compute it from)', async () => {
    const ports = await portsWithPendingAccount();
    expectFailure(await send(ports, 'accounts.next-hotp', { id: pending.id }), 'bad-request');
  });
});

describe('a session key that is not the stored vault\'s key', () => {
  it('is treated as locked (ask for the password), not as an internal error', async () => {
    const TINY_KDF: KdfParams = { memoryKiB: 64, iterations: 1, parallelism: 1, testOnlyAllowWeak: true };
    const ports = createFakePorts();
    const empty: VaultContents = { accounts: [], settings: { ...DEFAULT_SETTINGS }, tombstones: [] };
    const { file } = await createVault('irrelevant password', empty, ports, TINY_KDF);
    const other = await createVault('irrelevant password', empty, ports, TINY_KDF);
    ports.local.load({ [VAULT_STORAGE_KEY]: file });
    // E.g. the vault was replaced (a restore) while a session was open.
    await startSession(ports, other.masterKey, 15);
    expectFailure(await send(ports, 'codes.get', {}), 'locked');
  });
});
