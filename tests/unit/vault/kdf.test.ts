import { beforeAll, describe, expect, it } from 'vitest';
import { createVault, KDF_READ_BOUNDS, parseVaultFile, unlockVault, type VaultFile } from '../../../lib/vault';
import { slotChecksum } from '../../../lib/vault/password-slot';
import { clone, contents, deps, FAST_KDF, pslot, toB64 } from './helpers';
import type { PasswordSlot } from '../../../lib/vault';

let file: VaultFile;

beforeAll(async () => {
  ({ file } = await createVault('kdf test password', contents(), deps, FAST_KDF));
});

function withKdf(kdf: Partial<PasswordSlot['kdf']>): VaultFile {
  const copy = clone(file);
  Object.assign(pslot(copy).kdf, kdf);
  return copy;
}

describe('KDF parameters on reading (denial-of-service guard)', () => {
  it.each([
    { label: 'memory above 256 MiB', kdf: { memoryKiB: KDF_READ_BOUNDS.maxMemoryKiB + 1 } },
    { label: '1 GiB of memory (the old bound, 14 s in the worker)', kdf: { memoryKiB: 1_048_576, iterations: 3 } },
    { label: '4 GiB of memory', kdf: { memoryKiB: 4 * 1_048_576 } },
    { label: 'more than 10 passes', kdf: { iterations: 11 } },
    { label: '20 passes (the old bound)', kdf: { iterations: 20 } },
    { label: '256 MiB × 7 passes: more than 8 × the default cost', kdf: { memoryKiB: 262_144, iterations: 7 } },
    { label: '192 MiB × 10 passes: more than 8 × the default cost', kdf: { memoryKiB: 196_608, iterations: 10 } },
    { label: 'a million passes', kdf: { iterations: 1_000_000 } },
    { label: 'zero passes', kdf: { iterations: 0 } },
    { label: 'more than 16 lanes', kdf: { parallelism: 17 } },
    { label: 'zero lanes', kdf: { parallelism: 0 } },
    { label: 'less than 8 KiB per lane', kdf: { memoryKiB: 15, parallelism: 2 } },
  ])('$label → damaged "kdf-params", refused before any hashing', ({ kdf }) => {
    // parseVaultFile is synchronous: the refusal cannot have run Argon2id.
    expect(() => parseVaultFile(withKdf(kdf))).toThrow(expect.objectContaining({ name: 'VaultDamagedError', problem: 'kdf-params' }));
  });

  it.each([
    { label: 'a salt of 65 bytes', kdf: { salt: toB64(new Uint8Array(65)) }, problem: 'length' },
    { label: 'a salt of 15 bytes', kdf: { salt: toB64(new Uint8Array(15)) }, problem: 'length' },
    { label: 'a 64-byte output', kdf: { outputBytes: 64 as 32 }, problem: 'structure' },
    { label: 'fractional memory', kdf: { memoryKiB: 64.5 }, problem: 'structure' },
  ])('$label → damaged "$problem"', ({ kdf, problem }) => {
    expect(() => parseVaultFile(withKdf(kdf))).toThrow(expect.objectContaining({ problem }));
  });

  it.each([
    { label: '256 MiB × 6 passes: exactly 8 × the default cost', kdf: { memoryKiB: 262_144, iterations: 6 } },
    { label: '152 MiB × 10 passes', kdf: { memoryKiB: 157_286, iterations: 10 } },
    { label: 'the default, 16 lanes', kdf: { memoryKiB: 65_536, iterations: 3, parallelism: KDF_READ_BOUNDS.maxParallelism } },
  ])('accepts $label (reading is not creating)', ({ kdf }) => {
    expect(pslot(parseVaultFile(withKdf(kdf))).kdf).toMatchObject(kdf);
  });

  it('the error names the parameter and its limit', () => {
    expect(() => parseVaultFile(withKdf({ memoryKiB: 1_048_576 }))).toThrow(/memory 1048576 KiB is outside 8…262144 KiB/);
    expect(() => parseVaultFile(withKdf({ memoryKiB: 262_144, iterations: 7 }))).toThrow(/cost 262144 KiB × 7 passes is more than 1572864/);
  });

  it('accepts weak parameters when reading (a test vault opens), the checksum still guards them', async () => {
    expect(pslot(parseVaultFile(file)).kdf.memoryKiB).toBe(64);
    const edited = withKdf({ memoryKiB: 128 });
    await expect(unlockVault(edited, 'kdf test password')).rejects.toMatchObject({ problem: 'checksum' });
    const { checksum: _c, ...rest } = pslot(edited);
    pslot(edited).checksum = await slotChecksum(rest);
    // With a recomputed checksum the right password derives another key: only "wrong password" is possible.
    await expect(unlockVault(edited, 'kdf test password')).rejects.toMatchObject({ name: 'WrongPasswordError' });
  });
});
