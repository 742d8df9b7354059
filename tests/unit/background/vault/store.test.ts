import { describe, expect, it } from 'vitest';
import { LockedError, NotInitializedError } from '../../../../lib/background/vault/errors';
import { startSession } from '../../../../lib/background/vault/unlock-session';
import { changeContents, readContents, readVaultFile, requireVaultFile, VAULT_STORAGE_KEY } from '../../../../lib/background/vault/store';
import { createVault, DEFAULT_SETTINGS, openVault, VaultDamagedError, type KdfParams, type VaultContents } from '../../../../lib/vault';
import { countWrites, createFakePorts, type FakePorts } from '../fake-ports';
import { expectFailure, sendRaw } from '../harness';

/* The storage side of every request, against a vault made with a tiny KDF (no password is used here). */

const TINY_KDF: KdfParams = { memoryKiB: 64, iterations: 1, parallelism: 1, testOnlyAllowWeak: true };
const EMPTY: VaultContents = { accounts: [], settings: { ...DEFAULT_SETTINGS }, tombstones: [] };

async function unlockedVault(): Promise<{ ports: FakePorts; masterKey: Uint8Array }> {
  const ports = createFakePorts();
  const { file, masterKey } = await createVault('irrelevant password', EMPTY, ports, TINY_KDF);
  ports.local.load({ [VAULT_STORAGE_KEY]: file });
  await startSession(ports, masterKey, 15);
  return { ports, masterKey };
}

describe('vault access', () => {
  it('reads no vault before first run', async () => {
    const ports = createFakePorts();
    expect(await readVaultFile(ports)).toBeNull();
    await expect(requireVaultFile(ports)).rejects.toBeInstanceOf(NotInitializedError);
  });

  it('reads the contents with the session key', async () => {
    const { ports } = await unlockedVault();
    expect(await readContents(ports)).toEqual(EMPTY);
  });

  it('writes a change as one storage write, inside exclusive, and returns the result', async () => {
    const { ports, masterKey } = await unlockedVault();
    const runs = ports.exclusiveRuns;
    const { result, local } = await countWrites(ports, () =>
      changeContents(ports, (contents) => ({ contents: { ...contents, orderModifiedAt: 5 }, result: 'done' })),
    );
    expect(result).toBe('done');
    expect(local).toBe(1);
    expect(ports.exclusiveRuns).toBe(runs + 1);
    expect(await openVault(ports.local.peek(VAULT_STORAGE_KEY), masterKey)).toEqual({ ...EMPTY, orderModifiedAt: 5 });
  });

  it('writes nothing when the change throws', async () => {
    const { ports } = await unlockedVault();
    const before = ports.local.dump();
    const { local } = await countWrites(ports, () =>
      changeContents(ports, () => {
        throw new Error('refused');
      }).catch((error: unknown) => error),
    );
    expect(local).toBe(0);
    expect(ports.local.dump()).toEqual(before);
  });

  it('writes nothing when the new contents are invalid', async () => {
    const { ports } = await unlockedVault();
    const before = ports.local.dump();
    await expect(
      changeContents(ports, (contents) => ({ contents: { ...contents, tombstones: [{ id: '', deletedAt: 1 }] }, result: null })),
    ).rejects.toThrow();
    expect(ports.local.dump()).toEqual(before);
  });

  it('refuses to change a locked vault', async () => {
    const { ports } = await unlockedVault();
    ports.session.load({});
    await expect(changeContents(ports, (contents) => ({ contents, result: null }))).rejects.toBeInstanceOf(LockedError);
    expect(ports.local.writes).toBe(0);
  });

  it('reports a damaged stored vault as vault-damaged to the page', async () => {
    const { ports } = await unlockedVault();
    const file = ports.local.peek(VAULT_STORAGE_KEY) as { payload: { ciphertext: string } };
    const damaged = structuredClone(file);
    const bytes = Buffer.from(damaged.payload.ciphertext, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    damaged.payload.ciphertext = bytes.toString('base64');
    ports.local.load({ [VAULT_STORAGE_KEY]: damaged });
    await expect(readContents(ports)).rejects.toBeInstanceOf(VaultDamagedError);
    expectFailure(await sendRaw(ports, { type: 'codes.get', payload: {} }), 'vault-damaged');
  });

  it.each([
    ['a string', 'not a vault'],
    ['an empty object', {}],
  ])('reports a stored value that is %s as vault-damaged', async (_label, value) => {
    const { ports } = await unlockedVault();
    ports.local.load({ [VAULT_STORAGE_KEY]: value });
    expectFailure(await sendRaw(ports, { type: 'vault.status', payload: {} }), 'vault-damaged');
  });
});
