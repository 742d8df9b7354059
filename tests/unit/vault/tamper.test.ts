import { beforeAll, describe, expect, it } from 'vitest';
import { createVault, openVault, unlockVault, VaultDamagedError, WrongPasswordError, type VaultFile } from '../../../lib/vault';
import { slotChecksum, type PasswordSlot } from '../../../lib/vault/password-slot';
import { clone, contents, deps, FAST_KDF, flipByte, fromB64, toB64, pslot } from './helpers';

const PASSWORD = 'tamper test password';
let file: VaultFile;
let masterKey: Uint8Array;

beforeAll(async () => {
  ({ file, masterKey } = await createVault(PASSWORD, contents(), deps, FAST_KDF));
});

type Edit = (f: VaultFile) => void;

/** Every binary region, one bit flipped at its first, a middle and its last byte. */
const regions: { region: string; edit: (index: number) => Edit; viaKey: boolean }[] = [
  { region: 'payload ciphertext', edit: (i) => (f) => void (f.payload.ciphertext = flipByte(f.payload.ciphertext, i)), viaKey: true },
  { region: 'payload nonce', edit: (i) => (f) => void (f.payload.nonce = flipByte(f.payload.nonce, i)), viaKey: true },
  { region: 'wrapped key', edit: (i) => (f) => void (pslot(f).wrap.wrappedKey = flipByte(pslot(f).wrap.wrappedKey, i)), viaKey: false },
  { region: 'wrap nonce', edit: (i) => (f) => void (pslot(f).wrap.nonce = flipByte(pslot(f).wrap.nonce, i)), viaKey: false },
  { region: 'verifier', edit: (i) => (f) => void (pslot(f).verifier = flipByte(pslot(f).verifier, i)), viaKey: false },
  { region: 'salt', edit: (i) => (f) => void (pslot(f).kdf.salt = flipByte(pslot(f).kdf.salt, i)), viaKey: false },
  { region: 'slot checksum', edit: (i) => (f) => void (pslot(f).checksum = flipByte(pslot(f).checksum, i)), viaKey: false },
  { region: 'key id', edit: (i) => (f) => void (f.keyId = flipByte(f.keyId, i)), viaKey: false },
];
const positions = [0, 5, -1];
const flips = regions.flatMap((r) => positions.map((index) => ({ ...r, index, apply: r.edit(index) })));

function tampered(edit: Edit): VaultFile {
  const copy = clone(file);
  edit(copy);
  return copy;
}

describe('a flipped byte anywhere is damage, never "wrong password" and never accepted', () => {
  it.each(flips)('$region, byte $index → VaultDamagedError on unlock', async ({ apply }) => {
    const error = await unlockVault(tampered(apply), PASSWORD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultDamagedError);
    expect(error).not.toBeInstanceOf(WrongPasswordError);
  });

  it.each(flips.filter((f) => f.viaKey))('$region, byte $index → VaultDamagedError("payload") when opened with the key', async ({ apply }) => {
    await expect(openVault(tampered(apply), masterKey)).rejects.toMatchObject({ name: 'VaultDamagedError', problem: 'payload' });
  });

  it.each<{ region: string; apply: Edit; problem: string }>([
    { region: 'payload ciphertext', apply: (f) => void (f.payload.ciphertext = flipByte(f.payload.ciphertext, 3)), problem: 'payload' },
    { region: 'payload nonce', apply: (f) => void (f.payload.nonce = flipByte(f.payload.nonce, 3)), problem: 'payload' },
    { region: 'salt', apply: (f) => void (pslot(f).kdf.salt = flipByte(pslot(f).kdf.salt, 3)), problem: 'checksum' },
    { region: 'wrapped key', apply: (f) => void (pslot(f).wrap.wrappedKey = flipByte(pslot(f).wrap.wrappedKey, 3)), problem: 'checksum' },
    { region: 'verifier', apply: (f) => void (pslot(f).verifier = flipByte(pslot(f).verifier, 3)), problem: 'checksum' },
    { region: 'KDF iterations', apply: (f) => void (pslot(f).kdf.iterations += 1), problem: 'checksum' },
    { region: 'slot generation', apply: (f) => void (pslot(f).generation += 1), problem: 'checksum' },
  ])('names where: $region → $problem', async ({ apply, problem }) => {
    await expect(unlockVault(tampered(apply), PASSWORD)).rejects.toMatchObject({ problem });
  });
});

