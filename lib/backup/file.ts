import { z } from 'zod';
import { envelopeV1Fields, envelopeV2Fields } from '../vault/envelope';
import { keySlotsOf, type KeySlots } from '../vault/key-slots';
import { parseEnvelope, type EnvelopeKind } from '../vault/parse-envelope';
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
export const BackupFileV1 = z.strictObject(envelopeV1Fields(BACKUP_FORMAT, { summary: BackupHeaderSummary }));
export type BackupFileV1 = z.infer<typeof BackupFileV1>;

/** Version 2: the vault's list of key slots, copied unchanged. Layout: docs/backup-format.md. */
export const BackupFileV2 = z.strictObject(envelopeV2Fields(BACKUP_FORMAT, { summary: BackupHeaderSummary }));
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

/** The backup's side of the shared envelope reading (lib/vault/parse-envelope.ts). */
const BACKUP_KIND: EnvelopeKind<BackupFile> = {
  what: 'backup', format: BACKUP_FORMAT, schemas: { 1: BackupFileV1, 2: BackupFileV2 },
  Damaged: BackupDamagedError, Unsupported: UnsupportedBackupVersionError,
};

/**
 * Checks a backup's structure and version without any key (JSON, format id,
 * version, strict fields, base64, lengths, KDF bounds). Accepts the object or
 * its JSON text. Throws {@link BackupDamagedError} or {@link UnsupportedBackupVersionError}
 * (the shared checks' vault errors are turned into their backup subclasses).
 */
export function parseBackupFile(file: unknown): BackupFile {
  try {
    return parseEnvelope(file, BACKUP_KIND);
  } catch (error) {
    throw toBackupError(error);
  }
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
