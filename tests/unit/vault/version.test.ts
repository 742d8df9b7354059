import { beforeAll, describe, expect, it } from 'vitest';
import {
  createVault,
  openVault,
  parseVaultFile,
  UnsupportedVaultVersionError,
  unlockVault,
  VaultDamagedError,
  type VaultFile,
} from '../../../lib/vault';
import { sealPayload } from '../../../lib/vault/envelope';
import { CURRENT_CONTENTS_VERSION } from '../../../lib/vault/contents';
import { payloadAad, VAULT_PAYLOAD_INFO } from '../../../lib/vault/vault';
import { clone, contents, deps, FAST_KDF } from './helpers';

const PASSWORD = 'version test password';
let file: VaultFile;
let masterKey: Uint8Array;

beforeAll(async () => {
  ({ file, masterKey } = await createVault(PASSWORD, contents(), deps, FAST_KDF));
});

describe('file version', () => {
  it.each([3, 4, 100])('version %d is refused as unsupported, naming the version', async (version) => {
    const newer = { ...clone(file), version, somethingNew: true };
    const error = await unlockVault(newer, PASSWORD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedVaultVersionError);
    expect(error).toMatchObject({ version, part: 'file' });
    expect(String((error as Error).message)).toContain(String(version));
    expect(() => parseVaultFile(newer)).toThrow(UnsupportedVaultVersionError);
  });

  it.each([0, -1, 1.5, '1', null, undefined])('version %j is damage, not "unsupported"', (version) => {
    const odd = { ...clone(file), version };
    expect(() => parseVaultFile(odd)).toThrow(VaultDamagedError);
  });

  it('parseVaultFile accepts a good file and returns it unchanged', () => {
    expect(parseVaultFile(clone(file))).toEqual(file);
  });
});

describe('contents version (inside the encryption)', () => {
  async function withPlaintext(plaintext: unknown): Promise<VaultFile> {
    const bytes = new TextEncoder().encode(JSON.stringify(plaintext));
    return { ...file, payload: await sealPayload(masterKey, VAULT_PAYLOAD_INFO, bytes, payloadAad(file.keyId), deps) };
  }

  it('a newer contentsVersion is unsupported, naming it and the part', async () => {
    const newer = await withPlaintext({ ...contents(), contentsVersion: CURRENT_CONTENTS_VERSION + 1 });
    await expect(openVault(newer, masterKey)).rejects.toMatchObject({ name: 'UnsupportedVaultVersionError', version: CURRENT_CONTENTS_VERSION + 1, part: 'contents' });
    await expect(unlockVault(newer, PASSWORD)).rejects.toBeInstanceOf(UnsupportedVaultVersionError);
  });

  it.each([{ contentsVersion: 0 }, { contentsVersion: '1' }, {}])('an invalid contentsVersion (%j) is damage ("contents")', async (version) => {
    const { contentsVersion: _v, ...rest } = { ...contents(), contentsVersion: 1 };
    const odd = await withPlaintext({ ...rest, ...version });
    await expect(openVault(odd, masterKey)).rejects.toMatchObject({ name: 'VaultDamagedError', problem: 'contents' });
  });

  it('contents that fail the schema are damage ("contents"), naming the field', async () => {
    const odd = await withPlaintext({ contentsVersion: 1, accounts: [{ id: 'x' }], settings: {}, tombstones: [] });
    const error = await openVault(odd, masterKey).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'VaultDamagedError', problem: 'contents' });
    expect((error as Error).message).toMatch(/accounts\.0\./);
  });

  it('plaintext that is not JSON is damage ("contents")', async () => {
    const odd = { ...file, payload: await sealPayload(masterKey, VAULT_PAYLOAD_INFO, new Uint8Array([0xff, 0xfe]), payloadAad(file.keyId), deps) };
    await expect(openVault(odd, masterKey)).rejects.toMatchObject({ problem: 'contents' });
  });

  it('missing settings fields take their defaults (adding a setting needs no migration)', async () => {
    const older = await withPlaintext({ contentsVersion: 1, accounts: [], settings: {}, tombstones: [] });
    expect((await openVault(older, masterKey)).settings).toEqual({ autoLockMinutes: 15, theme: 'system' });
  });
});
