import { z } from 'zod';
import { decodeBase64Field } from '../vault/bytes';
import { checkFormatAndVersion, checkPayloadFields, describeIssues, EncryptedPayload, fileValue, KEY_ID_BYTES } from '../vault/envelope';
import { keySlotsOf } from '../vault/file';
import { checkKeySlots, SlotList, type KeySlots } from '../vault/key-slots';
import { PasswordSlot } from '../vault/password-slot';
import { backupLabel } from './contents';
import { BackupDamagedError, toBackupError, UnsupportedBackupVersionError } from './errors';

/** The format id of a backup file. */
export const BACKUP_FORMAT = 'hikae-backup';
/** The backup version this code writes. */
export const BACKUP_VERSION = 2;
/** Every backup version this code reads (version 1 forever). */
export const READABLE_BACKUP_VERSIONS = [1, 2] as const;
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

/** Version 1: one password slot. Read forever, never written again. */
export const BackupFileV1 = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  summary: BackupHeaderSummary,
  keyId: z.string(),
  passwordSlot: PasswordSlot,
  payload: EncryptedPayload,
});
export type BackupFileV1 = z.infer<typeof BackupFileV1>;

/** Version 2: the vault's list of key slots, copied unchanged. Layout: docs/backup-format.md. */
export const BackupFileV2 = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(2),
  summary: BackupHeaderSummary,
  keyId: z.string(),
  slotsGeneration: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  slots: SlotList,
  payload: EncryptedPayload,
});
export type BackupFileV2 = z.infer<typeof BackupFileV2>;

/** The backup as uploaded (or exported), of any readable version. */
export const BackupFile = z.discriminatedUnion('version', [BackupFileV1, BackupFileV2]);
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
  const version = checkFormatAndVersion(value, BACKUP_FORMAT, READABLE_BACKUP_VERSIONS, {
    damaged: damaged('structure'),
    unsupported: (found) =>
      new UnsupportedBackupVersionError(found, 'file', `The backup is format version ${found}; this version of the extension reads up to ${BACKUP_VERSION}. Update the extension.`),
  });
  const parsed = (version === 1 ? BackupFileV1 : BackupFileV2).safeParse(value);
  if (!parsed.success) {
    throw new BackupDamagedError('structure', `The backup file is malformed: ${describeIssues(parsed.error)}`, { cause: parsed.error });
  }
  const backup = parsed.data;
  try {
    decodeBase64Field(backup.keyId, 'keyId', { exactly: KEY_ID_BYTES });
    checkKeySlots(keySlotsOf(backup));
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

/** The key slots a backup carries (structure checked, nothing decrypted): a version-1 backup as its one-slot list. */
export function backupKeySlots(file: unknown): KeySlots {
  return keySlotsOf(parseBackupFile(file));
}
