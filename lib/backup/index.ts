/** The encrypted OneDrive backup, merge and restore (docs/backup-format.md). */
export { adoptableBackupKeySlots, createBackup, openBackup, openBackupWithKey, vaultFileFromBackup, adoptNewerKeySlots } from './backup';
export { readBackupSummary, parseBackupFile, backupKeySlots, BackupFile, BackupFileV1, BackupFileV2, BackupHeaderSummary, BACKUP_FORMAT, BACKUP_VERSION, READABLE_BACKUP_VERSIONS, BACKUP_FILE_NAME, type BackupSummary } from './file';
export {
  BackupContents,
  BackupSource,
  CURRENT_BACKUP_CONTENTS_VERSION,
  BACKUP_CONTENTS_MIGRATIONS,
  PADDING_BYTES,
} from './contents';
export { BackupAccount, toBackupAccount, accountFromBackup } from './backup-account';
export { backupContentsOf } from './from-vault';
export { mergeContents, TOMBSTONE_MAX_AGE_MS, type MergeReport } from './merge';
export { CLOCK_TOLERANCE_MS, clampStamps } from './clamp-stamps';
export { mergeOrder } from './order';
export { planRestore, applyRestore, accountsFromBackup, contentsFromBackup, type SkipReason } from './restore';
export { BackupDamagedError, UnsupportedBackupVersionError } from './errors';
// The same password and key errors as the vault's.
export { WrongPasswordError, VaultKeyMismatchError } from '../vault/errors';
