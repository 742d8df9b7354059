import { z } from 'zod';
import { decodeBase64Field } from '../vault/bytes';
import { checkFormatAndVersion, checkPayloadFields, describeIssues, EncryptedPayload, fileValue, KEY_ID_BYTES } from '../vault/envelope';
import { checkSlotFields, PasswordSlot } from '../vault/password-slot';
import { backupLabel } from './contents';
import { BackupDamagedError, toBackupError, UnsupportedBackupVersionError } from './errors';

/** The format id of a backup file. */
export const BACKUP_FORMAT = 'hikae-backup';
/** The backup version this code reads and writes. */
export const BACKUP_VERSION = 1;
/** The file name in the OneDrive app folder (`special/approot`). */
export const BACKUP_FILE_NAME = 'hikae-backup.json';

/** The only plaintext metadata: enough to recognise a backup before asking for its password. */
export const BackupHeaderSummary = z.strictObject({
  /** Milliseconds since the epoch. */
  createdAt: z.number().int().nonnegative(),
  accountCount: z.number().int().min(0).max(100_000),
  /** e.g. "Firefox 153". */
  browser: backupLabel(1),
});
export type BackupHeaderSummary = z.infer<typeof BackupHeaderSummary>;

/** The backup as uploaded. Layout: docs/backup-format.md. */
export const BackupFile = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  summary: BackupHeaderSummary,
  keyId: z.string(),
  passwordSlot: PasswordSlot,
  payload: EncryptedPayload,
});
export type BackupFile = z.infer<typeof BackupFile>;

/** What a recovering device can show before the password: unauthenticated until the backup is opened. */
export interface BackupSummary {
  formatVersion: number;
  /** When the backup was made, ms since the epoch. */
  createdAt: number;
  /** Accounts in the backup, device-bound ones included. */
  accountCount: number;
  /** The browser that made it, e.g. "Firefox 153". */
  browser: string;
}

const damaged = (problem: 'not-json' | 'structure') => (message: string, cause?: unknown) =>
  new BackupDamagedError(problem, message, { cause });

/**
 * Checks a backup's structure and version without any key (JSON, format id,
 * version, strict fields, base64, lengths, KDF bounds). Accepts the object or
 * its JSON text. Throws {@link BackupDamagedError} or {@link UnsupportedBackupVersionError}.
 */
export function parseBackupFile(file: unknown): BackupFile {
  const value = fileValue(file, 'backup', damaged('not-json'));
  checkFormatAndVersion(value, BACKUP_FORMAT, BACKUP_VERSION, {
    damaged: damaged('structure'),
    unsupported: (version) =>
      new UnsupportedBackupVersionError(version, 'file', `The backup is format version ${version}; this version of the extension reads up to ${BACKUP_VERSION}. Update the extension.`),
  });
  const parsed = BackupFile.safeParse(value);
  if (!parsed.success) {
    throw new BackupDamagedError('structure', `The backup file is malformed: ${describeIssues(parsed.error)}`, { cause: parsed.error });
  }
  const backup = parsed.data;
  try {
    decodeBase64Field(backup.keyId, 'keyId', { exactly: KEY_ID_BYTES });
    checkSlotFields(backup.passwordSlot);
    checkPayloadFields(backup.payload);
  } catch (error) {
    throw toBackupError(error);
  }
  return backup;
}

/** What the backup holds, without the password (structure and version checked, nothing decrypted). */
export function readBackupSummary(file: unknown): BackupSummary {
  const { version, summary } = parseBackupFile(file);
  return { formatVersion: version, createdAt: summary.createdAt, accountCount: summary.accountCount, browser: summary.browser };
}
