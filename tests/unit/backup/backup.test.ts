import { beforeAll, describe, expect, it } from 'vitest';
import {
  adoptNewerKeySlots,
  BackupDamagedError,
  createBackup,
  openBackup,
  openBackupWithKey,
  PADDING_BYTES,
  readBackupSummary,
  UnsupportedBackupVersionError,
  vaultFileFromBackup,
  VaultKeyMismatchError,
  WrongPasswordError,
  type BackupFile,
  type BackupFileV2,
} from '../../../lib/backup';
import { sealPayload } from '../../../lib/vault/envelope';
import { refuseWeakSlot } from '../../../lib/vault/kdf';
import {
  changePassword,
  createVault,
  keySlotsOf,
  sealVaultParts,
  slotsDigest,
  openVault,
  UnsupportedVaultVersionError,
  unlockVault,
  VaultDamagedError,
  type VaultContents,
  type VaultFile,
} from '../../../lib/vault';
import { account, clone, deps, FAST_KDF, flipByte, fromB64, pslot } from '../vault/helpers';
import { DEFAULT_SETTINGS } from '../../../lib/vault/settings';
import { CURRENT_BACKUP_CONTENTS_VERSION } from '../../../lib/backup/contents';

const PASSWORD = 'backup test password';
const NOW = 1_750_000_000_000;
const device = { deviceName: 'Taro の仕事用 laptop', browser: 'Firefox 153' };

const local: VaultContents = {
  accounts: [
    account({ issuer: 'GitHub', accountName: 'octocat@example.com', sites: ['github.com'] }),
    account({ issuer: '銀行', accountName: '山田太郎', type: 'hotp', counter: 42 }),
    account({ issuer: 'Contoso', accountName: 'worker@contoso.example', deviceBound: true }),
    account({ issuer: 'Fabrikam', accountName: 'pending', deviceBound: true, secret: '', needsVerification: true }),
  ],
  settings: { autoLockMinutes: 30, theme: 'dark' },
  tombstones: [{ id: 'deleted-one', deletedAt: NOW - 1000 }],
  orderModifiedAt: NOW - 50,
  settingsModifiedAt: NOW - 60,
};

let vaultFile: VaultFile;
let masterKey: Uint8Array;
let backup: BackupFileV2;

beforeAll(async () => {
  ({ file: vaultFile, masterKey } = await createVault(PASSWORD, local, deps, FAST_KDF));
  backup = await createBackup({ contents: local, masterKey, vaultFile, device, now: NOW }, deps);
});

