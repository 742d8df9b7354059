import type { VaultContents } from '../vault/contents';
import { checkContents } from '../vault/contents';
import type { VaultDeps } from '../vault/deps';
import { keyIdOf, openPayload, requireKeyId, sealPayload } from '../vault/envelope';
import { InvalidVaultInputError } from '../vault/errors';
import { keySlotsOf, parseVaultFile, type VaultFile } from '../vault/file';
import { compareKeySlots, isPasswordSlot, slotsDigest, unwrapKeySlots, type KeySlots } from '../vault/key-slots';
import { verifySlotChecksum } from '../vault/password-slot';
import { createVaultWithSlots } from '../vault/vault';
import { DEFAULT_KDF, refuseWeakSlot, type KdfParams } from '../vault/kdf';
import { backupContentsOf } from './from-vault';
import { BackupSource, decodeBackupContents, encodeBackupContents, type BackupContents } from './contents';
import { asBackupErrors, BackupDamagedError } from './errors';
import { BACKUP_FORMAT, parseBackupFile, type BackupFile, type BackupFileV2, type BackupHeaderSummary } from './file';

const BACKUP_PAYLOAD_INFO = 'hikae/backup-payload/v1';

/**
 * The payload's AAD: format, version, key id, the clear summary, and what names
 * the key slots exactly — version 2: the list's generation and digest; version 1:
 * its one slot's checksum.
 */
async function payloadAad(backup: Pick<BackupFile, 'version' | 'keyId' | 'summary'> & ({ version: 1; passwordSlot: { checksum: string } } | { version: 2; slotsGeneration: number; slots: KeySlots['slots'] })) {
  const head = [BACKUP_FORMAT, backup.version, backup.keyId, backup.summary.createdAt, backup.summary.accountCount, backup.summary.browser] as const;
  if (backup.version === 1) return [...head, backup.passwordSlot.checksum, 'AES-256-GCM'] as const;
  return [...head, backup.slotsGeneration, await slotsDigest(keySlotsOf(backup)), 'AES-256-GCM'] as const;
}

const payloadDamaged = (message: string, cause?: unknown) => new BackupDamagedError('payload', message, { cause });

/**
 * Makes the backup file of the vault: the contents (device-bound secrets left
 * out), sealed with the vault's master key, and a copy of the vault's password
 * slot so the password alone restores it. No Argon2id: `masterKey` is the
 * session key. `now` (ms since the epoch) is the backup's creation time.
 * Throws {@link VaultKeyMismatchError} if `masterKey` is not the vault's,
 * {@link InvalidVaultInputError} for invalid contents, device names or time.
 */
