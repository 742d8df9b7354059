import { z } from 'zod';
import { Settings } from '../vault/settings';
import { Tombstone } from '../vault/contents';
import { decodeVersioned } from '../vault/contents';
import type { MigrationTable } from '../vault/migrations';
import { SHARED_CONTENTS_MIGRATIONS } from '../vault/contents-migrations';
import { BackupAccount } from './backup-account';
import { BackupDamagedError, UnsupportedBackupVersionError } from './errors';

// Device and browser names are shown in the UI: no control characters or layout tricks.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const label = (min: number) => z.string().min(min).max(100).refine((s) => !CONTROL.test(s), 'contains control characters');

/** The device and browser that made a backup, and when. */
export const BackupSource = z.object({
  /** Chosen by the user, may be empty; encrypted (never in the clear header). */
  deviceName: label(0),
  /** e.g. "Firefox 153"; also in the clear summary. */
  browser: label(1),
  /** Milliseconds since the epoch. */
  createdAt: z.number().int().nonnegative(),
});
export type BackupSource = z.infer<typeof BackupSource>;

export { label as backupLabel };

const uniqueIds = (items: readonly { id: string }[]) => new Set(items.map((i) => i.id)).size === items.length;

/** The decrypted backup (docs/backup-format.md, "Plaintext payload"). Accounts in the user's order. */
export const BackupContents = z.object({
  source: BackupSource,
  accounts: z.array(BackupAccount).refine(uniqueIds, 'Two accounts have the same id.'),
  settings: Settings,
  tombstones: z.array(Tombstone).refine(uniqueIds, 'Two tombstones have the same id.'),
  orderModifiedAt: z.number().optional(),
  settingsModifiedAt: z.number().optional(),
  /** The tombstone pruning horizon, as in the vault. */
  prunedBefore: z.number().optional(),
});
export type BackupContents = z.infer<typeof BackupContents>;

/** The `contentsVersion` this code writes into backups. */
export const CURRENT_BACKUP_CONTENTS_VERSION = 2;
/** Migrations of the backup's encrypted contents, `n → n + 1` (1 → 2: sites, as the vault's). */
export const BACKUP_CONTENTS_MIGRATIONS: MigrationTable = SHARED_CONTENTS_MIGRATIONS;

/** Plaintext size granularity: hides the lengths of names and issuers from the file size. */
export const PADDING_BYTES = 1024;

/** UTF-8 JSON, padded with spaces (JSON whitespace) to a multiple of {@link PADDING_BYTES}. */
export function encodeBackupContents(contents: BackupContents): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify({ contentsVersion: CURRENT_BACKUP_CONTENTS_VERSION, ...contents }));
  const padded = new Uint8Array(Math.ceil((json.length + 1) / PADDING_BYTES) * PADDING_BYTES).fill(0x20);
  padded.set(json);
  return padded;
}

export function decodeBackupContents(plaintext: Uint8Array): BackupContents {
  return decodeVersioned(plaintext, {
    schema: BackupContents,
    current: CURRENT_BACKUP_CONTENTS_VERSION,
    migrations: BACKUP_CONTENTS_MIGRATIONS,
    what: 'backup contents',
    damaged: (message, cause) => new BackupDamagedError('contents', message, { cause }),
    unsupported: (version) =>
      new UnsupportedBackupVersionError(version, 'contents', `The backup contents are version ${version}; this version of the extension reads up to ${CURRENT_BACKUP_CONTENTS_VERSION}. Update the extension.`),
  });
}