describe('createBackup → openBackup', () => {
  it('round-trips accounts in order, settings, tombstones, timestamps and the source', async () => {
    const { contents, masterKey: key } = await openBackup(backup, PASSWORD);
    expect(key).toEqual(masterKey);
    expect(contents.accounts.map((a) => a.id)).toEqual(local.accounts.map((a) => a.id));
    expect(contents.accounts[0]).toEqual(local.accounts[0]);
    expect(contents.accounts[1]).toEqual(local.accounts[1]);
    expect(contents.settings).toEqual(local.settings);
    expect(contents.tombstones).toEqual(local.tombstones);
    expect(contents.orderModifiedAt).toBe(local.orderModifiedAt);
    expect(contents.settingsModifiedAt).toBe(local.settingsModifiedAt);
    expect(contents.source).toEqual({ ...device, createdAt: NOW });
    expect(await openBackupWithKey(backup, masterKey)).toEqual(contents);
  });

  it('carries device-bound accounts without their secret (name, issuer, parameters and position only)', async () => {
    const { contents } = await openBackup(backup, PASSWORD);
    const bound = local.accounts[2] as (typeof local.accounts)[number];
    const carried = contents.accounts[2];
    expect(carried).not.toHaveProperty('secret');
    expect(carried).not.toHaveProperty('needsVerification');
    const { secret: _s, ...withoutSecret } = bound;
    expect(carried).toEqual(withoutSecret);
    expect(contents.accounts[3]).not.toHaveProperty('secret');
  });

  it('accepts the file as downloaded JSON text', async () => {
    await expect(openBackup(JSON.stringify(backup), PASSWORD)).resolves.toMatchObject({ masterKey });
  });

  it('shows what it holds without the password: count, date, browser — and no device name', () => {
    expect(readBackupSummary(backup)).toEqual({ formatVersion: 2, createdAt: NOW, accountCount: 4, browser: 'Firefox 153' });
    expect(JSON.stringify(backup.summary)).not.toContain('Taro');
  });

  it('keeps every secret, account name, issuer, site and the device name out of the clear file', () => {
    const text = JSON.stringify(backup);
    const needles = local.accounts.flatMap((a) => [a.secret, a.accountName, a.issuer, ...(a.sites ?? [])]).filter((s) => s !== '');
    needles.push(device.deviceName, 'Taro', 'octocat', 'github');
    for (const needle of needles) {
      expect(text, needle).not.toContain(needle);
      expect(text.toLowerCase(), needle).not.toContain(needle.toLowerCase());
    }
  });

  it('pads the plaintext to a multiple of 1024 bytes, so the size does not reveal name lengths', async () => {
    const short = await createBackup({ contents: { ...local, accounts: [account({ issuer: 'A', accountName: 'b' })] }, masterKey, vaultFile, device, now: NOW }, deps);
    const long = await createBackup({ contents: { ...local, accounts: [account({ issuer: 'A'.repeat(200), accountName: 'b'.repeat(200) })] }, masterKey, vaultFile, device, now: NOW }, deps);
    for (const file of [backup, short, long]) expect((fromB64(file.payload.ciphertext).length - 16) % PADDING_BYTES).toBe(0);
    expect(fromB64(short.payload.ciphertext).length).toBe(fromB64(long.payload.ciphertext).length);
  });

  it('copies the vault\'s password slot: the same password opens both', () => {
    expect(pslot(backup)).toEqual(pslot(vaultFile));
    expect(backup.keyId).toBe(vaultFile.keyId);
  });
});