export async function createBackup(
  input: { contents: VaultContents; masterKey: Uint8Array; vaultFile: VaultFile; device: { deviceName: string; browser: string }; now: number },
  deps: VaultDeps,
): Promise<BackupFileV2> {
  const vault = parseVaultFile(input.vaultFile);
  await requireKeyId(input.masterKey, vault.keyId, 'vault');
  const contents = checkContents(input.contents);
  if (!Number.isSafeInteger(input.now) || input.now < 0) {
    throw new InvalidVaultInputError('invalid-time', `The backup time must be a whole number of ms since the epoch, not ${input.now}.`);
  }
  const source = BackupSource.safeParse({ deviceName: input.device.deviceName, browser: input.device.browser, createdAt: input.now });
  if (!source.success) {
    throw new InvalidVaultInputError('invalid-device', `The device or browser name is unusable: ${source.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const backupContents = backupContentsOf(contents, source.data);
  const summary: BackupHeaderSummary = { createdAt: input.now, accountCount: backupContents.accounts.length, browser: source.data.browser };
  const keySlots = keySlotsOf(vault);
  const header = { format: BACKUP_FORMAT, version: 2, summary, keyId: vault.keyId, slotsGeneration: keySlots.generation, slots: keySlots.slots } as const;
  const payload = await sealPayload(input.masterKey, BACKUP_PAYLOAD_INFO, encodeBackupContents(backupContents), await payloadAad(header), deps);
  const file: BackupFileV2 = { ...header, payload };
  return file;
}

/** Decrypts with a key known to be the file's, then checks the summary against the contents. */
async function decrypt(backup: BackupFile, masterKey: Uint8Array): Promise<BackupContents> {
  for (const slot of keySlotsOf(backup).slots.filter(isPasswordSlot)) await verifySlotChecksum(slot);
  const contents = decodeBackupContents(await openPayload(masterKey, BACKUP_PAYLOAD_INFO, backup.payload, await payloadAad(backup), payloadDamaged));
  const { summary } = backup;
  if (summary.accountCount !== contents.accounts.length || summary.createdAt !== contents.source.createdAt || summary.browser !== contents.source.browser) {
    throw new BackupDamagedError('summary-mismatch', 'The backup summary does not match its encrypted contents.');
  }
  return contents;
}

/**
 * Opens a backup with the password (runs Argon2id: ~0.3 s) — a new device's
 * recovery. Returns the contents and the master key (to build the local vault
 * with {@link vaultFileFromBackup}). Throws {@link WrongPasswordError},
 * {@link BackupDamagedError} or {@link UnsupportedBackupVersionError}.
 */
export async function openBackup(file: unknown, password: string): Promise<{ contents: BackupContents; masterKey: Uint8Array }> {
  return asBackupErrors(async () => {
    const backup = parseBackupFile(file);
    const masterKey = await unwrapKeySlots(keySlotsOf(backup), password);
    if ((await keyIdOf(masterKey)) !== backup.keyId) {
      throw new BackupDamagedError('key-id', "The backup's key id does not match its key: the file was changed or corrupted.");
    }
    return { contents: await decrypt(backup, masterKey), masterKey };
  });
}

/**
 * Opens a backup with the session's master key (no KDF): the device that made
 * it, or any device sharing its key. Throws {@link VaultKeyMismatchError} when
 * the backup was sealed with another key (ask for its password and use
 * {@link openBackup}), otherwise as {@link openBackup}.
 */
export async function openBackupWithKey(file: unknown, masterKey: Uint8Array): Promise<BackupContents> {
  return asBackupErrors(async () => {
    const backup = parseBackupFile(file);
    await requireKeyId(masterKey, backup.keyId, 'backup');
    return decrypt(backup, masterKey);
  });
}

/**
 * The local vault for a backup's master key and password: the backup's slot
 * (same password, no Argon2id) and `contents` sealed with `masterKey`. For a new
 * device after {@link openBackup}, or a device joining a backup made with another
 * key. Authenticates the backup with the key first.
 */
export async function vaultFileFromBackup(
  file: unknown,
  masterKey: Uint8Array,
  contents: VaultContents,
  deps: VaultDeps,
  /** The weakest slot accepted: default {@link DEFAULT_KDF} (never weaker: a cloud writer must not downgrade the device); unit tests pass their fast one. */
  options: { minimumKdf?: Pick<KdfParams, 'memoryKiB' | 'iterations'> } = {},
): Promise<VaultFile> {
  const backup = parseBackupFile(file);
  await refuseWeakSlots(keySlotsOf(backup), options.minimumKdf ?? DEFAULT_KDF);
  await openBackupWithKey(backup, masterKey);
  return createVaultWithSlots(keySlotsOf(backup), masterKey, contents, deps);
}

/**
 * The backup's key slots, for a device that is about to take them as its own
 * (restore, join): refused as damaged ('weak-slot') when a password slot is
 * weaker than `minimumKdf` (default {@link DEFAULT_KDF}; unit tests pass their
 * fast one) — a cloud writer must not downgrade the device.
 */
export async function adoptableBackupKeySlots(file: unknown, options: { minimumKdf?: Pick<KdfParams, 'memoryKiB' | 'iterations'> } = {}): Promise<KeySlots> {
  const keySlots = keySlotsOf(parseBackupFile(file));
  await refuseWeakSlots(keySlots, options.minimumKdf ?? DEFAULT_KDF);
  return keySlots;
}

/** Refuses (as backup damage, 'weak-slot') a list with a password slot weaker than `floor`. */
async function refuseWeakSlots(keySlots: KeySlots, floor: Pick<KdfParams, 'memoryKiB' | 'iterations'>): Promise<void> {
  await asBackupErrors(async () => {
    for (const slot of keySlots.slots) if (isPasswordSlot(slot)) refuseWeakSlot(slot.kdf, floor);
  });
}

/**
 * When the password (or any slot) was changed on another device sharing this
 * master key, the backup carries a newer slot list (docs/vault-format.md, "Which
 * slot list is newer"). Returns that list — to store with the vault's contents —
 * or `null` when the local list is current. The backup is authenticated with the
 * key first (its AAD binds the list), so a list swapped in the cloud is refused
 * as damaged, never adopted.
 * A list whose password slots are weaker than the defaults (or than this vault's
 * own, if those are weaker) is refused as damaged ('weak-slot'), never adopted.
 */
export async function adoptNewerKeySlots(vaultFile: VaultFile, file: unknown, masterKey: Uint8Array): Promise<KeySlots | null> {
  const vault = parseVaultFile(vaultFile);
  await requireKeyId(masterKey, vault.keyId, 'vault');
  const backup = parseBackupFile(file);
  await openBackupWithKey(backup, masterKey);
  const remote = keySlotsOf(backup);
  if ((await compareKeySlots(remote, keySlotsOf(vault))) <= 0) return null;
  const own = keySlotsOf(vault).slots.filter(isPasswordSlot);
  const floor = {
    memoryKiB: Math.min(DEFAULT_KDF.memoryKiB, ...own.map((s) => s.kdf.memoryKiB)),
    iterations: Math.min(DEFAULT_KDF.iterations, ...own.map((s) => s.kdf.iterations)),
  };
  await refuseWeakSlots(remote, floor);
  return remote;
}
