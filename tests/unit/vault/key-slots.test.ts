import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  changePassword,
  compareKeySlots,
  decodeContents,
  createVault,
  keySlotsOf,
  openVault,
  parseVaultFile,
  sealVault,
  sealVaultParts,
  unlockVault,
  VaultDamagedError,
  WrongPasswordError,
  type KeySlots,
} from '../../../lib/vault';
import { contents, deps, FAST_KDF, pslot, toB64 } from './helpers';

/*
 * Version 2's list of key slots (docs/vault-format.md, "Key slots"): the v1 →
 * v2 migration on first write, slots of a later version kept and never used, the
 * list rules, and which of two lists is newer.
 */

const dir = join(import.meta.dirname, '../../fixtures/vault');
const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const passwords = read('passwords.json') as Record<string, string>;
// As this version reads them: the committed version-1 contents through the contents migrations.
const fixtureContents = decodeContents(new TextEncoder().encode(JSON.stringify({ contentsVersion: 1, ...(read('contents-v1.json') as object) })));

describe('version-2 fixtures (real Argon2id parameters)', () => {
  it.each(['vault-v2.json', 'vault-v2-future-slot.json'])('%s opens with its password and gives the committed contents', async (name) => {
    const { contents: opened, file } = await unlockVault(read(name), passwords[name]!);
    expect(opened).toEqual(fixtureContents);
    expect(file.version).toBe(2);
    expect(pslot(file).generation).toBe(2);
  });

  it('a slot of a later version is kept unchanged through a change and a password change, and never opens anything', async () => {
    const file = parseVaultFile(read('vault-v2-future-slot.json'));
    if (file.version !== 2) throw new Error('fixture must be version 2');
    const future = file.slots.find((slot) => slot.type === 'recovery-key');
    expect(future).toBeDefined();
    const { masterKey } = await unlockVault(file, passwords['vault-v2-future-slot.json']!);
    const sealed = await sealVault(file, masterKey, await openVault(file, masterKey), deps);
    expect(sealed.slots).toEqual(file.slots);
    expect(sealed.slotsGeneration).toBe(file.slotsGeneration);
    const changed = await changePassword(sealed, masterKey, 'after the change', deps, FAST_KDF);
    expect(changed.slots.find((slot) => slot.type === 'recovery-key')).toEqual(future);
    expect(changed.slots.map((slot) => slot.type)).toEqual(file.slots.map((slot) => slot.type));
    expect(changed.slotsGeneration).toBe(file.slotsGeneration + 1);
    await expect(unlockVault(changed, passwords['vault-v2-future-slot.json']!)).rejects.toBeInstanceOf(WrongPasswordError);
    await expect(unlockVault(changed, 'after the change')).resolves.toMatchObject({ contents: fixtureContents });
  });
});

describe('version 1 → 2 on first write', () => {
  it('vault-v1.json sealed again is version 2 with its one slot unchanged, same key and password', async () => {
    const v1 = parseVaultFile(read('vault-v1.json'));
    if (v1.version !== 1) throw new Error('fixture must be version 1');
    const { masterKey, contents: opened } = await unlockVault(v1, passwords['vault-v1.json']!);
    const v2 = await sealVault(v1, masterKey, opened, deps);
    expect(v2).toMatchObject({ version: 2, keyId: v1.keyId, slotsGeneration: v1.passwordSlot.generation, slots: [v1.passwordSlot] });
    expect(await openVault(v2, masterKey)).toEqual(opened);
    await expect(unlockVault(v2, passwords['vault-v1.json']!)).resolves.toMatchObject({ contents: fixtureContents });
  });

  it('a password change of a version-1 vault writes version 2', async () => {
    const v1 = read('vault-v1.json');
    const { masterKey } = await unlockVault(v1, passwords['vault-v1.json']!);
    const changed = await changePassword(parseVaultFile(v1), masterKey, 'new password', deps, FAST_KDF);
    expect(changed.version).toBe(2);
    expect(pslot(changed).generation).toBe(2);
    await expect(unlockVault(changed, 'new password')).resolves.toMatchObject({ contents: fixtureContents });
  });
});

