import { createDecipheriv, hkdfSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { argon2id } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import {
  BackupContents,
  contentsFromBackup,
  openBackup,
  openBackupWithKey,
  parseBackupFile,
  readBackupSummary,
  WrongPasswordError,
} from '../../../lib/backup';
import { VaultContents } from '../../../lib/vault';
import { decodeBackupContents } from '../../../lib/backup/contents';
import { sitesFromSite } from '../../../lib/vault/contents-migrations';

const dir = join(import.meta.dirname, '../../fixtures/backup');
const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const password = (read('passwords.json') as Record<string, string>)['backup-v1.json'] as string;
// Version-1 contents, as this code reads them: migrated to the current version (sites, docs/autofill.md).
const expected = BackupContents.parse(sitesFromSite(read('backup-v1.contents.json') as Record<string, unknown>));
const vaultContents = VaultContents.parse(sitesFromSite(read('vault-contents-v1.json') as Record<string, unknown>));

describe('committed backup fixture backup-v1.json (real Argon2id parameters)', () => {
  it('shows its summary without the password', () => {
    expect(readBackupSummary(read('backup-v1.json'))).toEqual({ formatVersion: 1, createdAt: 1_717_171_717_000, accountCount: 4, browser: 'Firefox 153' });
  });

  it('opens with its password, and with the key that password unwraps', async () => {
    const { contents, masterKey } = await openBackup(readFileSync(join(dir, 'backup-v1.json'), 'utf8'), password);
    expect(contents).toEqual(expected);
    expect(await openBackupWithKey(read('backup-v1.json'), masterKey)).toEqual(expected);
  });

  it('restores the vault it was made from, except the device-bound secret', () => {
    const restored = contentsFromBackup(expected);
    const bound = vaultContents.accounts.findIndex((a) => a.deviceBound === true);
    expect(restored.accounts[bound]).toMatchObject({ secret: '', needsVerification: true });
    const withoutBound = (c: VaultContents) => ({ ...c, accounts: c.accounts.filter((_, i) => i !== bound) });
    expect(withoutBound(restored)).toEqual(withoutBound(vaultContents));
  });

  it('refuses a wrong password', async () => {
    await expect(openBackup(read('backup-v1.json'), 'not the password')).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('holds no secret, account name, issuer or site in the clear', () => {
    const text = readFileSync(join(dir, 'backup-v1.json'), 'utf8');
    for (const a of vaultContents.accounts) {
      for (const needle of [a.secret, a.issuer, a.accountName, ...(a.sites ?? [])].filter((s): s is string => !!s)) expect(text).not.toContain(needle);
    }
    expect(text).not.toContain('Fixture PC');
  });
});

/** A second reader written from docs/backup-format.md and docs/vault-format.md alone (Node crypto). */
describe('docs/backup-format.md describes the fixture exactly', () => {
  const b64 = (s: string) => Buffer.from(s, 'base64');
  const hkdf = (ikm: Uint8Array, info: string, length = 32) => Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), info, length));
  const gcmOpen = (key: Buffer, nonce: Buffer, sealed: Buffer, aad: unknown[]) => {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(Buffer.from(JSON.stringify(aad), 'utf8'));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
  };

  it('independent decryption of backup-v1.json', async () => {
    const file = parseBackupFile(read('backup-v1.json'));
    if (file.version !== 1) throw new Error('backup-v1.json must stay version 1');
    const { passwordSlot: slot, summary } = file;
    const secret = await argon2id({
      password: password.normalize('NFC'),
      salt: b64(slot.kdf.salt),
      iterations: slot.kdf.iterations,
      parallelism: slot.kdf.parallelism,
      memorySize: slot.kdf.memoryKiB,
      hashLength: 32,
      outputType: 'binary',
    });
    const slotAad = ['hikae/password-slot/v1', slot.generation, 'argon2id', slot.kdf.memoryKiB, slot.kdf.iterations, slot.kdf.parallelism, 32, slot.kdf.salt, 'AES-256-GCM'];
    const masterKey = gcmOpen(hkdf(secret, 'hikae/password-slot/kek/v1'), b64(slot.wrap.nonce), b64(slot.wrap.wrappedKey), slotAad);
    const aad = ['hikae-backup', 1, file.keyId, summary.createdAt, summary.accountCount, summary.browser, slot.checksum, 'AES-256-GCM'];
    const plaintext = gcmOpen(hkdf(masterKey, 'hikae/backup-payload/v1'), b64(file.payload.nonce), b64(file.payload.ciphertext), aad);
    expect(plaintext.length % 1024).toBe(0);
    const { contentsVersion, ...contents } = JSON.parse(plaintext.toString('utf8')) as { contentsVersion: number };
    expect(contentsVersion).toBe(1);
    expect(BackupContents.parse(sitesFromSite(contents))).toEqual(expected);
  });
});

describe('committed backup fixture backup-v2.json (a list of key slots; real Argon2id parameters)', () => {
  const passwordV2 = (read('passwords.json') as Record<string, string>)['backup-v2.json'] as string;
  // As this version reads them: the committed contents through the contents migrations.
  const expectedV2 = decodeBackupContents(new TextEncoder().encode(JSON.stringify({ contentsVersion: 1, ...(read('backup-v2.contents.json') as object) })));

  it('shows its summary without the password', () => {
    expect(readBackupSummary(read('backup-v2.json'))).toEqual({ formatVersion: 2, createdAt: 1_764_000_000_000, accountCount: 4, browser: 'Chrome 156' });
  });

  it('opens with its (changed) password and the key it unwraps; the first password is refused', async () => {
    const { contents, masterKey } = await openBackup(readFileSync(join(dir, 'backup-v2.json'), 'utf8'), passwordV2);
    expect(contents).toEqual(expectedV2);
    expect(await openBackupWithKey(read('backup-v2.json'), masterKey)).toEqual(expectedV2);
    await expect(openBackup(read('backup-v2.json'), 'the first password of this vault')).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('restores the vault it was made from, except the device-bound secret', () => {
    const restored = contentsFromBackup(expectedV2);
    const bound = vaultContents.accounts.findIndex((a) => a.deviceBound === true);
    const withoutBound = (c: VaultContents) => ({ ...c, accounts: c.accounts.filter((_, i) => i !== bound) });
    expect(withoutBound(restored).accounts.map((a) => a.id)).toEqual(withoutBound(vaultContents).accounts.map((a) => a.id));
  });
});