describe('errors', () => {
  it.each(['wrong', '', 'backup test passwor'])('wrong password %j → WrongPasswordError', async (password) => {
    await expect(openBackup(backup, password)).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('another device\'s key → VaultKeyMismatchError (ask for the password instead)', async () => {
    const other = await createVault(PASSWORD, local, deps, FAST_KDF);
    await expect(openBackupWithKey(backup, other.masterKey)).rejects.toBeInstanceOf(VaultKeyMismatchError);
    await expect(createBackup({ contents: local, masterKey: other.masterKey, vaultFile, device, now: NOW }, deps)).rejects.toBeInstanceOf(VaultKeyMismatchError);
  });

  type Edit = (b: BackupFile) => void;
  const tamper = (edit: Edit) => {
    const copy = clone(backup);
    edit(copy);
    return copy;
  };

  const flips: { region: string; edit: Edit }[] = [
    ...[0, 7, -1].map((i): { region: string; edit: Edit } => ({ region: `payload ciphertext byte ${i}`, edit: (b) => void (b.payload.ciphertext = flipByte(b.payload.ciphertext, i)) })),
    { region: 'payload nonce', edit: (b) => void (b.payload.nonce = flipByte(b.payload.nonce, 0)) },
    { region: 'wrapped key', edit: (b) => void (pslot(b).wrap.wrappedKey = flipByte(pslot(b).wrap.wrappedKey, 5)) },
    { region: 'wrap nonce', edit: (b) => void (pslot(b).wrap.nonce = flipByte(pslot(b).wrap.nonce, 5)) },
    { region: 'verifier', edit: (b) => void (pslot(b).verifier = flipByte(pslot(b).verifier, 5)) },
    { region: 'salt', edit: (b) => void (pslot(b).kdf.salt = flipByte(pslot(b).kdf.salt, 5)) },
    { region: 'slot checksum', edit: (b) => void (pslot(b).checksum = flipByte(pslot(b).checksum, 5)) },
    { region: 'key id', edit: (b) => void (b.keyId = flipByte(b.keyId, 5)) },
    { region: 'accountCount + 1', edit: (b) => void (b.summary.accountCount += 1) },
    { region: 'accountCount 0', edit: (b) => void (b.summary.accountCount = 0) },
    { region: 'createdAt', edit: (b) => void (b.summary.createdAt -= 86_400_000) },
    { region: 'browser', edit: (b) => void (b.summary.browser = 'Chrome 156') },
  ];

  it.each(flips)('$region → BackupDamagedError with the password', async ({ edit }) => {
    const error = await openBackup(tamper(edit), PASSWORD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupDamagedError);
    expect(error).toBeInstanceOf(VaultDamagedError);
  });

  it.each(flips.filter((f) => !/key id/.test(f.region)))('$region → BackupDamagedError with the key', async ({ edit }) => {
    await expect(openBackupWithKey(tamper(edit), masterKey)).rejects.toBeInstanceOf(BackupDamagedError);
  });

  it('a password slot swapped in from another backup of the same key is refused (the AAD binds the slot)', async () => {
    const rewrapped = await changePassword(vaultFile, masterKey, 'attacker password', deps, FAST_KDF);
    const swapped = tamper((b) => void (b.version === 2 && rewrapped.version === 2 && (b.slots = clone(rewrapped.slots))));
    await expect(openBackupWithKey(swapped, masterKey)).rejects.toMatchObject({ name: 'BackupDamagedError', problem: 'payload' });
    await expect(openBackup(swapped, 'attacker password')).rejects.toMatchObject({ problem: 'payload' });
  });

  it.each([
    { label: 'truncated text', file: () => JSON.stringify(backup).slice(0, 200), problem: 'not-json' },
    { label: 'a vault, not a backup', file: () => vaultFile, problem: 'structure' },
    { label: 'missing summary', file: () => tamper((b) => void delete (b as Partial<BackupFile>).summary), problem: 'structure' },
    { label: 'extra header field (e.g. leaked names)', file: () => ({ ...clone(backup), issuers: ['GitHub'] }), problem: 'structure' },
    { label: 'browser with control characters', file: () => tamper((b) => void (b.summary.browser = 'Fire\u0007fox')), problem: 'structure' },
  ])('$label → BackupDamagedError("$problem")', async ({ file, problem }) => {
    await expect(openBackup(file(), PASSWORD)).rejects.toMatchObject({ name: 'BackupDamagedError', problem });
    expect(() => readBackupSummary(file())).toThrow(BackupDamagedError);
  });

  it('a backup payload is never accepted as a vault payload (different key label and AAD)', async () => {
    const franken = { ...clone(vaultFile), payload: clone(backup.payload) };
    await expect(openVault(franken, masterKey)).rejects.toMatchObject({ name: 'VaultDamagedError', problem: 'payload' });
  });

  it.each([3, 9])('format version %d → UnsupportedBackupVersionError naming it', async (version) => {
    const newer = { ...clone(backup), version };
    const error = await openBackup(newer, PASSWORD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedBackupVersionError);
    expect(error).toBeInstanceOf(UnsupportedVaultVersionError);
    expect(error).toMatchObject({ version, part: 'file' });
    expect(() => readBackupSummary(newer)).toThrow(UnsupportedBackupVersionError);
  });

  it('a newer contentsVersion inside → UnsupportedBackupVersionError("contents")', async () => {
    // Re-seal with the real AAD but a future contents version, as a newer extension would.
    const aad = ['hikae-backup', 2, backup.keyId, backup.summary.createdAt, backup.summary.accountCount, backup.summary.browser, backup.slotsGeneration, await slotsDigest(keySlotsOf(backup)), 'AES-256-GCM'];
    const plaintext = new TextEncoder().encode(JSON.stringify({ contentsVersion: CURRENT_BACKUP_CONTENTS_VERSION + 1, anything: true }));
    const newer = { ...clone(backup), payload: await sealPayload(masterKey, 'hikae/backup-payload/v1', plaintext, aad, deps) };
    await expect(openBackupWithKey(newer, masterKey)).rejects.toMatchObject({ name: 'UnsupportedBackupVersionError', version: CURRENT_BACKUP_CONTENTS_VERSION + 1, part: 'contents' });
  });

  it('contents that disagree with the clear summary → "summary-mismatch"', async () => {
    const { contents } = await openBackup(backup, PASSWORD);
    const lying = { contentsVersion: 1, ...contents, accounts: contents.accounts.slice(1) };
    const plaintext = new TextEncoder().encode(JSON.stringify(lying));
    const aad = ['hikae-backup', 2, backup.keyId, backup.summary.createdAt, backup.summary.accountCount, backup.summary.browser, backup.slotsGeneration, await slotsDigest(keySlotsOf(backup)), 'AES-256-GCM'];
    const bad = { ...clone(backup), payload: await sealPayload(masterKey, 'hikae/backup-payload/v1', plaintext, aad, deps) };
    await expect(openBackupWithKey(bad, masterKey)).rejects.toMatchObject({ name: 'BackupDamagedError', problem: 'summary-mismatch' });
  });

  it.each([
    { label: 'an empty browser name', input: { device: { deviceName: 'x', browser: '' } }, problem: 'invalid-device' },
    { label: 'a 101-character device name', input: { device: { deviceName: 'x'.repeat(101), browser: 'Chrome' } }, problem: 'invalid-device' },
    { label: 'a newline in the browser name', input: { device: { deviceName: 'x', browser: 'Chrome\n156' } }, problem: 'invalid-device' },
    { label: 'a fractional time', input: { now: 1.5 }, problem: 'invalid-time' },
    { label: 'a negative time', input: { now: -1 }, problem: 'invalid-time' },
    { label: 'invalid contents', input: { contents: { ...local, settings: { ...DEFAULT_SETTINGS, autoLockMinutes: 0 } } }, problem: 'invalid-contents' },
  ])('createBackup refuses $label', async ({ input, problem }) => {
    await expect(createBackup({ contents: local, masterKey, vaultFile, device, now: NOW, ...input }, deps)).rejects.toMatchObject({ name: 'InvalidVaultInputError', problem });
  });
});

describe('sharing the master key between devices', () => {
  it('vaultFileFromBackup: a new device gets a vault with the same key and password, no second KDF needed', async () => {
    const { contents, masterKey: key } = await openBackup(backup, PASSWORD);
    const restored = { accounts: [account()], settings: contents.settings, tombstones: [] };
    const newVault = await vaultFileFromBackup(backup, key, restored, deps, { minimumKdf: FAST_KDF });
    expect(pslot(newVault)).toEqual(pslot(backup));
    expect(newVault.keyId).toBe(backup.keyId);
    expect((await unlockVault(newVault, PASSWORD)).contents).toEqual(restored);
    expect(await openVault(newVault, key)).toEqual(restored);
  });

  it('vaultFileFromBackup refuses a key that is not the backup\'s', async () => {
    const other = await createVault(PASSWORD, local, deps, FAST_KDF);
    await expect(vaultFileFromBackup(backup, other.masterKey, local, deps, { minimumKdf: FAST_KDF })).rejects.toBeInstanceOf(VaultKeyMismatchError);
  });

  it('adoptNewerKeySlots takes a password changed on another device, and only a newer list', async () => {
    // Device B shares the key and changes the password; its next backup carries the new slot list.
    const deviceB = await changePassword(vaultFile, masterKey, 'changed on device B', deps, FAST_KDF);
    const fromB = await createBackup({ contents: local, masterKey, vaultFile: deviceB, device, now: NOW + 1 }, deps);
    const adopted = await adoptNewerKeySlots(vaultFile, fromB, masterKey);
    expect(adopted).toEqual(keySlotsOf(deviceB));
    const withAdopted = await sealVaultParts({ masterKey, keySlots: adopted!, contents: local }, deps);
    await expect(unlockVault(withAdopted, 'changed on device B')).resolves.toMatchObject({ contents: local });
    await expect(unlockVault(withAdopted, PASSWORD)).rejects.toBeInstanceOf(WrongPasswordError);
    // Device B itself, and device A once adopted, have nothing newer to take.
    expect(await adoptNewerKeySlots(deviceB, fromB, masterKey)).toBeNull();
    expect(await adoptNewerKeySlots(deviceB, backup, masterKey)).toBeNull();
  });

  it('adoptNewerKeySlots never adopts slots that were not authenticated by the key', async () => {
    const deviceB = await changePassword(vaultFile, masterKey, 'changed on device B', deps, FAST_KDF);
    const forged = { ...clone(backup), slotsGeneration: deviceB.slotsGeneration, slots: clone(deviceB.slots) };
    await expect(adoptNewerKeySlots(vaultFile, forged, masterKey)).rejects.toBeInstanceOf(BackupDamagedError);
  });
});

describe('never adopt or restore a slot weaker than the defaults', () => {
  it.each([
    { label: 'the defaults', kdf: { memoryKiB: 65536, iterations: 3 }, refused: false },
    { label: 'stronger: 128 MiB, 4 passes', kdf: { memoryKiB: 131072, iterations: 4 }, refused: false },
    { label: 'less memory: 32 MiB, 3 passes', kdf: { memoryKiB: 32768, iterations: 3 }, refused: true },
    { label: 'fewer passes: 64 MiB, 2 passes', kdf: { memoryKiB: 65536, iterations: 2 }, refused: true },
    { label: 'more memory cannot buy back passes: 256 MiB, 1 pass', kdf: { memoryKiB: 262144, iterations: 1 }, refused: true },
    { label: 'the unit tests\' 64 KiB, 1 pass', kdf: { memoryKiB: 64, iterations: 1 }, refused: true },
  ])('refuseWeakSlot: $label → refused $refused', ({ kdf, refused }) => {
    if (refused) expect(() => refuseWeakSlot(kdf)).toThrow(expect.objectContaining({ name: 'VaultDamagedError', problem: 'weak-slot' }));
    else expect(() => refuseWeakSlot(kdf)).not.toThrow();
  });

  it('vaultFileFromBackup (restore, join) refuses a backup whose slot is weaker than the defaults, before decrypting', async () => {
    const { contents, masterKey: key } = await openBackup(backup, PASSWORD);
    const restored = { accounts: [], settings: contents.settings, tombstones: [] };
    await expect(vaultFileFromBackup(backup, key, restored, deps)).rejects.toMatchObject({ name: 'BackupDamagedError', problem: 'weak-slot', message: expect.stringMatching(/64 KiB, 1 passes\) is weaker than the minimum \(65536 KiB, 3 passes\)/) });
  });

  it('adoptNewerKeySlots refuses a newer slot weaker than the defaults when this vault has the defaults', async () => {
    const strong = await createVault(PASSWORD, local, deps);
    const weakened = await changePassword(strong.file, strong.masterKey, 'weak slot from elsewhere', deps, FAST_KDF);
    const planted = await createBackup({ contents: local, masterKey: strong.masterKey, vaultFile: weakened, device, now: NOW }, deps);
    await expect(adoptNewerKeySlots(strong.file, planted, strong.masterKey)).rejects.toMatchObject({ name: 'BackupDamagedError', problem: 'weak-slot' });
  });
});

describe('createBackup with the real default parameters', () => {
  it('restores on a new device with only the password', async () => {
    const real = await createVault(PASSWORD, local, deps);
    const file = await createBackup({ contents: local, masterKey: real.masterKey, vaultFile: real.file, device, now: NOW }, deps);
    expect(pslot(file).kdf).toMatchObject({ memoryKiB: 65536, iterations: 3, parallelism: 1 });
    const { contents, masterKey: key } = await openBackup(JSON.stringify(file), PASSWORD);
    expect(key).toEqual(real.masterKey);
    expect(contents.accounts).toHaveLength(4);
  });
});
