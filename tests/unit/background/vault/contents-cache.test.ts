import { afterEach, describe, expect, it, vi } from 'vitest';
import { VAULT_STORAGE_KEY } from '../../../../lib/background/vault';
import { createFakePorts, restoreStorage, snapshotStorage } from '../fake-ports';
import { addAccounts, sendOk, useSharedVault } from '../harness';

/*
 * The background keeps the decrypted contents of an unlocked session in memory
 * (lib/vault/contents-cache.ts): opening the popup again decrypts nothing, a
 * change is seen at once, a lock forgets them, a killed worker opens the vault again.
 */

const vault = useSharedVault((ports) => addAccounts(ports, [1, 2, 3]));

/** AES-GCM decryptions (the vault payload) made while `task` runs. */
async function decryptions<T>(task: () => Promise<T>): Promise<{ result: T; count: number }> {
  const spy = vi.spyOn(globalThis.crypto.subtle, 'decrypt');
  try {
    const result = await task();
    return { result, count: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('the vault contents cache of an unlocked session', () => {
  it('decrypts the vault once: later snapshots and codes come from memory', async () => {
    const { ports } = vault;
    expect((await decryptions(() => sendOk(ports, 'vault.snapshot', { first: 2 }))).count).toBe(1);
    const again = await decryptions(async () => [await sendOk(ports, 'vault.snapshot', {}), await sendOk(ports, 'codes.get', {})]);
    expect(again.count).toBe(0);
    expect(again.result[0]).toMatchObject({ accountCount: 3 });
  });

  it('answers with a change at once (the new file is a miss, decrypted once)', async () => {
    const { ports } = vault;
    await sendOk(ports, 'vault.snapshot', {});
    await sendOk(ports, 'accounts.delete', { id: vault.ids[0]! });
    const after = await decryptions(() => sendOk(ports, 'vault.snapshot', {}));
    expect(after.result.accounts.map((a) => a.id)).toEqual(vault.ids.slice(1));
    expect(after.count).toBe(1);
  });

  it('forgets the contents on lock, and the locked snapshot shows nothing', async () => {
    const { ports } = vault;
    await sendOk(ports, 'vault.snapshot', {});
    expect(ports.vaultCache.holdsContents).toBe(true);
    await sendOk(ports, 'vault.lock', {});
    expect(ports.vaultCache.holdsContents).toBe(false);
    expect(await sendOk(ports, 'vault.snapshot', {})).toMatchObject({ status: { state: 'locked' }, accounts: [], codes: [] });
  });

  it('a killed worker (new ports, same storage) opens the vault again with the same answer', async () => {
    const { ports } = vault;
    const before = await sendOk(ports, 'vault.snapshot', {});
    const restarted = createFakePorts({ nowMs: ports.now(), seed: 9001 });
    restoreStorage(restarted, snapshotStorage(ports));
    const reopened = await decryptions(() => sendOk(restarted, 'vault.snapshot', {}));
    expect(reopened.count).toBe(1);
    expect(reopened.result).toEqual(before);
  });

  it('never writes the contents anywhere: serving from memory makes no storage write', async () => {
    const { ports } = vault;
    await sendOk(ports, 'vault.snapshot', {});
    const local = ports.local.writes;
    const session = ports.session.writes;
    await sendOk(ports, 'vault.snapshot', {});
    await sendOk(ports, 'codes.get', {});
    expect([ports.local.writes - local, ports.session.writes - session]).toEqual([0, 0]);
  });

  it('does not answer for a vault planted in storage: the stored file is what counts', async () => {
    const { ports } = vault;
    await sendOk(ports, 'vault.snapshot', {});
    const other = createFakePorts({ seed: 9002 });
    restoreStorage(other, snapshotStorage(ports));
    await sendOk(other, 'accounts.delete', { id: vault.ids[2]! });
    await ports.local.set(VAULT_STORAGE_KEY, other.local.peek(VAULT_STORAGE_KEY));
    expect((await sendOk(ports, 'vault.snapshot', {})).accounts.map((a) => a.id)).toEqual(vault.ids.slice(0, 2));
  });
});