describe('deliberate tampering that also recomputes the checksum (the verifier decides)', () => {
  async function withChecksum(edit: Edit): Promise<VaultFile> {
    const copy = tampered(edit);
    const { checksum: _old, ...rest } = pslot(copy);
    pslot(copy).checksum = await slotChecksum(rest);
    return copy;
  }

  it('a changed wrapped key with the right password is damage ("wrapped-key")', async () => {
    const bad = await withChecksum((f) => void (pslot(f).wrap.wrappedKey = flipByte(pslot(f).wrap.wrappedKey, 0)));
    await expect(unlockVault(bad, PASSWORD)).rejects.toMatchObject({ name: 'VaultDamagedError', problem: 'wrapped-key' });
  });

  it('a changed wrap nonce with the right password is damage ("wrapped-key")', async () => {
    const bad = await withChecksum((f) => void (pslot(f).wrap.nonce = flipByte(pslot(f).wrap.nonce, 0)));
    await expect(unlockVault(bad, PASSWORD)).rejects.toMatchObject({ problem: 'wrapped-key' });
  });

  it('a changed verifier with the right password is damage ("verifier")', async () => {
    const bad = await withChecksum((f) => void (pslot(f).verifier = flipByte(pslot(f).verifier, 0)));
    await expect(unlockVault(bad, PASSWORD)).rejects.toMatchObject({ name: 'VaultDamagedError', problem: 'verifier' });
  });

  it('a changed key id with the right password is damage ("key-id")', async () => {
    const bad = tampered((f) => void (f.keyId = flipByte(f.keyId, 0)));
    await expect(unlockVault(bad, PASSWORD)).rejects.toMatchObject({ problem: 'key-id' });
  });

  it('a changed salt can only look like a wrong password (the slot derives another key)', async () => {
    const bad = await withChecksum((f) => void (pslot(f).kdf.salt = flipByte(pslot(f).kdf.salt, 0)));
    await expect(unlockVault(bad, PASSWORD)).rejects.toBeInstanceOf(WrongPasswordError);
  });
});

describe('truncated, malformed and swapped files', () => {
  it.each([0.1, 0.5, 0.9, 0.999])('JSON text cut at %d of its length → "not-json"', async (fraction) => {
    const text = JSON.stringify(file);
    await expect(unlockVault(text.slice(0, Math.floor(text.length * fraction)), PASSWORD)).rejects.toMatchObject({ problem: 'not-json' });
  });

  it.each([1, 16, 40])('ciphertext missing its last %d bytes → damaged', async (cut) => {
    const bytes = fromB64(file.payload.ciphertext);
    const bad = tampered((f) => void (f.payload.ciphertext = toB64(bytes.subarray(0, bytes.length - cut))));
    await expect(openVault(bad, masterKey)).rejects.toBeInstanceOf(VaultDamagedError);
  });

  it('a ciphertext shorter than the GCM tag is refused before decryption ("length")', async () => {
    const bad = tampered((f) => void (f.payload.ciphertext = toB64(new Uint8Array(15))));
    await expect(openVault(bad, masterKey)).rejects.toMatchObject({ problem: 'length' });
  });

  it.each<{ label: string; edit: Edit; problem: string }>([
    { label: 'missing payload', edit: (f) => void delete (f as Partial<VaultFile>).payload, problem: 'structure' },
    { label: 'missing salt', edit: (f) => void delete (pslot(f).kdf as Partial<PasswordSlot['kdf']>).salt, problem: 'structure' },
    { label: 'extra field', edit: (f) => void Object.assign(f, { note: 'hi' }), problem: 'structure' },
    { label: 'other cipher', edit: (f) => void Object.assign(f.payload, { cipher: 'AES-128-GCM' }), problem: 'structure' },
    { label: 'other KDF', edit: (f) => void Object.assign(pslot(f).kdf, { algorithm: 'scrypt' }), problem: 'structure' },
    { label: 'salt not base64', edit: (f) => void (pslot(f).kdf.salt = 'not base64!'), problem: 'base64' },
    { label: 'nonce in URL-safe base64', edit: (f) => void (f.payload.nonce = f.payload.nonce.replace(/\+/g, '-').replace(/\//g, '_').replace(/^./, '-')), problem: 'base64' },
    { label: 'nonce with whitespace', edit: (f) => void (f.payload.nonce = ` ${f.payload.nonce}`), problem: 'base64' },
    { label: 'nonce of 8 bytes', edit: (f) => void (f.payload.nonce = toB64(new Uint8Array(8))), problem: 'length' },
    { label: 'wrapped key of 32 bytes', edit: (f) => void (pslot(f).wrap.wrappedKey = toB64(new Uint8Array(32))), problem: 'length' },
    { label: 'key id of 15 bytes', edit: (f) => void (f.keyId = toB64(new Uint8Array(15))), problem: 'length' },
    { label: 'salt of 8 bytes', edit: (f) => void (pslot(f).kdf.salt = toB64(new Uint8Array(8))), problem: 'length' },
    { label: 'not a vault', edit: (f) => void Object.assign(f, { format: 'hikae-backup' }), problem: 'structure' },
  ])('$label → "$problem"', async ({ edit, problem }) => {
    await expect(unlockVault(tampered(edit), PASSWORD)).rejects.toMatchObject({ name: 'VaultDamagedError', problem });
  });

  it.each([null, 42, 'null', '[]', [], {}])('a value that is no vault (%j) is damaged', async (value) => {
    await expect(unlockVault(value, PASSWORD)).rejects.toBeInstanceOf(VaultDamagedError);
  });

  it('the payload of another vault (same password) does not open: AAD binds it to its key id', async () => {
    const other = await createVault(PASSWORD, contents(), deps, FAST_KDF);
    const swapped = tampered((f) => void (f.payload = clone(other.file.payload)));
    await expect(unlockVault(swapped, PASSWORD)).rejects.toMatchObject({ problem: 'payload' });
  });
});