describe('slot list rules', () => {
  const made = createVault('list rules password', contents(), deps, FAST_KDF);
  const foreign = (type = 'recovery-key', extra: Record<string, unknown> = {}) => ({ type, checksum: toB64(new Uint8Array(32).fill(7)), ...extra });

  it.each([
    { label: 'no slot at all', slots: () => [], problem: 'structure' },
    { label: 'no password slot', slots: () => [foreign()], problem: 'structure' },
    { label: 'nine slots', slots: (s: unknown) => [s, ...Array.from({ length: 8 }, () => foreign())], problem: 'structure' },
    { label: 'an unknown slot without a checksum', slots: (s: unknown) => [s, { type: 'passkey' }], problem: 'structure' },
    { label: 'an unknown slot with a bad type name', slots: (s: unknown) => [s, foreign('Pass Key!')], problem: 'structure' },
    { label: 'a "password" slot missing its fields', slots: (s: unknown) => [s, foreign('password')], problem: 'structure' },
    { label: 'an unknown slot whose checksum is not base64', slots: (s: unknown) => [s, { type: 'passkey', checksum: 'not base64!' }], problem: 'base64' },
    { label: 'an unknown slot of more than 8 KiB', slots: (s: unknown) => [s, foreign('passkey', { blob: 'A'.repeat(9000) })], problem: 'length' },
  ])('$label → VaultDamagedError("$problem")', async ({ slots, problem }) => {
    const { file } = await made;
    const edited = { ...file, slots: slots(file.slots[0]) };
    const error = (() => {
      try {
        parseVaultFile(edited);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(VaultDamagedError);
    expect(error).toMatchObject({ problem });
  });

  it('an unknown slot within the rules is accepted and kept', async () => {
    const { file } = await made;
    expect(keySlotsOf(parseVaultFile({ ...file, slots: [...file.slots, foreign('passkey', { credentialId: 'abc', wrap: { nonce: 'x' } })] })).slots).toHaveLength(2);
  });
});

describe('which slot list is newer', () => {
  it('higher generation wins; a tie between different lists is decided the same way on every device', async () => {
    const { file, masterKey } = await createVault('compare password', contents(), deps, FAST_KDF);
    const a = await changePassword(file, masterKey, 'changed on A', deps, FAST_KDF);
    const b = await changePassword(file, masterKey, 'changed on B', deps, FAST_KDF);
    const [base, la, lb] = [keySlotsOf(file), keySlotsOf(a), keySlotsOf(b)];
    expect(await compareKeySlots(la, base)).toBeGreaterThan(0);
    expect(await compareKeySlots(base, la)).toBeLessThan(0);
    expect(await compareKeySlots(la, la)).toBe(0);
    const ab = await compareKeySlots(la, lb);
    expect(ab).not.toBe(0);
    expect(Math.sign(await compareKeySlots(lb, la))).toBe(-Math.sign(ab));
  });

  it('a re-key is one call: a new key, new slots, the contents sealed again (what trust-ux builds on)', async () => {
    const { file, masterKey } = await createVault('old password', contents(), deps, FAST_KDF);
    const opened = await openVault(file, masterKey);
    const fresh = await createVault('new password', opened, deps, FAST_KDF);
    const keySlots: KeySlots = { generation: file.slotsGeneration + 1, slots: fresh.file.slots };
    const rekeyed = await sealVaultParts({ masterKey: fresh.masterKey, keySlots, contents: opened }, deps);
    expect(rekeyed.keyId).not.toBe(file.keyId);
    expect(await openVault(rekeyed, fresh.masterKey)).toEqual(opened);
    await expect(openVault(rekeyed, masterKey)).rejects.toMatchObject({ name: 'VaultKeyMismatchError' });
    await expect(unlockVault(rekeyed, 'old password')).rejects.toBeInstanceOf(WrongPasswordError);
  });
});
