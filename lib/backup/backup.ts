import type { VaultContents } from '../vault/contents';
import { checkContents } from '../vault/contents';
import type { VaultDeps } from '../vault/deps';
import { keyIdOf, openPayload, requireKeyId, sealPayload } from '../vault/envelope';
import { InvalidVaultInputError } from '../vault/errors';
import { parseVaultFile, type VaultFile } from '../vault/file';
import { compareSlots, unwrapPasswordSlot, verifySlotChecksum } from '../vault/password-slot';
import { createVaultWithSlot } from '../vault/vault';
import { toBackupAccount } from './backup-account';
import { BackupSource, decodeBackupContents, encodeBackupContents, type BackupContents } from './contents';
import { asBackupErrors, BackupDamagedError } from './errors';
import { BACKUP_FORMAT, BACKUP_VERSION, parseBackupFile, type BackupFile, type BackupHeaderSummary } from './file';

const BACKUP_PAYLOAD_INFO = 'hikae/backup-payload/v1';

/** The payload's AAD: format, version, key id, the clear summary and the slot's checksum. */
const payloadAad = (backup: Pick<BackupFile, 'keyId' | 'summary' | 'passwordSlot'>) =>
  [
    BACKUP_FORMAT,
    BACKUP_VERSION,
    backup.keyId,
    backup.summary.createdAt,
    backup.summary.accountCount,
    backup.summary.browser,
    backup.passwordSlot.checksum,
    'AES-256-GCM',
  ] as const;

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
): Promise<BackupFile> {
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
  const backupContents: BackupContents = {
    source: source.data,
    accounts: contents.accounts.map(toBackupAccount),
    settings: contents.settings,
    tombstones: contents.tombstones,
    ...(contents.orderModifiedAt === undefined ? {} : { orderModifiedAt: contents.orderModifiedAt }),
    ...(contents.settingsModifiedAt === undefined ? {} : { settingsModifiedAt: contents.settingsModifiedAt }),
    ...(contents.prunedBefore === undefined ? {} : { prunedBefore: contents.prunedBefore }),
  };
  const summary: BackupHeaderSummary = { createdAt: input.now, accountCount: backupContents.accounts.length, browser: source.data.browser };
  const header = { summary, keyId: vault.keyId, passwordSlot: vault.passwordSlot };
  const payload = await sealPayload(input.masterKey, BACKUP_PAYLOAD_INFO, encodeBackupContents(backupContents), payloadAad(header), deps);
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, ...header, payload };
}

/** Decrypts with a key known to be the file's, then checks the summary against the contents. */
async function decrypt(backup: BackupFile, masterKey: Uint8Array): Promise<BackupContents> {
  await verifySlotChecksum(backup.passwordSlot);
  const contents = decodeBackupContents(await openPayload(masterKey, BACKUP_PAYLOAD_INFO, backup.payload, payloadAad(backup), payloadDamaged));
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
    const masterKey = await unwrapPasswordSlot(backup.passwordSlot, password);
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
export async function vaultFileFromBackup(file: unknown, masterKey: Uint8Array, contents: VaultContents, deps: VaultDeps): Promise<VaultFile> {
  const backup = parseBackupFile(file);
  await openBackupWithKey(backup, masterKey);
  return createVaultWithSlot(backup.passwordSlot, masterKey, contents, deps);
}

/**
 * When the password was changed on another device sharing this master key, the
 * backup carries a newer slot (higher generation). Returns the vault file with
 * that slot — payload untouched — or `null` when the local slot is current.
 * The backup is authenticated with the key first (its AAD binds the slot), so a
 * slot swapped in the cloud is refused as damaged, never adopted.
 */
export async function adoptNewerPasswordSlot(vaultFile: VaultFile, file: unknown, masterKey: Uint8Array): Promise<VaultFile | null> {
  const vault = parseVaultFile(vaultFile);
  await requireKeyId(masterKey, vault.keyId, 'vault');
  const backup = parseBackupFile(file);
  await openBackupWithKey(backup, masterKey);
  if (compareSlots(backup.passwordSlot, vault.passwordSlot) <= 0) return null;
  return { ...vault, passwordSlot: backup.passwordSlot };
}
