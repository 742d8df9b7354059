import { createDecipheriv, createHash, hkdfSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { argon2id } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { openVault, parseVaultFile, unlockVault, VaultContents, WrongPasswordError } from '../../../lib/vault';
import { pslot } from './helpers';
import { sitesFromSite } from '../../../lib/vault/contents-migrations';

const dir = join(import.meta.dirname, '../../fixtures/vault');
const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const passwords = read('passwords.json') as Record<string, string>;
// Version-1 contents, as this code reads them: migrated to the current version (sites, docs/autofill.md).
const expected = VaultContents.parse(sitesFromSite(read('contents-v1.json') as Record<string, unknown>));

describe.each(Object.keys(passwords))('committed fixture %s (version 1, real Argon2id parameters)', (name) => {
  const password = passwords[name] as string;

  it('opens with its password and gives the recorded contents, in order', async () => {
    const { contents, masterKey } = await unlockVault(read(name), password);
    expect(contents).toEqual(expected);
    expect(await openVault(read(name), masterKey)).toEqual(expected);
  });

  it('opens from its JSON text with the password in decomposed (NFD) form', async () => {
    const text = readFileSync(join(dir, name), 'utf8');
    await expect(unlockVault(text, password.normalize('NFD'))).resolves.toMatchObject({ contents: expected });
  });

  it('refuses a wrong password', async () => {
    await expect(unlockVault(read(name), `${password}!`)).rejects.toBeInstanceOf(WrongPasswordError);
  });
});

/**
 * A second reader written from docs/vault-format.md alone, with Node's crypto
 * instead of WebCrypto: if the code and the document ever disagree, this fails.
 */
describe('docs/vault-format.md describes the fixture exactly', () => {
  const b64 = (s: string) => Buffer.from(s, 'base64');
  const hkdf = (ikm: Uint8Array, info: string, length = 32) => Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), info, length));
  const aad = (parts: (string | number)[]) => Buffer.from(JSON.stringify(parts), 'utf8');
  const gcmOpen = (key: Buffer, nonce: Buffer, sealed: Buffer, ad: Buffer) => {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(ad);
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
  };

  it('independent decryption of vault-v1.json', async () => {
    const file = parseVaultFile(read('vault-v1.json'));
    const slot = pslot(file);
    const { kdf } = slot;
    const checksum = createHash('sha256')
      .update(JSON.stringify(['hikae/password-slot-checksum/v1', slot.type, slot.generation, kdf.algorithm, kdf.memoryKiB, kdf.iterations, kdf.parallelism, kdf.outputBytes, kdf.salt, slot.verifier, slot.wrap.cipher, slot.wrap.nonce, slot.wrap.wrappedKey]))
      .digest('base64');
    expect(checksum).toBe(slot.checksum);

    const secret = await argon2id({
      password: (passwords['vault-v1.json'] as string).normalize('NFC'),
      salt: b64(kdf.salt),
      iterations: kdf.iterations,
      parallelism: kdf.parallelism,
      memorySize: kdf.memoryKiB,
      hashLength: kdf.outputBytes,
      outputType: 'binary',
    });
    expect(hkdf(secret, 'hikae/password-slot/verifier/v1').toString('base64')).toBe(slot.verifier);
    const slotAad = aad(['hikae/password-slot/v1', slot.generation, kdf.algorithm, kdf.memoryKiB, kdf.iterations, kdf.parallelism, kdf.outputBytes, kdf.salt, slot.wrap.cipher]);
    const masterKey = gcmOpen(hkdf(secret, 'hikae/password-slot/kek/v1'), b64(slot.wrap.nonce), b64(slot.wrap.wrappedKey), slotAad);
    expect(masterKey).toHaveLength(32);
    expect(hkdf(masterKey, 'hikae/key-id/v1', 16).toString('base64')).toBe(file.keyId);

    const plaintext = gcmOpen(hkdf(masterKey, 'hikae/vault-payload/v1'), b64(file.payload.nonce), b64(file.payload.ciphertext), aad(['hikae-vault', 1, file.keyId, 'AES-256-GCM']));
    const { contentsVersion, ...contents } = JSON.parse(plaintext.toString('utf8')) as { contentsVersion: number };
    expect(contentsVersion).toBe(1);
    expect(VaultContents.parse(sitesFromSite(contents))).toEqual(expected);
  });
});
