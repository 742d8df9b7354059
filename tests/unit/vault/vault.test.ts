import { describe, expect, it } from 'vitest';
import {
  changePassword,
  createVault,
  DEFAULT_KDF,
  InvalidVaultInputError,
  openVault,
  sealVault,
  unlockVault,
  VaultKeyMismatchError,
  WrongPasswordError,
} from '../../../lib/vault';
import { account, contents, deps, FAST_KDF, fromB64, pslot } from './helpers';

const PASSWORD = 'correct horse battery staple';

describe('createVault / unlockVault / openVault', () => {
  it('round-trips the contents with the password and with the master key', async () => {
    const original = contents({ tombstones: [{ id: 'gone', deletedAt: 5 }], orderModifiedAt: 7, settingsModifiedAt: 8 });
    const { file, masterKey } = await createVault(PASSWORD, original, deps, FAST_KDF);
    expect(masterKey).toHaveLength(32);
    const unlocked = await unlockVault(file, PASSWORD);
    expect(unlocked.contents).toEqual(original);
    expect(unlocked.masterKey).toEqual(masterKey);
    expect(unlocked.file).toEqual(file);
    expect(await openVault(file, masterKey)).toEqual(original);
  });

  it('keeps the order of the accounts', async () => {
    const accounts = Array.from({ length: 12 }, () => account());
    const { file, masterKey } = await createVault(PASSWORD, contents({ accounts }), deps, FAST_KDF);
    expect((await openVault(file, masterKey)).accounts.map((a) => a.id)).toEqual(accounts.map((a) => a.id));
  });

  it('accepts the file as JSON text too (as stored or downloaded)', async () => {
    const { file } = await createVault(PASSWORD, contents(), deps, FAST_KDF);
    expect((await unlockVault(JSON.stringify(file), PASSWORD)).file).toEqual(file);
  });

  it('keeps no plaintext: no account field appears in the stored file', async () => {
    const original = contents();
    const { file } = await createVault(PASSWORD, original, deps, FAST_KDF);
    const text = JSON.stringify(file);
    for (const a of original.accounts) {
      for (const secretish of [a.secret, a.issuer, a.accountName]) expect(text).not.toContain(secretish);
    }
  });

  it.each(['wrong password', 'correct horse battery stapl', '', 'CORRECT HORSE BATTERY STAPLE'])('refuses the password %j', async (password) => {
    const { file } = await createVault(PASSWORD, contents(), deps, FAST_KDF);
    await expect(unlockVault(file, password)).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('normalises the password to NFC (the same password typed on any system)', async () => {
    const composed = 'ガイド-é'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const { file } = await createVault(composed, contents(), deps, FAST_KDF);
    await expect(unlockVault(file, decomposed)).resolves.toBeTruthy();
  });

  it('uses fresh randomness: two vaults of the same contents and password share no salt, nonce or key', async () => {
    const same = contents();
    const a = await createVault(PASSWORD, same, deps, FAST_KDF);
    const b = await createVault(PASSWORD, same, deps, FAST_KDF);
    expect(a.masterKey).not.toEqual(b.masterKey);
    expect(a.file.keyId).not.toBe(b.file.keyId);
    expect(pslot(a.file).kdf.salt).not.toBe(pslot(b.file).kdf.salt);
    expect(a.file.payload.nonce).not.toBe(b.file.payload.nonce);
  });

  it('refuses a master key that is not the vault\'s with VaultKeyMismatchError', async () => {
    const { file } = await createVault(PASSWORD, contents(), deps, FAST_KDF);
    const other = await createVault(PASSWORD, contents(), deps, FAST_KDF);
    await expect(openVault(file, other.masterKey)).rejects.toBeInstanceOf(VaultKeyMismatchError);
    await expect(sealVault(file, other.masterKey, contents(), deps)).rejects.toBeInstanceOf(VaultKeyMismatchError);
    await expect(changePassword(file, other.masterKey, 'new password', deps, FAST_KDF)).rejects.toBeInstanceOf(VaultKeyMismatchError);
  });

  it.each([new Uint8Array(16), new Uint8Array(33)])('refuses a master key of %# wrong length', async (key) => {
    const { file } = await createVault(PASSWORD, contents(), deps, FAST_KDF);
    await expect(openVault(file, key)).rejects.toMatchObject({ name: 'InvalidVaultInputError', problem: 'bad-master-key' });
  });
});

describe('sealVault', () => {
  it('encrypts new contents with a new nonce and leaves the password slot as it was', async () => {
    const { file, masterKey } = await createVault(PASSWORD, contents(), deps, FAST_KDF);
    const next = contents({ accounts: [account({ issuer: 'New' })] });
    const sealed = await sealVault(file, masterKey, next, deps);
    expect(pslot(sealed)).toEqual(pslot(file));
    expect(sealed.keyId).toBe(file.keyId);
    expect(sealed.payload.nonce).not.toBe(file.payload.nonce);
    expect(await openVault(sealed, masterKey)).toEqual(next);
    expect((await unlockVault(sealed, PASSWORD)).contents).toEqual(next);
  });

  it('never writes contents it could not read back', async () => {
    const { file, masterKey } = await createVault(PASSWORD, contents(), deps, FAST_KDF);
    const twin = account();
    const bad = contents({ accounts: [twin, { ...twin }] });
    await expect(sealVault(file, masterKey, bad, deps)).rejects.toMatchObject({ name: 'InvalidVaultInputError', problem: 'invalid-contents' });
    const badSettings = { ...contents(), settings: { autoLockMinutes: 0, theme: 'system' as const } };
    await expect(sealVault(file, masterKey, badSettings, deps)).rejects.toMatchObject({ problem: 'invalid-contents' });
  });
});

describe('changePassword', () => {
  it('re-wraps the key only: payload byte-identical, old password refused, new one opens the same contents', async () => {
    const original = contents();
    const { file, masterKey } = await createVault(PASSWORD, original, deps, FAST_KDF);
    const changed = await changePassword(file, masterKey, 'a whole new password', deps, FAST_KDF);
    expect(changed.payload).toEqual(file.payload);
    expect(fromB64(changed.payload.ciphertext)).toEqual(fromB64(file.payload.ciphertext));
    expect(changed.keyId).toBe(file.keyId);
    expect(pslot(changed).kdf.salt).not.toBe(pslot(file).kdf.salt);
    expect(pslot(changed).generation).toBe(pslot(file).generation + 1);
    await expect(unlockVault(changed, PASSWORD)).rejects.toBeInstanceOf(WrongPasswordError);
    const unlocked = await unlockVault(changed, 'a whole new password');
    expect(unlocked.contents).toEqual(original);
    expect(unlocked.masterKey).toEqual(masterKey);
    expect(await openVault(changed, masterKey)).toEqual(original);
  });
});

describe('input checks on the writing side', () => {
  it('refuses an empty password', async () => {
    await expect(createVault('', contents(), deps, FAST_KDF)).rejects.toMatchObject({ name: 'InvalidVaultInputError', problem: 'empty-password' });
  });

  it.each([
    { label: 'too little memory', kdf: { memoryKiB: 65535, iterations: 3, parallelism: 1 }, problem: 'weak-kdf' },
    { label: 'too few passes', kdf: { memoryKiB: 65536, iterations: 2, parallelism: 1 }, problem: 'weak-kdf' },
    { label: 'more than 1 GiB', kdf: { memoryKiB: 1_048_577, iterations: 3, parallelism: 1 }, problem: 'kdf-out-of-range' },
    { label: 'more than 20 passes', kdf: { memoryKiB: 65536, iterations: 21, parallelism: 1 }, problem: 'kdf-out-of-range' },
    { label: 'no lanes', kdf: { memoryKiB: 65536, iterations: 3, parallelism: 0 }, problem: 'kdf-out-of-range' },
    { label: 'fractional memory', kdf: { memoryKiB: 65536.5, iterations: 3, parallelism: 1 }, problem: 'kdf-out-of-range' },
    { label: 'weak even when flagged, if out of range', kdf: { memoryKiB: 4, iterations: 1, parallelism: 1, testOnlyAllowWeak: true as const }, problem: 'kdf-out-of-range' },
  ])('refuses to create a vault with $label', async ({ kdf, problem }) => {
    await expect(createVault(PASSWORD, contents(), deps, kdf)).rejects.toMatchObject({ name: 'InvalidVaultInputError', problem });
  });

  it('refuses weak parameters on a password change too', async () => {
    const { file, masterKey } = await createVault(PASSWORD, contents(), deps, FAST_KDF);
    await expect(changePassword(file, masterKey, 'x', deps, { memoryKiB: 1024, iterations: 1, parallelism: 1 })).rejects.toMatchObject({ problem: 'weak-kdf' });
  });

  it('refuses a random source that returns the wrong number of bytes', async () => {
    const short = { random: (n: number) => new Uint8Array(n - 1) };
    await expect(createVault(PASSWORD, contents(), short, FAST_KDF)).rejects.toBeInstanceOf(InvalidVaultInputError);
  });
});

describe('the real default parameters', () => {
  it('creates with 64 MiB, 3 passes, 1 lane, 16-byte salt by default, and unlocks', async () => {
    const original = contents();
    const { file, masterKey } = await createVault(PASSWORD, original, deps);
    expect(pslot(file).kdf).toMatchObject({ algorithm: 'argon2id', memoryKiB: DEFAULT_KDF.memoryKiB, iterations: DEFAULT_KDF.iterations, parallelism: DEFAULT_KDF.parallelism, outputBytes: 32 });
    expect(DEFAULT_KDF).toEqual({ memoryKiB: 65536, iterations: 3, parallelism: 1 });
    expect(fromB64(pslot(file).kdf.salt)).toHaveLength(16);
    const unlocked = await unlockVault(file, PASSWORD);
    expect(unlocked.masterKey).toEqual(masterKey);
    expect(unlocked.contents).toEqual(original);
    await expect(unlockVault(file, 'not it')).rejects.toBeInstanceOf(WrongPasswordError);
  });
});
